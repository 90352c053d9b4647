// Return items (`PUT …/order/return`): sent or delivered goods come back and the refund goes to the customer —
// their value, capped by what is still refundable, or an amount staff set. The last items go as the empty body
// ("all remaining"), which refunds whatever is still refundable.
import type { OrderItemsReturnRequest } from "@/lib/skippay/schemas";
import { type DiscountShare, discountShare, discountTaken, hasOrderDiscount } from "../discounts";
import { DOCUMENT_TYPE, documentField } from "../documents";
import type { OrderView } from "../lines";
import { CURRENCY } from "../money";
import {
  issue,
  type PlanContext,
  type PlanIssue,
  type PlanNote,
  type PlanResult,
  type ReturnIntent,
  refused,
  type VatShare,
} from "../plan-types";
import { isGoods } from "../presentation";
import { allEligible, coversEverything, referenceFor, type Selected, select } from "../selection";
import { expectedStates, simulate } from "../simulation";
import { capVat, currentVat, shippedGrossByRate, splitRefund, vatBody } from "../vat-split";

const capped = (valueMinor: number, maxMinor: number): PlanNote => ({
  code: "capped_by_earlier_refunds",
  params: { valueMinor, maxMinor },
});

const negated = (d: DiscountShare): DiscountShare => ({
  gross: -d.gross,
  byRate: new Map([...d.byRate].map(([rate, s]) => [rate, { gross: -s.gross, vat: -s.vat }])),
});

/**
 * The last goods come back: the order discount cannot stay on nothing, so its lines come back with them (and when
 * nothing else remains, Skip Pay gets the empty body, "all remaining items").
 */
function withDiscounts(view: OrderView, chosen: Selected[]): Selected[] {
  const goodsLeft = allEligible(view, "return").filter((e) => isGoods(e.line.type));
  const allGoods = goodsLeft.every((g) =>
    chosen.some((c) => c.line.key === g.line.key && c.quantity === g.eligible),
  );
  if (!allGoods || goodsLeft.length === 0) return chosen;
  const discounts = allEligible(view, "return").filter(
    (e) => e.line.type === "DISCOUNT" && !chosen.some((c) => c.line.key === e.line.key),
  );
  return [...chosen, ...discounts];
}

