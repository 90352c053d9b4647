// The change-order operation through the journal, against the real sandbox over HTTP and a real database: it is
// journalled and sent once, its answer recorded; a stale page or a sent order sends nothing; a change that lowers
// the total above an agent's limit waits for a supervisor. Every request is checked against Skip Pay's spec.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { basisOf } from "@/lib/orders/basis";
import type { FormValues } from "@/lib/orders/forms/submission";
import { orderView } from "@/lib/orders/lines";
import { stillDiffering } from "@/lib/reports/reconciliation";
import { buildApplicationRequest } from "@/lib/sandbox/builders";
import { listEvents } from "@/lib/sandbox/store";
import type { SkipPayClient } from "@/lib/skippay/client";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { agent, LIMIT, LINES, supervisor, TOTAL } from "@/lib/testing/actors";
import { requestFor } from "@/lib/testing/requests";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import { specCheckedFetch } from "@/lib/testing/spec-checked-fetch";
import { createOperations, type Operations, type Submission } from "./service";

let server: SandboxServer;
let client: SkipPayClient;
let ops: Operations;
let seq = 0;
const requests = specCheckedFetch();

async function ready(approve = true): Promise<ApplicationResponse> {
  seq += 1;
  const created = await client.createApplication(
    buildApplicationRequest({ orderNumber: `CHG-${seq}`, lines: LINES }),
  );
  if (!created.ok) throw new Error(created.error.message);
  if (approve) await client.sandbox.approve(created.value.id);
  return readBack(created.value.id);
}

async function readBack(id: string): Promise<ApplicationResponse> {
  const read = await client.getApplication(id);
  if (!read.ok) throw new Error(read.error.message);
  return read.value;
}

/** The form as staff fill it: a new quantity or unit price (CZK) per line code. */
function change(
  app: ApplicationResponse,
  edits: Record<string, { quantity?: string; unitPrice?: string }>,
): Submission {
  const lines = orderView(app.order).lines.map((l) => ({
    key: l.key,
    quantity: edits[l.code]?.quantity ?? "",
    unitPrice: edits[l.code]?.unitPrice ?? "",
    remove: false,
  }));
  const values: Partial<FormValues<"change-order">> = { lines };
  return {
    request: requestFor(app, "change-order", values),
    basis: basisOf(app),
    loadedAt: new Date().toISOString(),
    submissionId: randomUUID(),
  };
}

/** Order changes Skip Pay (the sandbox) applied. */
async function changes(id: string) {
  return (await listEvents(server.database.db, id)).filter(
    (e) => e.operation === "order/change" && e.changed,
  );
}

beforeAll(async () => {
  server = await startSandboxServer({ faultTimeoutMs: 8_000 });
  client = server.client({ timeoutMs: 4_000, fetch: requests.fetch });
  ops = createOperations({ db: server.database.db, client, approvalLimit: LIMIT, leaseMs: 5_000 });
});

afterEach(() => requests.expectConforming());

afterAll(async () => {
  await server?.close();
});

