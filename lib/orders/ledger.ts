// The money ledger of an application: what was financed, what this admin cancelled, returned and refunded, what
// the total should therefore be — and whether Skip Pay's total agrees (drift means something happened outside
// this admin, or an operation's outcome was lost). Pure.
import type { JournalEntry } from "@/lib/operations/types";
import type { OrderResponse } from "@/lib/skippay/schemas";
import { sum } from "./money";

export interface Ledger {
  /** The order as financed originally: every item, including those cancelled or returned since. */
  financed: number;
  cancelled: number;
  returned: number;
  refunded: number;
  /** financed − cancelled − returned − refunded */
  expected: number;
  /** Skip Pay's current total. */
  actual: number;
  /** actual − expected; not 0 = Skip Pay's total differs from what this admin recorded. */
  drift: number;
}

export function ledger(order: Pick<OrderResponse, "items" | "totalPrice">, entries: JournalEntry[]): Ledger {
  const done = entries.filter((e) => e.status === "succeeded");
  const financed = sum(order.items.map((i) => i.totalPrice.amount));
  const cancelled = sum(done.map((e) => e.cancelledValue));
  const returned = sum(
    done.filter((e) => e.intent === "return" || e.intent === "return-all").map((e) => e.refund),
  );
  const refunded = sum(done.filter((e) => e.intent === "refund").map((e) => e.refund));
  const expected = financed - cancelled - returned - refunded;
  const actual = order.totalPrice.amount;
  return { financed, cancelled, returned, refunded, expected, actual, drift: actual - expected };
}
