import { describe, expect, it } from "vitest";
import type { JournalEntry } from "@/lib/operations/types";
import { ledger } from "./ledger";

const order = (items: number[], total: number, state = "DELIVERED") => ({
  items: items.map((amount) => ({ totalPrice: { amount, currency: "CZK" }, state })) as never,
  totalPrice: { amount: total, currency: "CZK" },
});

const paid = (...amounts: number[]) => amounts.map((amount) => ({ value: { amount } }));

const entry = (e: Partial<JournalEntry>): JournalEntry =>
  ({ status: "succeeded", refund: 0, cancelledValue: 0, intent: "refund", ...e }) as JournalEntry;

describe("ledger", () => {
  it("adds up cancellations, returns and refunds recorded here, and agrees with Skip Pay", () => {
    const l = ledger(order([100_000, 50_000, 20_000], 100_000), [
      entry({ intent: "cancel", cancelledValue: 20_000 }),
      entry({ intent: "return", refund: 25_000 }),
      entry({ intent: "refund", refund: 5_000 }),
      entry({ intent: "refund", refund: 99_999, status: "failed" }),
      entry({ intent: "refund", refund: 99_999, status: "pending_approval" }),
    ]);
    expect(l).toEqual({
      financed: 170_000,
      changed: 0,
      cancelled: 20_000,
      returned: 25_000,
      refunded: 5_000,
      expected: 120_000,
      actual: 100_000,
      drift: -20_000,
      paidOut: null,
      claimBack: 0,
    });
  });

  it("an order change made here keeps what was financed first, and shows what it took off", () => {
    // 8 231,50 Kč changed to 7 599,70 Kč: Skip Pay's items are now the changed order's.
    const l = ledger(order([500_000, 259_970], 759_970), [
      entry({ intent: "change-order", totalBefore: 823_150, totalAfter: 759_970 }),
      entry({ intent: "change-order", totalBefore: 759_970, totalAfter: null, status: "failed" }),
    ]);
    expect(l).toMatchObject({ financed: 823_150, changed: 63_180, expected: 759_970, drift: 0 });
    // One that added to the order counts the other way.
    const grown = ledger(order([120_000], 120_000), [
      entry({ intent: "change-order", totalBefore: 100_000, totalAfter: 120_000 }),
    ]);
    expect(grown).toMatchObject({ financed: 100_000, changed: -20_000, expected: 120_000, drift: 0 });
  });

  it("shows no drift when everything happened here", () => {
    expect(ledger(order([10_000], 7_000), [entry({ intent: "refund", refund: 3_000 })]).drift).toBe(0);
  });

  it("adds what Skip Pay paid out; nothing to claim back while the payouts are covered", () => {
    const l = ledger(order([100_000, 20_000], 120_000), [], paid(100_000, 20_000));
    expect(l).toMatchObject({ paidOut: 120_000, claimBack: 0, drift: 0 });
    expect(ledger(order([100_000], 100_000), []).paidOut).toBeNull();
  });

  it("a return or refund after a payout is claimed back from the shop", () => {
    const afterRefund = ledger(order([100_000, 20_000], 115_000), [entry({ refund: 5_000 })], paid(120_000));
    expect(afterRefund).toMatchObject({ paidOut: 120_000, claimBack: 5_000, drift: 0 });
    const afterReturn = ledger(
      order([100_000, 20_000], 100_000),
      [entry({ intent: "return", refund: 20_000 })],
      paid(120_000),
    );
    expect(afterReturn.claimBack).toBe(20_000);
  });

  it("a refund before the payout (paid out less) or of goods not yet paid for claims nothing back", () => {
    expect(ledger(order([100_000], 95_000), [entry({ refund: 5_000 })], paid(95_000)).claimBack).toBe(0);
    // 50 000 delivered and paid out, 50 000 sent: a refund of 20 000 still leaves 80 000 owed for sent goods.
    const partly = {
      items: [
        { totalPrice: { amount: 50_000, currency: "CZK" }, state: "DELIVERED" },
        { totalPrice: { amount: 50_000, currency: "CZK" }, state: "SENT" },
      ] as never,
      totalPrice: { amount: 80_000, currency: "CZK" },
    };
    expect(ledger(partly, [entry({ refund: 20_000 })], paid(50_000)).claimBack).toBe(0);
    // …but goods never sent do not count: with 50 000 unsent, only 30 000 covers the 50 000 paid out.
    const unsent = {
      ...partly,
      items: [
        { totalPrice: { amount: 50_000, currency: "CZK" }, state: "DELIVERED" },
        { totalPrice: { amount: 50_000, currency: "CZK" }, state: "PROCESSING" },
      ] as never,
    };
    expect(ledger(unsent, [entry({ refund: 20_000 })], paid(50_000)).claimBack).toBe(20_000);
  });
});
