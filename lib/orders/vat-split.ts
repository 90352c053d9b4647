// A refund's VAT per rate: Skip Pay takes `totalVat` as one amount per rate. Shares are split by largest remainder
// (so they sum exactly to the refund), and no share's VAT is ever more than the order still holds at its rate.
import type { OrderItemsReturnRequest, OrderState } from "@/lib/skippay/schemas";
import type { OrderView } from "./lines";
import { allocate, CURRENCY, sum, vatIncluded } from "./money";
import type { PlanContext, PlanNote, VatShare } from "./plan-types";

/** The VAT the order holds at a rate now (earlier refunds took some). */
export function currentVat(order: PlanContext["order"], rate: number): number {
  return sum(order.totalVat.filter((v) => v.vatRate === rate).map((v) => v.amount));
}

function clampVat(vat: number, order: PlanContext["order"], rate: number): number {
  return Math.max(0, Math.min(vat, currentVat(order, rate)));
}

export function capVat(shares: VatShare[], order: PlanContext["order"]): VatShare[] {
  return shares.map((s) => ({ ...s, vat: clampVat(s.vat, order, s.rate) }));
}

/**
 * Splits a refund across VAT rates in proportion to `weights` (largest remainder, so the shares sum exactly) and
 * computes the VAT each share contains, never more than the order still holds at that rate. A rounding residual
 * spread over several rates is noted for staff.
 */
export function splitRefund(
  refund: number,
  weights: Map<number, number>,
  order: PlanContext["order"],
  notes: PlanNote[],
): VatShare[] {
  const rates = [...weights.keys()].sort((a, b) => b - a);
  if (refund <= 0 || rates.length === 0) return [];
  const allocation = allocate(
    refund,
    rates.map((r) => weights.get(r) ?? 0),
  );
  if (allocation.residual > 0 && rates.length > 1) {
    notes.push({
      code: "vat_rounding",
      params: {
        residualMinor: allocation.residual,
        rates: allocation.adjusted.map((i) => `${rates[i]} %`).join(", "),
      },
    });
  }
  return rates
    .map((rate, i) => {
      const gross = allocation.parts[i] ?? 0;
      return { rate, gross, vat: clampVat(vatIncluded(gross, rate), order, rate) };
    })
    .filter((s) => s.gross !== 0);
}

export function vatBody(shares: VatShare[]): NonNullable<OrderItemsReturnRequest["totalVat"]> {
  return shares.map((s) => ({ amount: s.vat, currency: CURRENCY, vatRate: s.rate }));
}

/**
 * The weights an amount-only refund's VAT is split by: what the customer has (sent or delivered) per rate, a
 * discount at that rate taken off, as the invoice counts it. When none are left, what is still refundable is the
 * part of returned goods' value an earlier return did not refund (a lower refund override), so their rates weigh
 * instead: never an empty split.
 */
export function shippedGrossByRate(view: OrderView): Map<number, number> {
  const grossIn = (states: OrderState[]) => {
    const net = new Map<number, number>();
    for (const line of view.lines) {
      const gross = sum(line.parts.filter((p) => states.includes(p.state)).map((p) => p.price));
      if (gross !== 0) net.set(line.vatRate, (net.get(line.vatRate) ?? 0) + gross);
    }
    // A rate a discount outweighs carries nothing to refund.
    return new Map([...net].filter(([, gross]) => gross > 0));
  };
  const shipped = grossIn(["SENT", "DELIVERED"]);
  return shipped.size > 0 ? shipped : grossIn(["RETURNED"]);
}
