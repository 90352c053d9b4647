// Mark items sent (`PUT …/order/send`) or delivered (`PUT …/order/deliver`): states move, money does not.
// Skip Pay pays the shop out under the order's first variable symbol; an order created without one gets it when it
// is marked sent, so the send must then give one (spec).
import type { OrderItemsDeliverRequest, OrderItemsSendRequest } from "@/lib/skippay/schemas";
import { DOCUMENT_TYPE, documentField } from "../documents";
import { isVariableSymbol, type MoveKind, needsVariableSymbol } from "../eligibility";
import type { OrderView } from "../lines";
import {
  type DeliverIntent,
  issue,
  type PlanContext,
  type PlanIssue,
  type PlanNote,
  type PlanResult,
  refused,
  type SendIntent,
} from "../plan-types";
import { allEligible, coversEverything, referenceFor, select } from "../selection";
import { expectedStates, simulate } from "../simulation";

export function planShipping(
  ctx: PlanContext,
  view: OrderView,
  intent: SendIntent | DeliverIntent,
): PlanResult {
  const kind: MoveKind = intent.kind;
  const issues: PlanIssue[] = [];
  const chosen = intent.lines === null ? allEligible(view, kind) : select(view, intent.lines, kind, issues);
  if (intent.kind === "send") {
    if (intent.trackingNumber && intent.trackingNumber.length > 64)
      issues.push(issue("trackingNumber", "tracking_too_long"));
    if (intent.variableSymbol !== null && !isVariableSymbol(intent.variableSymbol))
      issues.push(issue("variableSymbol", "variable_symbol_invalid"));
    else if (intent.variableSymbol === null && needsVariableSymbol(ctx.order))
      issues.push(issue("variableSymbol", "variable_symbol_required"));
  }
  if (issues.length > 0) return refused(...issues);
  if (chosen.length === 0) {
    const none = intent.lines === null || allEligible(view, kind).length === 0;
    return refused(issue(null, none ? "nothing_left" : "nothing_selected"));
  }
  const sim = simulate(view, chosen, kind);
  const notes: PlanNote[] = [];
  const everything = intent.lines === null || coversEverything(view, chosen, kind);
  // Its date and carrier still go with it: the request is not empty, it only names no items.
  if (everything) notes.push({ code: "no_items" });
  const items = everything ? {} : { items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)) };
  const shared = {
    intent: intent.kind,
    shape: everything ? ("all-remaining" as const) : ("items" as const),
    changes: sim.changes,
    refund: 0,
    cancelledValue: 0,
    vat: [],
    totalBefore: view.total,
    totalAfter: view.total,
    expected: expectedStates(sim.partsAfter, ctx.application),
    expectedLines: sim.linesAfter,
    notes,
  };
  if (intent.kind === "deliver") {
    const body: OrderItemsDeliverRequest = {
      ...items,
      ...(intent.deliveryDate ? { deliveryDate: intent.deliveryDate } : {}),
    };
    return { ok: true, plan: { ...shared, operation: "order/deliver", body } };
  }
  const body: OrderItemsSendRequest = {
    ...items,
    ...(intent.sentDate ? { sentDate: intent.sentDate } : {}),
    ...(intent.carrier ? { deliveryCarrier: intent.carrier } : {}),
    ...(intent.trackingNumber ? { deliveryTrackingNumber: intent.trackingNumber } : {}),
    ...(intent.variableSymbol ? { variableSymbol: intent.variableSymbol } : {}),
    ...documentField(DOCUMENT_TYPE.send, intent.document),
  };
  return { ok: true, plan: { ...shared, operation: "order/send", body } };
}
