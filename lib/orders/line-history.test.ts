import { describe, expect, it } from "vitest";
import { contextOf, sandboxApp, step } from "@/lib/testing/orders";
import { type DatedEntry, lineHistory } from "./line-history";
import { orderView } from "./lines";
import { stateSummary } from "./presentation";

// A mug partly cancelled and partly returned, a kettle returned whole, a lamp untouched.
const app = sandboxApp(
  [
    { code: "MUG", name: "Hrnek", unitPrice: 19_900, quantity: 4 },
    { code: "KETTLE", name: "Konvice", unitPrice: 149_900 },
    { code: "LAMP", name: "Lampa", unitPrice: 99_900 },
  ],
  [
    step.approve(),
    step.cancel([{ code: "MUG", quantity: 1 }]),
    step.send([]),
    step.deliver([]),
    step.return([{ code: "MUG", quantity: 1 }]),
    step.return([{ code: "KETTLE" }]),
  ],
);
const lines = orderView(contextOf(app).order).lines;
const key = (code: string) => lines.find((l) => l.code === code)?.key as string;

const entry = (over: Partial<DatedEntry>): DatedEntry => ({
  status: "succeeded",
  endpoint: "order/return",
  body: {},
  finishedAt: "2026-11-20T10:00:00.000Z",
  ...over,
});

describe("lineHistory", () => {
  it("dates each line by the latest succeeded operation that returned or cancelled it, as a day in Prague", () => {
    const history = lineHistory(lines, [
      entry({ endpoint: "order/cancel", body: { items: [{ code: "MUG", quantity: 1 }] } }),
      entry({ body: { items: [{ code: "MUG", quantity: 1 }] }, finishedAt: "2026-11-24T09:00:00.000Z" }),
      // 23:30 UTC on 25 Nov is 26 Nov in Prague.
      entry({ body: { items: [{ code: "KETTLE", name: "Konvice" }] }, finishedAt: "2026-11-25T23:30:00.000Z" }),
      entry({ body: { items: [{ code: "MUG", quantity: 1 }] }, finishedAt: "2026-11-22T09:00:00.000Z" }),
    ]);
    expect(history[key("MUG")]).toEqual({ CANCELLED: "2026-11-20", RETURNED: "2026-11-24" });
    expect(history[key("KETTLE")]).toEqual({ RETURNED: "2026-11-26" });
    expect(history[key("LAMP")]).toBeUndefined();
  });

  it("leaves out refunds, operations that did not succeed, and lines with nothing in that state now", () => {
    const history = lineHistory(lines, [
      entry({ body: { items: [], totalPrice: { amount: 10_000, currency: "CZK" } } }),
      entry({ status: "failed", body: { items: [{ code: "MUG" }] } }),
      entry({ status: "in_flight", finishedAt: null, body: { items: [{ code: "KETTLE" }] } }),
      // The lamp is named, but none of it was returned (the operation ran before a change outside this admin).
      entry({ body: { items: [{ code: "LAMP" }] } }),
    ]);
    expect(history).toEqual({});
  });

  it("a body without items means every line that has items in that state", () => {
    const history = lineHistory(lines, [entry({ body: {} }), entry({ endpoint: "cancel", body: {} })]);
    expect(history[key("MUG")]).toEqual({ RETURNED: "2026-11-20", CANCELLED: "2026-11-20" });
    expect(history[key("KETTLE")]).toEqual({ RETURNED: "2026-11-20" });
    expect(history[key("LAMP")]).toBeUndefined();
  });

  it("the state badges carry the dates: Skip Pay's for delivery, the journal's for returns and cancellations", () => {
    const mug = lines.find((l) => l.code === "MUG");
    const summary = stateSummary(mug?.parts ?? [], { RETURNED: "2026-11-24", CANCELLED: "2026-11-20" });
    expect(summary.map((s) => [s.state, s.qty, s.date])).toEqual([
      ["DELIVERED", 2000, expect.any(String)],
      ["RETURNED", 1000, "2026-11-24"],
      ["CANCELLED", 1000, "2026-11-20"],
    ]);
    expect(stateSummary(mug?.parts ?? []).find((s) => s.state === "RETURNED")?.date).toBeNull();
  });
});
