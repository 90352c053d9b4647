// The app's sandbox as configured (this file runs in its own process): its notifications reach this app's route
// and the hosts in SANDBOX_NOTIFY_HOSTS, and nothing else, whatever URL a sandbox user gives.
import { afterAll, expect, it } from "vitest";
import { database } from "@/lib/db/client";
import { startReceiver } from "@/lib/testing/receiver";
import { buildApplicationRequest } from "./builders";

const listed = await startReceiver();
const unlisted = await startReceiver();
process.env.SESSION_SECRET = "x".repeat(32);
// Its own in-memory database, also when the suite runs against PostgreSQL (that server's database is the e2e's).
delete process.env.DATABASE_URL;
process.env.PGLITE_DIR = "memory";
process.env.PORT = "3998";
process.env.APP_URL = "http://127.0.0.1:3998";
process.env.SANDBOX_NOTIFY_HOSTS = listed.host;
const { sandbox } = await import("./server");

afterAll(async () => {
  await listed.close();
  await unlisted.close();
  await (await database()).close();
});

async function call(path: string, body: unknown, token?: string) {
  const response = await sandbox().handle(
    new Request(`http://127.0.0.1:3998/sandbox${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
    path,
  );
  return { status: response.status, body: await response.json() };
}

it("notifies a listed host, and never an address that is neither listed nor this app's route", async () => {
  const login = await call("/authentication/v1/partner", { username: "sandbox", password: "sandbox" });
  const token = login.body.accessToken as string;
  const lines = [{ code: "MUG", name: "Hrnek", unitPrice: 19_900 }];
  // First the unlisted one (a local service, as an attacker would aim it), then the listed one.
  const refused = await call(
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: "N-1", lines, notificationEndpoint: `${unlisted.origin}/admin` }),
    token,
  );
  expect(refused.status).toBe(201);
  const sent = await call(
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: "N-2", lines, notificationEndpoint: `${listed.origin}/hook` }),
    token,
  );
  expect(sent.status).toBe(201);
  await listed.waitFor(1);
  expect(listed.received).toEqual([
    { path: "/hook", body: { id: sent.body.id, state: "PROCESSING", stateReason: expect.any(String) } },
  ]);
  expect(unlisted.received).toEqual([]);
  // The first call opens and migrates the database: more than the default 30 s on a busy machine.
}, 120_000);
