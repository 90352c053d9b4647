// The operation planner: from the order as Skip Pay returned it and what a staff member wants to do, either issues
// (codes, by form field) or the exact request to send plus its preview — refund and VAT per rate, the new total
// and the states to expect. Pure and isomorphic: the form previews with it, the server action plans again with it
// on fresh data before calling Skip Pay. One module per operation (./operations/*); this only picks one.
import { orderView } from "./lines";
import { planCancel } from "./operations/cancel";
import { planCancelApplication } from "./operations/cancel-application";
import { planChangeOrder } from "./operations/change-order";
import { planRefund } from "./operations/refund";
import { planReturn } from "./operations/return";
import { planShipping } from "./operations/shipping";
import { type Intent, issue, type PlanContext, type PlanResult, refused } from "./plan-types";

/** Plans what a staff member wants to do, on the order exactly as Skip Pay last returned it. */
export function plan(ctx: PlanContext, intent: Intent): PlanResult {
  const view = orderView(ctx.order);
  if (intent.kind === "cancel-application") return planCancelApplication(ctx, view, intent);
  // Changing the order is allowed while PROCESSING too (spec): it checks the state itself.
  if (intent.kind === "change-order") return planChangeOrder(ctx, view, intent);
  // Every order operation needs a READY application (spec).
  if (ctx.application.state !== "READY") {
    const { state, stateReason } = ctx.application;
    return refused(issue(null, "application_not_ready", { state, stateReason }));
  }
  switch (intent.kind) {
    case "cancel":
    case "cancel-all":
      return planCancel(ctx, view, intent);
    case "return":
    case "return-all":
      return planReturn(ctx, view, intent);
    case "refund":
      return planRefund(ctx, view, intent);
    case "send":
    case "deliver":
      return planShipping(ctx, view, intent);
  }
}
