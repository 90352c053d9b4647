// Cancel items before they are sent (`PUT …/order/cancel`): the financed total drops by their value.
import type { OrderItemsChangeRequest } from "@/lib/skippay/schemas";
import type { OrderView } from "../lines";
import { sum } from "../money";
import {
  type CancelIntent,
  issue,
  type PlanContext,
  type PlanNote,
  type PlanResult,
  refused,
} from "../plan-types";
import { isGoods } from "../presentation";
import { allEligible, coversEverything, referenceFor, select } from "../selection";
import { expectedStates, movedVat, simulate } from "../simulation";

export function planCancel(ctx: PlanContext, view: OrderView, intent: CancelIntent): PlanResult {
  const issues: ReturnType<typeof issue>[] = [];
  const chosen =
    intent.kind === "cancel-all" ? allEligible(view, "cancel") : select(view, intent.lines, "cancel", issues);
  if (issues.length > 0) return refused(...issues);
  if (chosen.length === 0) {
    const none = intent.kind === "cancel-all" || allEligible(view, "cancel").length === 0;
    return refused(issue(null, none ? "nothing_left" : "nothing_selected"));
  }
  const sim = simulate(view, chosen, "cancel");
  // Cancelling only a discount would raise what the customer owes.
  if (sim.value < 0) return refused(issue(null, "negative_value"));
  // A discount left behind on its own would make the total negative.
  if (view.total - sim.value < 0) return refused(issue(null, "negative_total"));
  const notes: PlanNote[] = [];
  const everything = intent.kind === "cancel-all" || coversEverything(view, chosen, "cancel");
  if (everything) notes.push({ code: "empty_body" });
  // A cancel carries no refund amount: Skip Pay lowers the total by the items' full price, and the order discount
  // stays whole on what remains — the customer keeps all of it.
  const discount = -sum(view.lines.filter((l) => l.type === "DISCOUNT").map((l) => l.value));
  const discountCancelled = chosen.some((c) => c.line.type === "DISCOUNT");
  if (discount > 0 && !everything && !discountCancelled && chosen.some((c) => isGoods(c.line.type)))
    notes.push({ code: "discount_stays_whole", params: { discountMinor: discount } });
  const body: OrderItemsChangeRequest = everything
    ? {}
    : { items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)) };
  return {
    ok: true,
    plan: {
      intent: intent.kind,
      operation: "order/cancel",
      body,
      shape: everything ? "all-remaining" : "items",
      changes: sim.changes,
      refund: 0,
      cancelledValue: sim.value,
      vat: [],
      cancelledVat: movedVat(sim, ctx.order),
      totalBefore: view.total,
      totalAfter: view.total - sim.value,
      expected: expectedStates(sim.partsAfter, ctx.application),
      expectedLines: sim.linesAfter,
      notes,
    },
  };
}