describe("change order through the journal", () => {
  it("sends the new lines once, records the answer and journals who changed what", async () => {
    const app = await ready();
    // The page's read puts the order, as financed before the change, in the admin's index.
    await ops.readApplication(app.id);
    const submission = change(app, { MUG: { quantity: "2" }, TV: { unitPrice: "14490" } });
    const result = await ops.submit(agent, submission);
    expect(result).toMatchObject({ ok: true, kind: "done", intent: "change-order" });
    const after = TOTAL - 2 * 19_900 - 50_000;
    if (!(result.ok && result.kind === "done")) throw new Error("not done");
    expect(result.application.order.totalPrice.amount).toBe(after);
    expect((await readBack(app.id)).order.totalPrice.amount).toBe(after);
    // The same confirmation again (a double click): its one outcome, nothing sent twice.
    expect(await ops.submit(agent, submission)).toMatchObject({ ok: true, kind: "done" });
    expect(await changes(app.id)).toHaveLength(1);
    const [entry] = await ops.entries(app.id);
    expect(entry).toMatchObject({
      intent: "change-order",
      endpoint: "order",
      status: "succeeded",
      actorName: agent.name,
      reason: "price_adjustment",
      refund: TOTAL - after,
      totalBefore: TOTAL,
    });
    expect(entry?.body).toMatchObject({
      reason: "Price adjustment",
      order: { totalPrice: { amount: after } },
    });
    // Reconciliation agrees: the order as financed is now its changed lines, not a difference made outside.
    expect(await stillDiffering(server.database.db, [app.id])).toEqual(new Set());
  });

  it("works while PROCESSING, before the customer finished", async () => {
    const app = await ready(false);
    expect(app.state).toBe("PROCESSING");
    const result = await ops.submit(agent, change(app, { MUG: { quantity: "5" } }));
    expect(result).toMatchObject({ ok: true, kind: "done" });
    expect((await readBack(app.id)).order.totalPrice.amount).toBe(TOTAL + 19_900);
  });

  it("a page that went stale sends nothing and says what changed", async () => {
    const app = await ready();
    const first = await ops.submit(agent, change(app, { MUG: { quantity: "3" } }));
    expect(first).toMatchObject({ ok: true, kind: "done" });
    const stale = await ops.submit(agent, change(app, { TV: { unitPrice: "14000" } }));
    expect(stale).toMatchObject({
      ok: false,
      failure: { kind: "stale", diff: { total: { before: TOTAL, after: TOTAL - 19_900 } } },
    });
    expect(await changes(app.id)).toHaveLength(1);
  });

  it("is refused once anything was sent, and nothing reaches Skip Pay or the journal", async () => {
    const app = await ready();
    await client.sendOrderItems(app.id, { items: [{ code: "MUG", quantity: 1 }], variableSymbol: "123" });
    const sent = await readBack(app.id);
    const result = await ops.submit(agent, change(sent, { TV: { quantity: "2" } }));
    expect(result).toMatchObject({
      ok: false,
      failure: { kind: "refused", issues: [{ code: "order_not_changeable", params: { why: "sent" } }] },
    });
    expect(await changes(app.id)).toHaveLength(0);
    expect(await ops.entries(app.id)).toHaveLength(0);
  });

  it("fixes the delivery address and carrier even after a partial cancel, and nothing else", async () => {
    const app = await ready();
    await client.cancelOrderItems(app.id, { items: [{ code: "MUG", quantity: 1 }] });
    const cancelled = await readBack(app.id);
    const delivery = {
      name: "Jana Nováková",
      street: "Masarykova",
      number: "12",
      city: "Brno",
      zip: "602 00",
      country: "CZ",
      carrier: "DPD",
    };
    const result = await ops.submit(agent, {
      ...change(cancelled, {}),
      request: requestFor(cancelled, "change-order", { delivery }),
    });
    expect(result).toMatchObject({ ok: true, kind: "done", plan: { refund: 0 } });
    const now = await readBack(app.id);
    expect(now.order.deliveryCarrier).toBe("DPD");
    expect(now.order.addresses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ addressType: "DELIVERY", city: "Brno", zip: "602 00" }),
      ]),
    );
    expect(now.order.totalPrice.amount).toBe(TOTAL - 19_900);
    expect(await changes(app.id)).toHaveLength(1);
  });

  it("a change that lowers the total above the agent's limit waits for a supervisor; raising it never does", async () => {
    const app = await ready();
    // 14 990 → 8 990 CZK: 6 000 CZK off what the customer owes, above the 5 000 CZK limit.
    const pending = await ops.submit(agent, change(app, { TV: { unitPrice: "8990" } }));
    if (!(pending.ok && pending.kind === "pending_approval")) throw new Error(JSON.stringify(pending));
    expect(pending.plan.refund).toBe(600_000);
    expect(await changes(app.id)).toHaveLength(0);
    const approved = await ops.decide(supervisor, pending.operationId, "approve", "agreed with the customer");
    expect(approved).toMatchObject({ ok: true, kind: "done" });
    expect((await readBack(app.id)).order.totalPrice.amount).toBe(TOTAL - 600_000);

    // What the agent lowered earlier on the same order counts: 3 000 CZK now and 3 000 CZK more wait.
    const other = await ready();
    expect(await ops.submit(agent, change(other, { TV: { unitPrice: "11990" } }))).toMatchObject({
      kind: "done",
    });
    const second = await ops.submit(agent, change(await readBack(other.id), { TV: { unitPrice: "8990" } }));
    expect(second).toMatchObject({ ok: true, kind: "pending_approval", earlier: 300_000 });
    // Raising the total is no refund: no approval, whatever the amount.
    const raised = await ops.submit(agent, change(await ready(), { TV: { quantity: "3" } }));
    expect(raised).toMatchObject({ ok: true, kind: "done" });
  });
});
