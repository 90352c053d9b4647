// Payouts over real HTTP with a real database: the control payout records a payment, and
// GET …/payments lists and pages them as the official spec says (Getpaymentsonspecificapplicationresponse,
// Payment, InvoiceInfo; `before`/`after` on paymentId, sorted by paymentId). Every body is checked against the spec.
import { beforeAll, describe, expect, it } from "vitest";
import { sandboxContract } from "@/lib/testing/sandbox-contract";
import { buildApplicationRequest, type LineSpec } from "./builders";

const { call, conforms, baseUrl } = sandboxContract();
let seq = 0;

const LINES: LineSpec[] = [
  { code: "KETTLE", name: "Rychlovarná konvice", unitPrice: 149_900 },
  { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 3 },
];
const TOTAL = 149_900 + 3 * 19_900;

async function createReady(): Promise<string> {
  seq += 1;
  const created = await call(
    "POST",
    "/financing/v1/applications",
    buildApplicationRequest({ orderNumber: `PAY-${seq}`, lines: LINES }),
  );
  expect(created.status).toBe(201);
  expect((await call("POST", `/control/applications/${created.body.id}/approve`, {})).status).toBe(200);
  return created.body.id;
}

async function delivered(items?: { code: string; quantity?: number }[]): Promise<string> {
  const id = await createReady();
  const body = items ? { items } : {};
  expect((await call("PUT", `/financing/v1/applications/${id}/order/send`, body)).status).toBe(200);
  expect((await call("PUT", `/financing/v1/applications/${id}/order/deliver`, body)).status).toBe(200);
  return id;
}

async function payments(id: string, query = "") {
  const reply = await call("GET", `/financing/v1/applications/${id}/payments${query}`);
  if (reply.status === 200) {
    conforms("Getpaymentsonspecificapplicationresponse", reply.body);
    for (const payment of reply.body.data) conforms("Payment", payment);
  }
  return reply;
}

describe("a payout records a payment", () => {
  it("lists no payments before a payout: an empty page, as the spec allows", async () => {
    const id = await createReady();
    const reply = await payments(id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ data: [], pagingInfo: { itemsPerPage: 10 } });
  });

  it("pays out the delivered goods: id, date, value and invoice data; READY_PAID", async () => {
    const id = await createReady();
    // A billing address given before sending is what the invoice data carries.
    const billing = {
      name: "Jana Nováková",
      country: "CZ",
      city: "Praha",
      streetAddress: "Letenská",
      streetNumber: "22",
      zip: "118 00",
      addressType: "BILLING",
    };
    expect(
      (await call("PUT", `/financing/v1/applications/${id}/order`, { order: { addresses: [billing] } }))
        .status,
    ).toBe(200);
    await call("PUT", `/financing/v1/applications/${id}/order/send`, {});
    await call("PUT", `/financing/v1/applications/${id}/order/deliver`, { deliveryDate: "2026-11-14" });

    const paid = await call("POST", `/control/applications/${id}/payout`, { date: "2026-11-20" });
    expect(paid.status).toBe(200);
    expect(paid.body).toMatchObject({ state: "READY", stateReason: "READY_PAID" });
    conforms("Payment", paid.body.payment);

    const reply = await payments(id);
    expect(reply.body.data).toEqual([
      {
        paymentId: paid.body.payment.paymentId,
        date: "2026-11-20",
        applicationId: id,
        value: { amount: TOTAL, currency: "CZK" },
        invoice: {
          fullName: "Jana Nováková",
          address: billing,
          dueDate: "2026-12-20",
          accountNumber: { accountNumber: "1234567890", bankCode: "0000" },
        },
      },
    ]);
    const events = (await call("GET", `/control/applications/${id}/events`)).body.events;
    expect(events.at(-1)).toMatchObject({ operation: "control/payout", status: 200, changed: true });
  });

  it("dates a payout without a date today (Prague)", async () => {
    const id = await delivered();
    const paid = await call("POST", `/control/applications/${id}/payout`);
    expect(paid.status).toBe(200);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(new Date());
    expect(paid.body.payment.date).toBe(today);
  });
});

