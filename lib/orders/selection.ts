// From the lines and quantities staff chose to what moves: the lines checked against what each can take now, the
// quantities moved state to state (as Skip Pay splits a line: a proportional share, rounded half away from 0), and
// the references Skip Pay receives. Shared by every operation that picks lines.
import type { ItemReference, OrderState } from "@/lib/skippay/schemas";
import { ELIGIBLE, ineligibility, MOVES, type MoveKind, quantitiesByState } from "./eligibility";
import type { LinePart, OrderLine, OrderView } from "./lines";
import { proportion } from "./money";
import { issue, type LineSelection, type PlanIssue } from "./plan-types";
import { fromMilli, MILLI, quantityMisfit } from "./quantity";

export interface Selected {
  line: OrderLine;
  index: number;
  quantity: number;
  eligible: number;
}

export interface Taken {
  price: number;
  vat: number;
  after: LinePart[];
  /** The states the quantity actually came from. */
  from: OrderState[];
  /** Every part the move made or shrank (empty ones included), as Skip Pay would list it at the least. */
  touched: LinePart[];
}

/** Moves `qty` of a line into the operation's target state, taking from its source states in order. */
export function take(line: OrderLine, qty: number, kind: MoveKind): Taken {
  const { from, to } = MOVES[kind];
  const after = line.parts.map((p) => ({ ...p }));
  let left = qty;
  let price = 0;
  let vat = 0;
  const takenFrom = new Set<OrderState>();
  const touched: LinePart[] = [];
  for (const state of from) {
    for (const part of after) {
      if (left === 0 || part.state !== state || part.qty === 0) continue;
      takenFrom.add(state);
      const n = Math.min(left, part.qty);
      const p = n === part.qty ? part.price : proportion(part.price, n, part.qty);
      const v = n === part.qty ? part.vat : proportion(part.vat, n, part.qty);
      const moved = { ...part, state: to, qty: n, price: p, vat: v };
      after.push(moved);
      touched.push(part, moved);
      part.qty -= n;
      part.price -= p;
      part.vat -= v;
      left -= n;
      price += p;
      vat += v;
    }
  }
  return { price, vat, after: after.filter((p) => p.qty > 0), from: [...takenFrom], touched };
}

/**
 * Skip Pay lists a line once per state, each with a quantity of at least 1 (spec, `OrderItemResponse`): a move
 * that would leave a part of 0 < q < 1 in a state it changes cannot be made. What the move leaves behind, if so.
 */
function partBelowOne(line: OrderLine, qty: number, kind: MoveKind): { moved: boolean; left: number } | null {
  const before = quantitiesByState(line.parts);
  const taken = take(line, qty, kind);
  const after = quantitiesByState(taken.after);
  for (const state of Object.keys(after) as OrderState[]) {
    const n = after[state] ?? 0;
    if (n !== (before[state] ?? 0) && n > 0 && n < MILLI) return { moved: state === MOVES[kind].to, left: n };
  }
  // Parts of one state sent on different days are listed apart: 1.5 delivered from 1.25 + 1.25 sent on two days
  // is a 0.25 part, which Skip Pay refuses as well (the sandbox does).
  const piece = taken.touched.find((p) => p.qty > 0 && p.qty < MILLI);
  return piece ? { moved: false, left: piece.qty } : null;
}

/** The reference sent for a selection: the line's identifiers, plus a quantity unless it is a fractional rest. */
export function referenceFor(line: OrderLine, quantity: number, eligible: number): ItemReference {
  // Skip Pay quantities are ≥ 1; a fractional remainder (the last 0.5 kg of an older split) can only be named as
  // "the whole remaining quantity" — no quantity at all.
  if (quantity < MILLI && quantity === eligible) return { ...line.reference };
  return { ...line.reference, quantity: fromMilli(quantity) };
}

/** Checks each chosen line against what it can take now; problems go to `issues`, by the form field they concern. */
export function select(
  view: OrderView,
  selections: LineSelection[],
  kind: MoveKind,
  issues: PlanIssue[],
): Selected[] {
  const byKey = new Map(view.lines.map((l, i) => [l.key, { line: l, index: i }]));
  const chosen: Selected[] = [];
  const seen = new Set<string>();
  selections.forEach((s, i) => {
    const field = `lines.${i}.quantity`;
    if (seen.has(s.key)) {
      // Each selection is checked against the line's whole remaining quantity: twice would pass twice.
      issues.push(issue(field, "line_twice"));
      return;
    }
    seen.add(s.key);
    if (!Number.isInteger(s.quantity) || s.quantity < 0) {
      issues.push(issue(field, "quantity_invalid"));
      return;
    }
    if (s.quantity === 0) return;
    const found = byKey.get(s.key);
    if (!found) {
      issues.push(issue(field, "line_unknown"));
      return;
    }
    const { line } = found;
    const eligible = ELIGIBLE[kind](line);
    if (eligible === 0) {
      const why = ineligibility(line, kind);
      issues.push(
        issue(field, "line_not_eligible", {
          name: line.name,
          kind,
          reason: why.reason,
          ...(why.date ? { date: why.date } : {}),
        }),
      );
      return;
    }
    if (line.ambiguousWith.length > 0) {
      issues.push(issue(field, "line_ambiguous", { name: line.name }));
      return;
    }
    if (s.quantity > eligible) {
      issues.push(issue(field, "quantity_above_remaining", { maxMilli: eligible, name: line.name }));
      return;
    }
    // A line ordered in whole pieces is counted in whole pieces; decimals are for goods sold by weight or length.
    if (quantityMisfit(s.quantity, line.quantity)) {
      issues.push(issue(field, "quantity_whole", { name: line.name }));
      return;
    }
    if (s.quantity < MILLI && s.quantity !== eligible) {
      issues.push(issue(field, "quantity_below_one", { maxMilli: eligible }));
      return;
    }
    const below = s.quantity === eligible && eligible < MILLI ? null : partBelowOne(line, s.quantity, kind);
    if (below) {
      issues.push(
        issue(field, below.moved ? "quantity_below_one" : "quantity_leaves_part", {
          maxMilli: eligible,
          leftMilli: below.left,
        }),
      );
      return;
    }
    chosen.push({ line, index: found.index, quantity: s.quantity, eligible });
  });
  return chosen;
}

/** Every line that can take the operation, with all it can take. */
export function allEligible(view: OrderView, kind: MoveKind): Selected[] {
  return view.lines
    .map((line, index) => ({ line, index, quantity: ELIGIBLE[kind](line), eligible: ELIGIBLE[kind](line) }))
    .filter((s) => s.quantity > 0);
}

/** Does the selection take every eligible quantity of every line? Then the empty body says the same thing. */
export function coversEverything(view: OrderView, chosen: Selected[], kind: MoveKind): boolean {
  const all = allEligible(view, kind);
  return all.length === chosen.length && chosen.every((c) => c.quantity === c.eligible);
}
