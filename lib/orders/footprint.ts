// Did an operation whose answer was lost take effect? Decided by its own footprint: the total and the line
// quantities it meant to change, read against the order as it was before the call. Anything else that happened
// to the order meanwhile (a delivery marked elsewhere, a line sent) does not hide the answer. Pure and isomorphic.
import type { OrderState } from "@/lib/skippay/schemas";
import type { OrderBasis } from "./basis";

/**
 * Where a quantity moved into a state can be found later: a state and every state reachable from it only by
 * moving on (a sent item may since have been delivered or returned; a returned or cancelled one stays).
 */
const ONWARD: Record<OrderState, OrderState[]> = {
  PROCESSING: ["PROCESSING"],
  SENT: ["SENT", "DELIVERED", "RETURNED"],
  DELIVERED: ["DELIVERED", "RETURNED"],
  RETURNED: ["RETURNED"],
  CANCELLED: ["CANCELLED"],
};

export type Footprint = "applied" | "not_applied" | "unclear";

type Lines = OrderBasis["lines"];
const onward = (lines: Lines, key: string, state: OrderState) =>
  ONWARD[state].reduce((n, s) => n + (lines[key]?.[s] ?? 0), 0);

/** One measurable change an operation promised: the value before, the value it promised, the value now. */
interface Mark {
  before: number;
  planned: number;
  now: number;
}

function marks(before: OrderBasis, expected: OrderBasis, now: OrderBasis): Mark[] {
  const out: Mark[] = [];
  if (expected.total !== before.total)
    out.push({ before: before.total, planned: expected.total, now: now.total });
  for (const key of Object.keys(expected.lines)) {
    for (const state of Object.keys(expected.lines[key] ?? {}) as OrderState[]) {
      // Only the states the plan moves quantities *into*: what leaves a state may leave it for other reasons.
      if ((expected.lines[key]?.[state] ?? 0) <= (before.lines[key]?.[state] ?? 0)) continue;
      out.push({
        before: onward(before.lines, key, state),
        planned: onward(expected.lines, key, state),
        now: onward(now.lines, key, state),
      });
    }
  }
  if (expected.state === "CANCELLED" && before.state !== "CANCELLED") {
    out.push({ before: 0, planned: 1, now: now.state === "CANCELLED" ? 1 : 0 });
  }
  return out;
}

/**
 * Applied when every promised change is there, exactly; not applied when none of them is; unclear otherwise (part
 * of it, or more than it — someone else changed the same things).
 */
export function footprint(before: OrderBasis, expected: OrderBasis, now: OrderBasis): Footprint {
  const all = marks(before, expected, now);
  if (all.length === 0) return "unclear";
  if (all.every((m) => m.now === m.planned)) return "applied";
  if (all.every((m) => m.now === m.before)) return "not_applied";
  return "unclear";
}
