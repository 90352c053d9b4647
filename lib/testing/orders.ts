// Test helpers for lib/orders (kept here so lib/orders stays free of the sandbox): realistic orders built through
// the sandbox's rules, and a way to check a plan against what the simulated Skip Pay does with its body.

import type { Plan, PlanContext } from "@/lib/orders/plan-types";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import type { SandboxApplication } from "@/lib/sandbox/model";
import { renderOrderExtended } from "@/lib/sandbox/render";
import * as rules from "@/lib/sandbox/rules";
import {
  applicationCancelRequest,
  applicationOrderChangeRequest,
  applicationRequest,
  type FinancingType,
  type OrderExtendedResponse,
  orderItemsChangeRequest,
  orderItemsDeliverRequest,
  orderItemsReturnRequest,
  orderItemsSendRequest,
} from "@/lib/skippay/schemas";

export type Step = (app: SandboxApplication) => rules.Change;

export const step = {
  approve: (): Step => rules.approve,
  send:
    (items?: { code: string; quantity?: number }[], date = "2026-11-12", tracking?: string): Step =>
    (a) =>
      rules.sendItems(a, { items, ...(tracking ? { deliveryTrackingNumber: tracking } : {}) }, date),
  deliver:
    (items?: { code: string; quantity?: number }[], date = "2026-11-14"): Step =>
    (a) =>
      rules.deliverItems(a, { items }, date),
  cancel:
    (items?: { code: string; quantity?: number }[]): Step =>
    (a) =>
      rules.cancelItems(a, { items }),
  refund:
    (amount: number): Step =>
    (a) =>
      rules.returnItems(a, { items: [], totalPrice: { amount, currency: "CZK" } }),
  return:
    (items?: { code: string; quantity?: number }[]): Step =>
    (a) =>
      rules.returnItems(a, { items }),
};

let seq = 0;

/** A sandbox application with these lines, after these steps (approved first unless told otherwise). */
export function sandboxApp(
  lines: LineSpec[],
  steps: Step[] = [step.approve()],
  type: FinancingType = "DEFERRED_PAYMENT",
): SandboxApplication {
  seq += 1;
  const request = applicationRequest.parse(buildApplicationRequest({ orderNumber: `T-${seq}`, lines, type }));
  let app = rules.createApplication(`t${seq}`, request, "http://sandbox/gateway");
  for (const s of steps) app = s(app).app;
  return app;
}

export function contextOf(app: SandboxApplication): PlanContext & { response: OrderExtendedResponse } {
  const response = renderOrderExtended(app);
  return { order: response, application: response.applicationInfo, response };
}

/** Sends the plan's body to the simulated Skip Pay (after checking it against the request schema). */
export function applyPlan(app: SandboxApplication, plan: Plan): SandboxApplication {
  switch (plan.operation) {
    case "order/cancel":
      return rules.cancelItems(app, orderItemsChangeRequest.parse(plan.body)).app;
    case "order/send":
      return rules.sendItems(app, orderItemsSendRequest.parse(plan.body), "2026-11-20").app;
    case "order/deliver":
      return rules.deliverItems(app, orderItemsDeliverRequest.parse(plan.body), "2026-11-21").app;
    case "order/return":
      return rules.returnItems(app, orderItemsReturnRequest.parse(plan.body)).app;
    case "cancel":
      return rules.cancelApplication(app, applicationCancelRequest.parse(plan.body)).app;
    case "order":
      return rules.changeOrder(app, applicationOrderChangeRequest.parse(plan.body)).app;
  }
}

/** What the plan promised, side by side with what Skip Pay (the sandbox) did. */
export function outcomeOf(app: SandboxApplication) {
  const r = renderOrderExtended(app);
  return {
    total: r.totalPrice.amount,
    orderState: r.state,
    applicationState: r.applicationInfo.state,
    stateReason: r.applicationInfo.stateReason,
  };
}

export function promised(plan: Plan) {
  return {
    total: plan.totalAfter,
    orderState: plan.expected.orderState,
    applicationState: plan.expected.applicationState,
    stateReason: plan.expected.stateReason,
  };
}
