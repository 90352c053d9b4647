// An amount-only refund (`PUT …/order/return` with `"items": []`): no item changes state, the total drops.
import { DOCUMENT_TYPE, documentField } from "../documents";
import type { OrderView } from "../lines";
import { CURRENCY } from "../money";
import {
  issue,
  type PlanContext,
  type PlanNote,
  type PlanResult,
  type RefundIntent,
  refused,
} from "../plan-types";
import { unchangedLines } from "../simulation";
import { shippedGrossByRate, splitRefund, vatBody } from "../vat-split";

export function planRefund(ctx: PlanContext, view: OrderView, intent: RefundIntent): PlanResult {
  if (!Number.isSafeInteger(intent.amount) || intent.amount <= 0)
    return refused(issue("amount", "amount_invalid"));
  if (view.refundable <= 0) {
    const nothingSent = view.unsentValue > 0 && view.lines.every((l) => l.sent + l.delivered === 0);
    return refused(issue("amount", "nothing_refundable", { why: nothingSent ? "not_sent" : "refunded" }));
  }
  if (intent.amount > view.refundable)
    return refused(issue("amount", "refund_above_refundable", { maxMinor: view.refundable }));
  const notes: PlanNote[] = [];
  const vat = splitRefund(intent.amount, shippedGrossByRate(view), ctx.order, notes);
  return {
    ok: true,
    plan: {
      intent: "refund",
      operation: "order/return",
      // "items": [] marks an amount-only refund; without it Skip Pay would take it as a full return (seeds).
      body: {
        items: [],
        totalPrice: { amount: intent.amount, currency: CURRENCY },
        totalVat: vatBody(vat),
        ...documentField(DOCUMENT_TYPE.refund, intent.document),
      },
      shape: "amount-only",
      changes: [],
      refund: intent.amount,
      cancelledValue: 0,
      vat,
      totalBefore: view.total,
      totalAfter: view.total - intent.amount,
      // An amount-only refund changes no state (seeds).
      expected: {
        orderState: ctx.order.state,
        applicationState: ctx.application.state,
        stateReason: ctx.application.stateReason,
      },
      expectedLines: unchangedLines(view),
      notes,
    },
  };
}
