import { describe, expect, it } from "vitest";
import type { JournalEntry } from "@/lib/operations/types";
import { ledger } from "./ledger";

const order = (items: number[], total: number) => ({
  items: items.map((amount) => ({ totalPrice: { amount, currency: "CZK" } })) as never,
  totalPrice: { amount: total, currency: "CZK" },
});

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
      cancelled: 20_000,
      returned: 25_000,
      refunded: 5_000,
      expected: 120_000,
      actual: 100_000,
      drift: -20_000,
    });
  });

  it("shows no drift when everything happened here", () => {
    expect(ledger(order([10_000], 7_000), [entry({ intent: "refund", refund: 3_000 })]).drift).toBe(0);
  });
});
