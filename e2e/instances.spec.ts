// Several instances of the production build on one PostgreSQL, against one Skip Pay (the first instance's
// sandbox): what must hold across them — exactly-once operations, sessions, sign-in limits, the approval limit,
// the notification limits — and an instance killed in the middle of an operation. Runs with TEST_POSTGRES=1 (two
// processes cannot share an embedded database); playwright.config.ts leaves it out otherwise.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { type APIRequestContext, request as requests } from "@playwright/test";
import { pragueToday } from "@/lib/i18n/config";
import { basisOf } from "@/lib/orders/basis";
import { emptyForm } from "@/lib/orders/forms/defaults";
import { orderView } from "@/lib/orders/lines";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { callAction } from "./actions";
import { expect, type Sandbox, test } from "./fixtures";
import { authFile } from "./roles";
import { E2E_BASE_URL as A, E2E_PORT, serverEnv } from "./server-env";

const SECOND_PORT = Number(process.env.E2E_SECOND_PORT ?? E2E_PORT + 1);
const B = `http://127.0.0.1:${SECOND_PORT}`;
const C = `http://127.0.0.1:${SECOND_PORT + 1}`;
const D = `http://127.0.0.1:${SECOND_PORT + 2}`;
const ROOT = path.resolve(import.meta.dirname, "..");

/** Another instance: the same build, database, secrets and Skip Pay as the one Playwright started. */
async function startInstance(url: string): Promise<ChildProcess> {
  const port = Number(new URL(url).port);
  const child = spawn(
    process.execPath,
    [path.join(ROOT, "lib/cli/server.mjs"), "-H", "127.0.0.1", "-p", String(port)],
    { cwd: ROOT, env: { ...process.env, ...serverEnv(port) }, stdio: ["ignore", "ignore", "inherit"] },
  );
  await expect(async () => {
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  }).toPass({ timeout: 60_000 });
  return child;
}

let others: ChildProcess[] = [];
test.beforeAll(async () => {
  others = await Promise.all([startInstance(B), startInstance(C)]);
});
test.afterAll(() => {
  for (const other of others) other.kill("SIGTERM");
});

const LINES: LineSpec[] = [
  { code: "TV", name: "Televize", unitPrice: 1_499_000 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 4 },
];
const TOTAL = 1_499_000 + 4 * 19_900;

async function delivered(sandbox: Sandbox): Promise<ApplicationResponse> {
  const { id } = await sandbox.create("delivered", LINES);
  return sandbox.application(id);
}

/** A confirmation as the order page sends it, planned on `app`. */
function confirmation(
  app: ApplicationResponse,
  values: Record<string, unknown>,
  submissionId = crypto.randomUUID(),
) {
  const keys = orderView(app.order).lines.map((l) => l.key);
  const base = emptyForm((values.kind as OperationKind) ?? "refund", keys, pragueToday());
  return {
    applicationId: app.id,
    values: { ...base, ...values },
    basis: basisOf(app),
    loadedAt: new Date().toISOString(),
    submissionId,
  };
}

type Result = {
  ok: boolean;
  kind?: string;
  operationId?: string;
  failure?: { kind: string; status?: string };
};

/** The server action, posted to one instance or the other. */
async function submit(
  request: APIRequestContext,
  instance: string,
  app: ApplicationResponse,
  argument: unknown,
) {
  const { result } = await callAction(request, "submitOperation", argument, {
    origin: instance,
    path: `${instance}/applications/${app.id}`,
  });
  return result as Result;
}

/** Order changes Skip Pay applied (the fixture's own send and deliver are not counted). */
async function applied(sandbox: Sandbox, id: string) {
  return (await sandbox.events(id)).filter((e) => e.operation === "order/return" && e.changed);
}

const roleRequest = (role: "supervisor" | "agent") => requests.newContext({ storageState: authFile(role) });

