// An order discount (its DISCOUNT lines) belongs to the goods it was given on: returned goods give back their value
// less their share of it, as Shopify does by default. Each discount line is shared among the goods at its VAT rate
// (all goods when none has that rate) in proportion to their value, by largest remainder; a line's share is then
// counted by the pieces returned, cumulatively — the share of pieces k+1…k+q is share(k+q) − share(k) — so any
// sequence of returns adds up, to the haléř, to the line's whole share. Pure.
import type { OrderLine, OrderView } from "./lines";
import { allocate, proportion } from "./money";
import { isGoods } from "./presentation";
import type { Selected } from "./selection";

export interface DiscountShare {
  /** The share of the order discount the chosen goods carry, VAT included (≥ 0). */
  gross: number;
  /** Per VAT rate (the discount lines' rates): the share and the VAT in it. */
  byRate: Map<number, { gross: number; vat: number }>;
}

const discountsOf = (view: OrderView) => view.lines.filter((l) => l.type === "DISCOUNT" && l.value < 0);

/** Whether the order has a discount to share at all. */
export const hasOrderDiscount = (view: OrderView) => discountsOf(view).length > 0;

/** Every goods line's whole share of each discount line: key → (discount key → { gross, vat }) magnitudes. */
function lineShares(view: OrderView): Map<string, { rate: number; gross: number; vat: number }[]> {
  const goods = view.lines.filter((l) => isGoods(l.type));
  const out = new Map<string, { rate: number; gross: number; vat: number }[]>();
  for (const discount of discountsOf(view)) {
    const sameRate = goods.filter((g) => g.vatRate === discount.vatRate);
    const over = sameRate.length > 0 ? sameRate : goods;
    if (over.length === 0) continue;
    const weights = over.map((g) => Math.max(0, g.value));
    const gross = allocate(-discount.value, weights).parts;
    const vat = allocate(Math.max(0, -discount.parts.reduce((n, p) => n + p.vat, 0)), weights).parts;
    over.forEach((g, i) => {
      const list = out.get(g.key) ?? [];
      list.push({ rate: discount.vatRate, gross: gross[i] ?? 0, vat: vat[i] ?? 0 });
      out.set(g.key, list);
    });
  }
  return out;
}

/** The share of `whole` carried by the first `pieces` of a line of `quantity` pieces. */
const upTo = (whole: number, pieces: number, quantity: number) =>
  quantity > 0 ? proportion(whole, pieces, quantity) : 0;

/** The order discount's share the goods returned now carry (after what earlier returns of those lines took). */
export function discountShare(
  view: OrderView,
  chosen: readonly Pick<Selected, "line" | "quantity">[],
): DiscountShare {
  const shares = lineShares(view);
  const byRate = new Map<number, { gross: number; vat: number }>();
  let gross = 0;
  for (const { line, quantity } of chosen) {
    for (const s of shares.get(line.key) ?? []) {
      const g = taken(s.gross, line, quantity);
      const v = taken(s.vat, line, quantity);
      const at = byRate.get(s.rate) ?? { gross: 0, vat: 0 };
      byRate.set(s.rate, { gross: at.gross + g, vat: at.vat + v });
      gross += g;
    }
  }
  return { gross, byRate };
}

/** The part of a line's share that `quantity` more returned pieces carry. */
function taken(share: number, line: OrderLine, quantity: number): number {
  return upTo(share, line.returned + quantity, line.quantity) - upTo(share, line.returned, line.quantity);
}

/**
 * What earlier returns took of the order discount (their goods' shares): when the discount lines themselves come
 * back with the last goods, their value less this is what they still take off.
 */
export function discountTaken(view: OrderView): DiscountShare {
  const shares = lineShares(view);
  const byRate = new Map<number, { gross: number; vat: number }>();
  let gross = 0;
  for (const line of view.lines) {
    for (const s of shares.get(line.key) ?? []) {
      const g = upTo(s.gross, line.returned, line.quantity);
      const v = upTo(s.vat, line.returned, line.quantity);
      const at = byRate.get(s.rate) ?? { gross: 0, vat: 0 };
      byRate.set(s.rate, { gross: at.gross + g, vat: at.vat + v });
      gross += g;
    }
  }
  return { gross, byRate };
}