describe("several payouts per application", () => {
  it("each delivery becomes due and is paid in its own payment; then nothing is due", async () => {
    const id = await delivered([{ code: "KETTLE" }]);
    const first = await call("POST", `/control/applications/${id}/payout`, {});
    expect(first.body.payment.value.amount).toBe(149_900);

    const nothing = await call("POST", `/control/applications/${id}/payout`, {});
    expect(nothing.status).toBe(422);
    expect(nothing.body.errors[0]).toMatchObject({ code: "NOT_SUPPORTED" });
    expect(nothing.body.errors[0].message).toContain("nothing is due");

    await call("PUT", `/financing/v1/applications/${id}/order/send`, {});
    await call("PUT", `/financing/v1/applications/${id}/order/deliver`, {});
    const second = await call("POST", `/control/applications/${id}/payout`, {});
    expect(second.status).toBe(200);
    expect(second.body.payment.value.amount).toBe(3 * 19_900);
    expect(second.body.stateReason).toBe("READY_PAID");

    const ids = (await payments(id)).body.data.map((p: { paymentId: string }) => p.paymentId);
    expect(ids).toEqual([first.body.payment.paymentId, second.body.payment.paymentId]);
    expect([...ids].sort()).toEqual(ids);
  });

  it("pays part of what is due on request, never more than is due", async () => {
    const id = await delivered();
    const part = await call("POST", `/control/applications/${id}/payout`, { amount: 100_000 });
    expect(part.body.payment.value.amount).toBe(100_000);
    const tooMuch = await call("POST", `/control/applications/${id}/payout`, { amount: TOTAL });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body.errors[0]).toMatchObject({ attribute: "amount" });
    const rest = await call("POST", `/control/applications/${id}/payout`, {});
    expect(rest.body.payment.value.amount).toBe(TOTAL - 100_000);
  });

  it("a refund after a payout leaves the payment as it was and nothing more due", async () => {
    const id = await delivered();
    await call("POST", `/control/applications/${id}/payout`, {});
    const refund = await call("PUT", `/financing/v1/applications/${id}/order/return`, {
      items: [],
      totalPrice: { amount: 10_000, currency: "CZK" },
    });
    expect(refund.status).toBe(200);
    expect(refund.body.applicationInfo.stateReason).toBe("READY_PAID");
    expect((await payments(id)).body.data.map((p: any) => p.value.amount)).toEqual([TOTAL]);
    expect((await call("POST", `/control/applications/${id}/payout`, {})).status).toBe(422);
  });

  it("refuses a payout before delivery, and bad payout bodies", async () => {
    const id = await createReady();
    const early = await call("POST", `/control/applications/${id}/payout`, {});
    expect(early.status).toBe(422);
    expect(early.body.errors[0].message).toContain("delivered items");
    const bad = await call("POST", `/control/applications/${id}/payout`, { amount: 12.5 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", attribute: "amount" });
  });
});

describe("GET …/payments pages by paymentId", () => {
  let id: string;
  let all: string[];

  beforeAll(async () => {
    id = await delivered();
    for (let i = 0; i < 5; i++) {
      expect((await call("POST", `/control/applications/${id}/payout`, { amount: 1_000 })).status).toBe(200);
    }
    all = (await payments(id)).body.data.map((p: { paymentId: string }) => p.paymentId);
  });

  it("lists every payment sorted by paymentId on one default page", () => {
    expect(all).toHaveLength(5);
    expect([...all].sort()).toEqual(all);
  });

  it("after: the next payments above the cursor; nextPage/prevPage are the neighbouring requests", async () => {
    const first = await payments(id, "?limit=2");
    expect(first.body.data.map((p: any) => p.paymentId)).toEqual(all.slice(0, 2));
    expect(first.body.pagingInfo).toEqual({
      itemsPerPage: 2,
      nextPage: `payments?limit=2&after=${all[1]}`,
    });
    // nextPage is relative to the collection: resolved against it, it is the next page.
    const nextUrl = new URL(
      first.body.pagingInfo.nextPage,
      `${baseUrl()}/financing/v1/applications/${id}/payments`,
    );
    const second = await payments(id, nextUrl.search);
    expect(second.body.data.map((p: any) => p.paymentId)).toEqual(all.slice(2, 4));
    expect(second.body.pagingInfo).toEqual({
      itemsPerPage: 2,
      nextPage: `payments?limit=2&after=${all[3]}`,
      prevPage: `payments?limit=2&before=${all[2]}`,
    });
    const third = await payments(id, `?limit=2&after=${all[3]}`);
    expect(third.body.data.map((p: any) => p.paymentId)).toEqual(all.slice(4));
    expect(third.body.pagingInfo).toEqual({ itemsPerPage: 2, prevPage: `payments?limit=2&before=${all[4]}` });
  });

  it("before: the payments just below the cursor, still in paymentId order", async () => {
    const page = await payments(id, `?limit=2&before=${all[4]}`);
    expect(page.body.data.map((p: any) => p.paymentId)).toEqual(all.slice(2, 4));
    const window = await payments(id, `?after=${all[0]}&before=${all[4]}`);
    expect(window.body.data.map((p: any) => p.paymentId)).toEqual(all.slice(1, 4));
    const none = await payments(id, `?before=${all[0]}`);
    expect(none.body).toEqual({ data: [], pagingInfo: { itemsPerPage: 10 } });
  });

  it("refuses a bad limit or an empty cursor with 400 naming it", async () => {
    for (const [query, attribute] of [
      ["?limit=0", "limit"],
      ["?limit=101", "limit"],
      ["?limit=2.5", "limit"],
      ["?after=", "after"],
    ]) {
      const reply = await payments(id, query);
      expect(reply.status, query).toBe(400);
      expect(reply.body.errors[0]).toMatchObject({ code: "INVALID_REQUEST", attribute });
    }
  });

  it("answers an unknown application with 404 and the error envelope", async () => {
    const reply = await payments("0000000000");
    expect(reply.status).toBe(404);
    conforms("ErrorsResponse", reply.body);
    expect(reply.body.errors[0].code).toBe("APPLICATION_NOT_FOUND");
  });
});
