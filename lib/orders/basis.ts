// An order's *basis*: what an operation was planned on — the application's state and substate, the financed total
// and every line's quantity per state. The stale-page guard compares the basis a page planned on with the order as
// Skip Pay has it now; reconciliation compares an uncertain operation's before/expected bases with a fresh read.
// Pure and isomorphic; free of zod, because the order page needs it before anything else.
import { ORDER_STATES } from "@/lib/skippay/enums";
import type {
  ApplicationInfo,
  ApplicationState,
  OrderResponse,
  OrderState,
  StateReason,
} from "@/lib/skippay/schemas";
import { quantitiesByState } from "./eligibility";
import { orderView } from "./lines";
import type { Plan } from "./plan-types";

/** (Its schema, for what a page submits, is `orderBasisSchema` in ./intents: this module stays free of zod.) */
export interface OrderBasis {
  state: ApplicationState;
  stateReason: StateReason;
  /** The financed total, in minor units. */
  total: number;
  /** Per line key: its quantity (thousandths) in each order state. */
  lines: Record<string, Partial<Record<OrderState, number>>>;
}

export function basisOf(
  app: Pick<ApplicationInfo, "state" | "stateReason"> & {
    order: Pick<OrderResponse, "items" | "totalPrice">;
  },
): OrderBasis {
  const view = orderView(app.order);
  return {
    state: app.state,
    stateReason: app.stateReason,
    total: app.order.totalPrice.amount,
    lines: Object.fromEntries(view.lines.map((l) => [l.key, quantitiesByState(l.parts)])),
  };
}

/** The basis a plan promises once Skip Pay has applied it. */
export function expectedBasis(plan: Plan): OrderBasis {
  return {
    state: plan.expected.applicationState,
    stateReason: plan.expected.stateReason,
    total: plan.totalAfter,
    lines: plan.expectedLines,
  };
}

function sameLines(a: OrderBasis["lines"], b: OrderBasis["lines"]): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = a[key] ?? {};
    const y = b[key] ?? {};
    for (const state of ORDER_STATES) if ((x[state] ?? 0) !== (y[state] ?? 0)) return false;
  }
  return true;
}

/** Everything equal: nothing changed since the page planned on `a`. */
export function sameBasis(a: OrderBasis, b: OrderBasis): boolean {
  return (
    a.state === b.state &&
    a.stateReason === b.stateReason &&
    a.total === b.total &&
    sameLines(a.lines, b.lines)
  );
}

/**
 * Same money and same items. Reconciliation decides with this: the substate is Skip Pay's to derive, but an
 * operation's effect on the total and the item quantities is exactly what was requested.
 */
export function sameEffect(a: OrderBasis, b: OrderBasis): boolean {
  return a.total === b.total && sameLines(a.lines, b.lines);
}

export interface BasisChange {
  /** null for the application/total row. */
  key: string | null;
  name: string;
  before: Partial<Record<OrderState, number>>;
  after: Partial<Record<OrderState, number>>;
}

export interface BasisDiff {
  state?: { before: OrderBasis["state"]; after: OrderBasis["state"] };
  stateReason?: { before: OrderBasis["stateReason"]; after: OrderBasis["stateReason"] };
  total?: { before: number; after: number };
  lines: BasisChange[];
}

/** What changed between two bases, line by line, for the staff member whose page went stale. */
export function diffBasis(before: OrderBasis, after: OrderBasis, names: Record<string, string>): BasisDiff {
  const diff: BasisDiff = { lines: [] };
  if (before.state !== after.state) diff.state = { before: before.state, after: after.state };
  if (before.stateReason !== after.stateReason)
    diff.stateReason = { before: before.stateReason, after: after.stateReason };
  if (before.total !== after.total) diff.total = { before: before.total, after: after.total };
  const keys = new Set([...Object.keys(before.lines), ...Object.keys(after.lines)]);
  for (const key of keys) {
    const b = before.lines[key] ?? {};
    const a = after.lines[key] ?? {};
    if (ORDER_STATES.some((s: OrderState) => (a[s] ?? 0) !== (b[s] ?? 0))) {
      diff.lines.push({ key, name: names[key] ?? key, before: b, after: a });
    }
  }
  return diff;
}