test.describe("exactly once across instances", () => {
  test("50 conflicting operations spread over two instances: only valid ones applied, never an over-refund", async ({
    request,
    sandbox,
  }) => {
    const app = await delivered(sandbox);
    const supervisor = await roleRequest("supervisor");
    const tv = orderView(app.order).lines.find((l) => l.code === "TV")?.key as string;
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => {
        const who = i % 4 < 2 ? request : supervisor;
        const where = i % 2 ? A : B;
        const values =
          i % 3 === 0
            ? { kind: "refund", amount: String(900 + i * 10), reason: "goodwill" }
            : i % 3 === 1
              ? {
                  kind: "return",
                  lines: orderView(app.order).lines.map((l) => ({
                    key: l.key,
                    quantity: l.key === tv ? "1" : "",
                  })),
                  reason: "customer_request",
                }
              : { kind: "return", everything: true, reason: "customer_request" };
        return submit(who, where, app, confirmation(app, values));
      }),
    );
    await supervisor.dispose();
    const done = results.filter((r) => r.ok && r.kind === "done");
    const changes = await applied(sandbox, app.id);
    // One Skip Pay change per confirmation that went through, and nothing for the others.
    expect(changes).toHaveLength(done.length);
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => !r.ok))
      expect(["busy", "stale", "refused"]).toContain(r.failure?.kind);
    const now = await sandbox.application(app.id);
    expect(now.order.totalPrice.amount).toBeGreaterThanOrEqual(0);
    expect(now.order.totalPrice.amount).toBeLessThan(TOTAL);
    // Every operation on the order was planned on the same page, so only the first can have applied.
    expect(done).toHaveLength(1);
  });

  test("10 submissions of one confirmation, split over two instances, make one Skip Pay call", async ({
    request,
    sandbox,
  }) => {
    const app = await delivered(sandbox);
    const once = confirmation(app, { kind: "refund", amount: "1000", reason: "goodwill" });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => submit(request, i % 2 ? A : B, app, once)),
    );
    // The one that made the call answers with its outcome; a twin that came while it was with Skip Pay answers at
    // once that it is in progress (the page then watches the journal) — the same contract as on one instance.
    const done = results.filter((r) => r.ok && r.kind === "done");
    expect(done.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => !r.ok)) expect(r.failure?.kind).toBe("in_progress");
    expect(new Set(done.map((r) => r.operationId)).size).toBe(1);
    expect(await applied(sandbox, app.id)).toHaveLength(1);
    expect((await sandbox.application(app.id)).order.totalPrice.amount).toBe(TOTAL - 100_000);
    // Sent again once it has finished, it gets that same outcome.
    const again = await submit(request, B, app, once);
    expect(again).toMatchObject({ ok: true, kind: "done", operationId: done[0]?.operationId });
  });
});

test.describe("limits and sessions hold across instances", () => {
  test("a session made on one instance works on the other, and signing out on either ends it on both", async () => {
    const browser = await requests.newContext();
    const signIn = await browser.post(`${A}/api/auth/sign-in/email`, {
      headers: { origin: A },
      data: { email: "viewer@demo.cz", password: "demo-password" },
    });
    expect(signIn.status()).toBe(200);
    const onB = await browser.get(`${B}/applications`, { maxRedirects: 0 });
    expect(onB.status()).toBe(200);
    expect(await onB.text()).toContain("Věra Pokorná");
    // A browser sends the public origin (the first instance's, here) to whichever instance serves it.
    const out = await browser.post(`${B}/api/auth/sign-out`, { headers: { origin: A }, data: {} });
    expect(out.status()).toBe(200);
    const onA = await browser.get(`${A}/applications`, { maxRedirects: 0 });
    expect(onA.status()).toBe(307);
    expect(onA.headers().location).toContain("/login");
    await browser.dispose();
  });

  test("sign-in limits count attempts on both instances: per account and per client address", async () => {
    // 72 sign-in attempts, each hashing a password: well within the address's one-minute window, but not 30 s.
    test.setTimeout(120_000);
    const client = await requests.newContext();
    const attempt = (instance: string, email: string, address: string) =>
      client.post(`${instance}/api/auth/sign-in/email`, {
        headers: { origin: A, "x-forwarded-for": address },
        data: { email, password: "wrong-password" },
      });
    const stamp = Date.now();
    // B and C trust their proxy's (loopback's) X-Forwarded-For; A, reached directly, counts loopback itself.
    // Ten wrong passwords for one account, alternating instances (and addresses): the eleventh waits on each.
    const account = `nobody.${stamp}@demo.cz`;
    for (let i = 0; i < 10; i++)
      expect((await attempt([B, C][i % 2] as string, account, `198.51.100.${i}`)).status()).toBe(401);
    expect((await attempt(A, account, "198.51.100.50")).status()).toBe(429);
    expect((await attempt(B, account, "198.51.100.51")).status()).toBe(429);
    expect((await attempt(C, account, "198.51.100.52")).status()).toBe(429);
    // Sixty attempts from one address (for as many accounts), alternating instances: the address is spent.
    const address = `203.0.113.${stamp % 250}`;
    for (let i = 0; i < 60; i++) {
      const status = (await attempt(i % 2 ? B : C, `guess.${stamp}.${i}@demo.cz`, address)).status();
      expect(status, `attempt ${i + 1}`).toBe(401);
    }
    expect((await attempt(C, `guess.${stamp}.x@demo.cz`, address)).status()).toBe(429);
    expect((await attempt(B, `guess.${stamp}.y@demo.cz`, address)).status()).toBe(429);
    await client.dispose();
  });

  test("the approval limit counts an agent's refunds made on the other instance", async ({
    request,
    sandbox,
  }) => {
    const app = await delivered(sandbox);
    const first = await submit(
      request,
      A,
      app,
      confirmation(app, { kind: "refund", amount: "3000", reason: "goodwill" }),
    );
    expect(first).toMatchObject({ ok: true, kind: "done" });
    const after = await sandbox.application(app.id);
    // 3 000 + 2 500 Kč is over the agent's 5 000 Kč on this order: the second waits for a supervisor.
    const second = await submit(
      request,
      B,
      after,
      confirmation(after, { kind: "refund", amount: "2500", reason: "goodwill" }),
    );
    expect(second).toMatchObject({ ok: true, kind: "pending_approval" });
    expect(await applied(sandbox, app.id)).toHaveLength(1);
  });

  test("Skip Pay's notifications for one application are limited to 20 a minute over both instances", async ({
    sandbox,
  }) => {
    // Skip Pay notifies the shop's endpoint, not this admin's (its notifications would count too); the admin
    // knows the application once it has read it.
    const { body } = await sandbox.call(
      "POST",
      "/financing/v1/applications",
      buildApplicationRequest({ orderNumber: `N-${Date.now()}`, lines: LINES }),
    );
    const id = body.id as string;
    const agent = await roleRequest("agent");
    expect((await agent.get(`${B}/api/applications/${id}`)).status()).toBe(200);
    const notify = (instance: string) =>
      fetch(`${instance}/api/skippay/notifications`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ id, state: "PROCESSING", stateReason: "PROCESSING_PREAPPROVED" }),
      });
    for (let i = 0; i < 20; i++)
      expect((await notify(i % 2 ? A : B)).status, `notification ${i + 1}`).toBe(200);
    expect((await notify(A)).status).toBe(503);
    expect((await notify(B)).status).toBe(503);
    await agent.dispose();
  });
});

