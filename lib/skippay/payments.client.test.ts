// The client's payments and allPayments against the running sandbox, over real HTTP: typed payouts, paging by
// paymentId with before/after, every page read back in order, and failures as typed errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import { type SandboxServer, startSandboxServer } from "@/lib/testing/sandbox-server";
import type { SkipPayClient } from "./client";

let server: SandboxServer;
let client: SkipPayClient;
let seq = 0;

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];

async function deliveredApplication(): Promise<string> {
  seq += 1;
  const created = await client.createApplication(
    buildApplicationRequest({ orderNumber: `PC-${seq}`, lines: LINES }),
  );
  if (!created.ok) throw new Error(created.error.message);
  const id = created.value.id;
  await client.sandbox.approve(id);
  await client.sendOrderItems(id, {});
  await client.deliverOrderItems(id, { deliveryDate: "2026-11-14" });
  return id;
}

beforeAll(async () => {
  server = await startSandboxServer();
  client = server.client();
});

afterAll(async () => {
  await server?.close();
});

describe("payments", () => {
  it("reads no payouts, then the payout the sandbox made: id, date, value and invoice data", async () => {
    const id = await deliveredApplication();
    const none = await client.payments(id);
    expect(none).toMatchObject({ ok: true, value: { data: [], pagingInfo: { itemsPerPage: 10 } } });

    const paid = await client.sandbox.payout(id, { date: "2026-11-20" });
    expect(paid.ok && paid.value.stateReason).toBe("READY_PAID");
    const page = await client.payments(id);
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.data).toHaveLength(1);
    expect(page.value.data[0]).toMatchObject({
      applicationId: id,
      date: "2026-11-20",
      value: { amount: 149_900 + 3 * 19_900, currency: "CZK" },
      invoice: { fullName: "Jana Nováková", dueDate: "2026-12-20", accountNumber: { bankCode: "0000" } },
    });
  });

  it("pages with after and before on paymentId; allPayments follows every page in order", async () => {
    const id = await deliveredApplication();
    for (let i = 0; i < 5; i++) await client.sandbox.payout(id, { amount: 1_000 + i });

    const all = await client.allPayments(id, 2);
    if (!all.ok) throw new Error(all.error.message);
    expect(all.value.complete).toBe(true);
    expect(all.value.payments.map((p) => p.value.amount)).toEqual([1_000, 1_001, 1_002, 1_003, 1_004]);
    const ids = all.value.payments.map((p) => p.paymentId);

    const second = await client.payments(id, { after: ids[1], limit: 2 });
    expect(second.ok && second.value.data.map((p) => p.paymentId)).toEqual(ids.slice(2, 4));
    expect(second.ok && second.value.pagingInfo?.nextPage).toBeTruthy();
    const before = await client.payments(id, { before: ids[2], limit: 2 });
    expect(before.ok && before.value.data.map((p) => p.paymentId)).toEqual(ids.slice(0, 2));
    expect(before.ok && before.value.pagingInfo?.prevPage).toBeFalsy();
  });

  it("stops after its page limit and says the list is incomplete", async () => {
    const id = await deliveredApplication();
    for (let i = 0; i < 12; i++) await client.sandbox.payout(id, { amount: 100 });
    const partial = await client.allPayments(id, 1);
    expect(partial.ok && partial.value).toMatchObject({ complete: false });
    expect(partial.ok && partial.value.payments).toHaveLength(10);
  });

  it("an unknown application is not_found, a bad page size invalid_request — both applied no", async () => {
    expect(await client.payments("0000000000")).toMatchObject({
      ok: false,
      error: { kind: "not_found", applied: "no" },
    });
    expect(await client.allPayments("0000000000")).toMatchObject({ ok: false, error: { kind: "not_found" } });
    const id = await deliveredApplication();
    expect(await client.payments(id, { limit: 0 })).toMatchObject({
      ok: false,
      error: { kind: "invalid_request", applied: "no", attribute: "limit" },
    });
  });
});
