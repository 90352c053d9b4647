// The money ledger of an application: what was financed, what this admin cancelled, returned and refunded, what
// the total should therefore be — and whether Skip Pay's total agrees (drift means something happened outside
// this admin, or an operation's outcome was lost) — and what Skip Pay paid out to the shop, with what it will claim
// back when a return or refund comes after a payout. Pure.
import type { OrderResponse } from "@/lib/skippay/schemas";
import { sum } from "./money";
import type { IntentKind } from "./plan-types";

export interface Ledger {
  /** The order as financed originally: every item, including those cancelled or returned since, and as it was
   * before any order change made here. */
  financed: number;
  /** What order changes made here took off the total (negative when they added to it). */
  changed: number;
  cancelled: number;
  returned: number;
  refunded: number;
  /** financed − changed − cancelled − returned − refunded */
  expected: number;
  /** Skip Pay's current total. */
  actual: number;
  /** actual − expected; not 0 = Skip Pay's total differs from what this admin recorded. */
  drift: number;
  /** Paid out to the shop by Skip Pay (its payments); null when they could not be read. */
  paidOut: number | null;
  /**
   * What Skip Pay will claim back from the shop: paid out beyond what the customer still owes for the goods sent —
   * a return or refund after a payout. 0 when nothing was paid out or the payouts are not known.
   */
  claimBack: number;
}

/** What the ledger needs of a journal entry (lib/operations/types.ts `JournalEntry` has it). */
export interface LedgerEntry {
  status: string;
  intent: IntentKind;
  refund: number;
  cancelledValue: number;
  totalBefore: number;
  totalAfter: number | null;
}

/** A return of goods (some lines, or everything remaining): its `refund` is what the customer gets back for them. */
export const isReturn = (intent: string) => intent === "return" || intent === "return-all";

/**
 * The operations whose `refund` is money given back: returns and amount-only refunds. A cancel lowers the total by
 * its cancelled value; an order change, by what its new lines say.
 */
export const givesMoneyBack = (intent: string) => isReturn(intent) || intent === "refund";

export function ledger(
  order: Pick<OrderResponse, "items" | "totalPrice">,
  entries: LedgerEntry[],
  payouts: readonly { value: { amount: number } }[] | null = null,
): Ledger {
  const done = entries.filter((e) => e.status === "succeeded");
  // An order change replaces Skip Pay's items: what they add up to now is the changed order, so what the changes
  // took off is added back to tell what was financed first.
  const changed = sum(
    done
      .filter((e) => e.intent === "change-order")
      .map((e) => e.totalBefore - (e.totalAfter ?? e.totalBefore)),
  );
  const financed = sum(order.items.map((i) => i.totalPrice.amount)) + changed;
  const cancelled = sum(done.map((e) => e.cancelledValue));
  const returned = sum(done.filter((e) => isReturn(e.intent)).map((e) => e.refund));
  const refunded = sum(done.filter((e) => e.intent === "refund").map((e) => e.refund));
  const expected = financed - changed - cancelled - returned - refunded;
  const actual = order.totalPrice.amount;
  const paidOut = payouts ? sum(payouts.map((p) => p.value.amount)) : null;
  // Goods not sent yet are not paid out for, so only the rest of the total can cover what was paid.
  const unsent = sum(order.items.filter((i) => i.state === "PROCESSING").map((i) => i.totalPrice.amount));
  const covered = Math.max(0, actual - Math.max(0, unsent));
  const claimBack = paidOut === null ? 0 : Math.max(0, paidOut - covered);
  return {
    financed,
    changed,
    cancelled,
    returned,
    refunded,
    expected,
    actual,
    drift: actual - expected,
    paidOut,
    claimBack,
  };
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