export function planReturn(ctx: PlanContext, view: OrderView, intent: ReturnIntent): PlanResult {
  const issues: PlanIssue[] = [];
  const override = intent.refundOverride;
  // The returned goods' value less their share of the order discount — unless staff refund the full price or an
  // amount of their own.
  const prorate =
    override == null && !(intent.kind === "return" && intent.fullPrice) && hasOrderDiscount(view);
  let chosen: Selected[];
  if (intent.kind === "return-all") {
    const unsent = view.lines.filter((l) => l.unsent > 0);
    if (unsent.length > 0)
      return refused(
        issue(null, "full_return_needs_all_sent", { names: unsent.map((l) => l.name).join(", ") }),
      );
    chosen = allEligible(view, "return");
  } else {
    const picked = select(view, intent.lines, "return", issues);
    chosen = prorate ? withDiscounts(view, picked) : picked;
  }
  if (override != null && (!Number.isSafeInteger(override) || override <= 0))
    issues.push(issue("refundOverride", "amount_invalid"));
  if (issues.length > 0) return refused(...issues);
  if (chosen.length === 0)
    return refused(
      issue(null, allEligible(view, "return").length === 0 ? "nothing_left" : "nothing_selected"),
    );

  const sim = simulate(view, chosen, "return");
  const notes: PlanNote[] = [];
  const everything = coversEverything(view, chosen, "return") && view.lines.every((l) => l.unsent === 0);
  // Per VAT rate, so the refund's VAT comes out right. When the discount lines come back too (with the last
  // goods), they take off only what earlier returns did not already take; otherwise the goods carry their share.
  const discountBack = chosen.some((c) => c.line.type === "DISCOUNT");
  const share = !prorate
    ? null
    : discountBack
      ? negated(discountTaken(view))
      : discountShare(
          view,
          chosen.filter((c) => isGoods(c.line.type)),
        );
  if (share && share.gross !== 0) {
    sim.value -= share.gross;
    for (const [rate, s] of share.byRate) {
      sim.grossByRate.set(rate, (sim.grossByRate.get(rate) ?? 0) - s.gross);
      sim.vatByRate.set(rate, (sim.vatByRate.get(rate) ?? 0) - s.vat);
    }
  }
  let refund: number;
  if (override != null) {
    if (override > view.refundable)
      return refused(issue("refundOverride", "refund_above_refundable", { maxMinor: view.refundable }));
    refund = override;
    if (override !== sim.value) {
      notes.push({
        code: override > sim.value ? "override_above_items_value" : "override_below_items_value",
        params: { refundMinor: override, valueMinor: sim.value },
      });
    }
  } else if (everything && view.refundable <= sim.value) {
    // The empty body refunds everything still refundable.
    refund = view.refundable;
    if (sim.value > refund) notes.push(capped(sim.value, view.refundable));
  } else {
    // Only discount lines chosen: worth less than nothing.
    if (sim.value < 0) return refused(issue(null, "negative_value"));
    refund = Math.min(sim.value, view.refundable);
    if (refund < sim.value) notes.push(capped(sim.value, view.refundable));
    if (everything && view.refundable > refund) {
      // An earlier refund kept money back (e.g. a lower refund for a damaged item). The empty body would return the
      // rest "accordingly (possibly to zero)" and pay that back too: the items are listed with their own worth.
      notes.push({
        code: "kept_back_stays",
        params: { refundMinor: refund, keptMinor: view.refundable - refund },
      });
    }
  }

  const emptyBody = everything && refund === view.refundable && override == null;
  let vat: VatShare[];
  if (emptyBody && refund === view.total) {
    // Everything is refunded, so is every haléř of VAT the order still holds; the refund splits by rate as usual.
    const shares = splitRefund(refund, sim.grossByRate, ctx.order, notes);
    const rates = new Set([
      ...shares.map((v) => v.rate),
      ...ctx.order.totalVat.filter((v) => v.amount > 0).map((v) => v.vatRate),
    ]);
    vat = [...rates]
      .sort((a, b) => b - a)
      .map((rate) => ({
        rate,
        gross: shares.find((v) => v.rate === rate)?.gross ?? 0,
        vat: currentVat(ctx.order, rate),
      }));
  } else if (refund === sim.value) {
    vat = capVat(
      [...sim.grossByRate.keys()]
        .sort((a, b) => b - a)
        .map((rate) => ({ rate, gross: sim.grossByRate.get(rate) ?? 0, vat: sim.vatByRate.get(rate) ?? 0 })),
      ctx.order,
    );
  } else {
    vat = splitRefund(
      refund,
      sim.grossByRate.size > 0 ? sim.grossByRate : shippedGrossByRate(view),
      ctx.order,
      notes,
    );
  }

  let body: OrderItemsReturnRequest;
  if (emptyBody) {
    notes.push({ code: "empty_body" });
    body = { ...documentField(DOCUMENT_TYPE.return, intent.document) };
  } else {
    // Items are always listed with an explicit totalPrice and totalVat, so the refund is exactly what staff saw.
    // (A full return with an override lists every line too: `{totalPrice}` without items is ambiguous at Skip Pay.)
    body = {
      items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)),
      totalPrice: { amount: refund, currency: CURRENCY },
      totalVat: vatBody(vat),
      ...documentField(DOCUMENT_TYPE.return, intent.document),
    };
  }
  return {
    ok: true,
    plan: {
      intent: intent.kind,
      operation: "order/return",
      body,
      shape: emptyBody ? "all-remaining" : "items",
      changes: sim.changes,
      refund,
      cancelledValue: 0,
      ...(share && !discountBack ? { discountShare: share.gross } : {}),
      vat,
      totalBefore: view.total,
      totalAfter: view.total - refund,
      expected: expectedStates(sim.partsAfter, ctx.application),
      expectedLines: sim.linesAfter,
      notes,
    },
  };
}
