// Re-read all against the real sandbox over HTTP and a real database (PGlite, or PostgreSQL with TEST_POSTGRES=1):
// an application changed at Skip Pay outside this admin is listed, re-reading brings its new total and says the
// change came from outside; one listed only because the index missed an answer drops off; the limits stop a round
// before Skip Pay is asked.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { takeFromWindow } from "@/lib/db/rate-limits";
import { applications, throttleWindows } from "@/lib/db/schema";
import { createOperations, type Operations } from "@/lib/operations/service";
import { basisOf } from "@/lib/orders/basis";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import type { SkipPayClient } from "@/lib/skippay/client";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { requestFor } from "@/lib/testing/requests";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import { reconciliation } from "./reconciliation";
import { REREADS_PER_MINUTE, rereadApplications } from "./reread";

const supervisor = { id: "u-sup", name: "Simona Dušková", role: "supervisor" as const };
const LINES = [
  { code: "SOFA", name: "Pohovka", unitPrice: 2_500_000 },
  { code: "LAMP", name: "Lampa", unitPrice: 150_000 },
];

let server: SandboxServer;
let client: SkipPayClient;
let ops: Operations;
let seq = 0;
/** The admin's reads of an application from Skip Pay (GET …/applications/{id}), by id. */
const reads = new Map<string, number>();
const countingFetch: typeof fetch = (input, init) => {
  const request = new Request(input, init);
  const id = new URL(request.url).pathname.match(/\/applications\/([^/]+)$/)?.[1];
  if (request.method === "GET" && id) reads.set(id, (reads.get(id) ?? 0) + 1);
  return fetch(input, init);
};

beforeAll(async () => {
  server = await startSandboxServer();
  client = server.client({ timeoutMs: 4_000, fetch: countingFetch });
  ops = createOperations({ db: server.database.db, client, approvalLimit: 10_000_000, leaseMs: 5_000 });
});

afterAll(async () => {
  await server?.close();
});

/** An approved application at Skip Pay (its order ready to ship), read once by the admin (so in its index). */
async function known(stage: "ready" | "delivered" = "ready"): Promise<ApplicationResponse> {
  seq += 1;
  const created = await client.createApplication(
    buildApplicationRequest({ orderNumber: `REREAD-${seq}-${randomUUID().slice(0, 6)}`, lines: LINES }),
  );
  if (!created.ok) throw new Error(created.error.message);
  await client.sandbox.approve(created.value.id);
  if (stage === "delivered") await client.deliverOrderItems(created.value.id, {});
  const read = await ops.readApplication(created.value.id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

const listed = async (id: string) =>
  (await reconciliation(server.database.db, 500)).rows.find((r) => r.applicationId === id);

describe("Re-read all", () => {
  it("an application changed outside this admin is re-read: its new total is listed, explained as an outside change", async () => {
    const app = await known();
    expect(await listed(app.id)).toBeUndefined();
    // The shop's own system cancels the lamp straight at Skip Pay, and a notification has the admin read it.
    expect((await client.cancelOrderItems(app.id, { items: [{ code: "LAMP" }] })).ok).toBe(true);
    await ops.readApplication(app.id);
    expect(await listed(app.id)).toMatchObject({
      actual: 2_500_000,
      expected: 2_650_000,
      explanation: "outside",
    });

    // Then the sofa too, and this time nothing tells the admin: the list still shows the old total.
    expect((await client.cancelOrderItems(app.id, {})).ok).toBe(true);
    expect(await listed(app.id)).toMatchObject({ actual: 2_500_000, difference: -150_000 });

    const outcome = await rereadApplications(ops, [app.id]);
    expect(outcome).toEqual({ read: [{ id: app.id, status: "differs" }] });
    expect(await listed(app.id)).toMatchObject({
      actual: 0,
      expected: 2_650_000,
      difference: -2_650_000,
      lastOperation: null,
      explanation: "outside",
    });
  });

  it("a difference Skip Pay confirms unchanged is no longer 'not read since': the re-read is the newer read", async () => {
    const app = await known("delivered");
    // Changed outside (the lamp returned straight at Skip Pay), then a refund made here: the index's last read
    // came with the refund's own answer, before the refund was journalled as finished — "stale".
    expect((await client.returnOrderItems(app.id, { items: [{ code: "LAMP" }] })).ok).toBe(true);
    const fresh = await ops.readApplication(app.id);
    if (!fresh.ok) throw new Error(fresh.error.message);
    const done = await ops.submit(supervisor, {
      request: requestFor(fresh.value, "refund", { amount: "1000" }),
      basis: basisOf(fresh.value),
      loadedAt: new Date().toISOString(),
      submissionId: randomUUID(),
    });
    expect(done).toMatchObject({ ok: true, kind: "done" });
    expect(await listed(app.id)).toMatchObject({ difference: -150_000, explanation: "stale" });

    // Re-read: Skip Pay says the same; the difference stands, and now it is known to come from outside.
    expect(await rereadApplications(ops, [app.id])).toEqual({ read: [{ id: app.id, status: "differs" }] });
    expect(await listed(app.id)).toMatchObject({ difference: -150_000, explanation: "outside" });
  });

  it("an application listed only because the index missed Skip Pay's answer drops off once re-read", async () => {
    const app = await known("delivered");
    const done = await ops.submit(supervisor, {
      request: requestFor(app, "refund", { amount: "1000" }),
      basis: basisOf(app),
      loadedAt: new Date().toISOString(),
      submissionId: randomUUID(),
    });
    expect(done).toMatchObject({ ok: true, kind: "done" });
    // As if the index's write after the refund had been lost (its process stopped): it holds the total before.
    await server.database.db
      .update(applications)
      .set({ totalAmount: 2_650_000, readAt: new Date(Date.now() - 60_000) })
      .where(eq(applications.id, app.id));
    expect(await listed(app.id)).toMatchObject({ difference: 100_000, explanation: "stale" });

    const outcome = await rereadApplications(ops, [app.id, "not-in-the-index"]);
    expect(outcome).toEqual({
      read: [
        { id: app.id, status: "agrees" },
        { id: "not-in-the-index", status: "failed" },
      ],
    });
    expect(await listed(app.id)).toBeUndefined();
  });

  it("stops at the read limit before asking Skip Pay, and says when to go on", async () => {
    const app = await known();
    await client.cancelOrderItems(app.id, { items: [{ code: "LAMP" }] });
    const before = reads.get(app.id);
    const db = server.database.db;
    try {
      // Other re-reads this minute (another supervisor, another instance) used up the window.
      for (let i = 0; i < REREADS_PER_MINUTE; i++)
        await takeFromWindow(db, "skippay-reread", REREADS_PER_MINUTE, 60_000);
      const outcome = await rereadApplications(ops, [app.id]);
      expect(outcome.read).toEqual([]);
      expect(outcome.stopped?.remaining).toEqual([app.id]);
      expect(outcome.stopped?.retryAfterSeconds).toBeGreaterThan(0);
      expect(reads.get(app.id)).toBe(before);
      // The index still has the total from before the cancel: nothing was read.
      expect(await listed(app.id)).toBeUndefined();
    } finally {
      await db.execute(sql`delete from ${throttleWindows} where ${throttleWindows.key} = 'skippay-reread'`);
    }
  });
});