test("an instance killed while Skip Pay holds its answer: the other settles the operation after the lease, and nothing starts before", async ({
  request,
  sandbox,
}) => {
  // The lease is OPERATION_LEASE_SECONDS (25 s here) after the call started.
  test.setTimeout(180_000);
  const doomed = await startInstance(D);
  const app = await delivered(sandbox);
  await sandbox.fault("timeout", `/financing/v1/applications/${app.id}/order/return`);
  const pending = submit(
    request,
    D,
    app,
    confirmation(app, { kind: "refund", amount: "2000", reason: "goodwill" }),
  ).catch(() => null);
  // Skip Pay has applied the refund and holds the answer back: the instance is killed before it hears anything.
  await expect(async () => {
    expect((await sandbox.application(app.id)).order.totalPrice.amount).toBe(TOTAL - 200_000);
  }).toPass({ timeout: 5_000, intervals: [50] });
  const killedAt = Date.now();
  doomed.kill("SIGKILL");
  await pending;

  // The other instances refuse a new operation: the killed one still holds the application.
  const fresh = await sandbox.application(app.id);
  const attempt = () => confirmation(fresh, { kind: "refund", amount: "100", reason: "goodwill" });
  expect(await submit(request, A, fresh, attempt())).toMatchObject({
    ok: false,
    failure: { kind: "busy", status: "in_flight" },
  });
  expect(await submit(request, B, fresh, attempt())).toMatchObject({ ok: false, failure: { kind: "busy" } });

  const journal = async () =>
    (await (await request.get(`${A}/api/applications/${app.id}/journal`)).json()) as {
      entries: { status: string; reconciliation?: string | null }[];
    };
  // Half-way through the lease, reading the application settles nothing yet, and it is still held.
  await new Promise((r) => setTimeout(r, Math.max(0, killedAt + 10_000 - Date.now())));
  expect((await request.get(`${A}/api/applications/${app.id}`)).status()).toBe(200);
  expect((await journal()).entries[0]?.status).toBe("in_flight");
  expect(await submit(request, B, fresh, attempt())).toMatchObject({ ok: false, failure: { kind: "busy" } });

  // Once the lease has passed, reading the application through another instance settles it as applied.
  await expect(async () => {
    expect((await request.get(`${B}/api/applications/${app.id}`)).status()).toBe(200);
    expect((await journal()).entries[0]).toMatchObject({ status: "succeeded", reconciliation: "applied" });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
  expect(Date.now() - killedAt).toBeGreaterThan(20_000);
  expect(await applied(sandbox, app.id)).toHaveLength(1);
  // The application is free again.
  expect(await submit(request, A, fresh, attempt())).toMatchObject({ ok: true, kind: "done" });
});
