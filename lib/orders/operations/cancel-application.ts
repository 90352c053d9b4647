// Cancel the whole application (`PUT …/cancel`), possible only before anything was sent or paid out.
import { whyApplicationNotCancellable } from "../eligibility";
import type { OrderView } from "../lines";
import {
  type CancelApplicationIntent,
  issue,
  type PlanContext,
  type PlanResult,
  refused,
} from "../plan-types";
import { allEligible } from "../selection";
import { movedVat, simulate } from "../simulation";

export function planCancelApplication(
  ctx: PlanContext,
  view: OrderView,
  intent: CancelApplicationIntent,
): PlanResult {
  const why = whyApplicationNotCancellable(ctx, view);
  if (why) return refused(issue(null, "application_not_cancellable", { why }));
  const sim = simulate(view, allEligible(view, "cancel"), "cancel");
  return {
    ok: true,
    plan: {
      intent: "cancel-application",
      operation: "cancel",
      body: { reason: intent.reason, ...(intent.customReason ? { customReason: intent.customReason } : {}) },
      shape: "application",
      changes: sim.changes,
      refund: 0,
      cancelledValue: view.total,
      vat: [],
      cancelledVat: movedVat(sim, ctx.order),
      totalBefore: view.total,
      totalAfter: 0,
      expected: {
        orderState: "CANCELLED",
        applicationState: "CANCELLED",
        stateReason: "CANCELLED_NOT_PAID",
      },
      expectedLines: sim.linesAfter,
      notes: [],
    },
  };
}
