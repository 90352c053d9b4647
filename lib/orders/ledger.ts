// The money ledger of an application: what was financed, what this admin cancelled, returned and refunded, what
// the total should therefore be — and whether Skip Pay's total agrees (drift means something happened outside
// this admin, or an operation's outcome was lost). Pure.
import type { OrderResponse } from "@/lib/skippay/schemas";
import { sum } from "./money";
import type { IntentKind } from "./plan-types";

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

/** What the ledger needs of a journal entry (lib/operations/types.ts `JournalEntry` has it). */
export interface LedgerEntry {
  status: string;
  intent: IntentKind;
  refund: number;
  cancelledValue: number;
}

export function ledger(order: Pick<OrderResponse, "items" | "totalPrice">, entries: LedgerEntry[]): Ledger {
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

/**
 * The note in which staff checked the difference the ledger shows now (the same difference, at the same Skip Pay
 * total), if any: the ledger then says so instead of warning again.
 */
export function driftChecked<N extends { kind: string; drift: number; total: number }>(
  l: Ledger,
  notes: readonly N[],
): N | null {
  if (l.drift === 0) return null;
  return (
    [...notes]
      .reverse()
      .find((n) => n.kind === "drift_checked" && n.drift === l.drift && n.total === l.actual) ?? null
  );
}
