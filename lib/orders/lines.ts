// The order as staff think of it: one row per order line, with how much of it is still cancellable (not sent),
// returnable (sent or delivered, not returned), and already cancelled or returned. Pure: built from the order
// exactly as Skip Pay returns it. Skip Pay lists a line once per state when its quantity is split (2 delivered +
// 1 returned), so items with the same identifiers, price and VAT rate are one line here.
import type { ItemReference, OrderResponse, OrderState } from "@/lib/skippay/schemas";
import { sum } from "./money";
import { toMilli } from "./quantity";

export interface LinePart {
  state: OrderState;
  /** Thousandths. */
  qty: number;
  price: number;
  vat: number;
  sentDate: string | null;
  deliveryDate: string | null;
  trackingNumber: string | null;
}

/** When this admin last returned or cancelled some of a line (a Prague day; lib/orders/line-history.ts). */
export type LineHistory = Partial<Record<"RETURNED" | "CANCELLED", string>>;

export interface OrderLine {
  /** Stable key of the line within its order (same identifiers, price and rate → same key on every read). */
  key: string;
  code: string;
  ean: string | null;
  name: string;
  /** As stored at Skip Pay (echoed back verbatim in references). */
  type: string | null;
  variant: string | null;
  vatRate: number;
  unitPrice: number;
  unitVat: number;
  /** Whole line, thousandths. */
  quantity: number;
  /** Whole line's price, VAT included. */
  value: number;
  parts: LinePart[];
  unsent: number;
  sent: number;
  delivered: number;
  returned: number;
  cancelled: number;
  /** Still cancellable = not sent yet. */
  cancellable: number;
  /** Still returnable = sent or delivered, not yet returned. */
  returnable: number;
  /** The reference that identifies this line at Skip Pay: every identifier the line has, exactly as stored. */
  reference: Pick<ItemReference, "code" | "ean" | "name" | "type">;
  /**
   * Keys of lines this line's reference also matches (its own key when Skip Pay lists an identical twin line):
   * then it cannot be addressed on its own, only as part of "everything remaining".
   */
  ambiguousWith: string[];
  /** Set by the workspace from the journal (withHistory); Skip Pay's read has none. */
  history?: LineHistory;
}

export interface OrderView {
  lines: OrderLine[];
  total: number;
  /** Value of what has not been sent: financed, but not refundable. */
  unsentValue: number;
  /** What can still be refunded: the total minus the value of unsent goods (never more than the total). */
  refundable: number;
}

/** FNV-1a, 32 bit: a short, stable key for a line's identity. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

function referenceOf(line: Pick<OrderLine, "code" | "ean" | "name" | "type">): OrderLine["reference"] {
  return {
    code: line.code,
    ...(line.ean != null ? { ean: line.ean } : {}),
    name: line.name,
    ...(line.type != null ? { type: line.type as ItemReference["type"] } : {}),
  };
}

/** Would Skip Pay match `line` with this reference? (Every identifier given must be equal.) */
export function referenceMatches(
  reference: OrderLine["reference"],
  line: Pick<OrderLine, "code" | "ean" | "name" | "type">,
) {
  return (
    (reference.code == null || reference.code === line.code) &&
    (reference.ean == null || reference.ean === line.ean) &&
    (reference.name == null || reference.name === line.name) &&
    (reference.type == null || reference.type === line.type)
  );
}

const qtyIn = (parts: LinePart[], states: OrderState[]) =>
  sum(parts.filter((p) => states.includes(p.state)).map((p) => p.qty));

// Views of the item lists already seen (answers from Skip Pay are never mutated): the workspace, the live
// preview, the planner and the stale-page guard all ask for the same order's view, up to 1,000 lines each time.
const views = new WeakMap<object, OrderView>();

/** The order's items grouped into lines (one per identity), with quantities and values per state. */
/** What the view reads: the items and total, and the order's own dates (the items' when it was sent at once). */
type ViewedOrder = Pick<OrderResponse, "items" | "totalPrice"> &
  Partial<Pick<OrderResponse, "sentDate" | "deliveryDate" | "deliveryTrackingNumber">>;

export function orderView(order: ViewedOrder): OrderView {
  const known = views.get(order.items);
  if (known && known.total === order.totalPrice.amount) return known;
  const view = buildOrderView(order);
  views.set(order.items, view);
  return view;
}

function buildOrderView(order: ViewedOrder): OrderView {
  const byIdentity = new Map<string, OrderLine>();
  const identical = new Set<string>();
  const listedParts = new Map<string, Set<string>>();
  const keys = new Set<string>();
  for (const item of order.items) {
    const identity = [
      item.code,
      item.ean ?? "",
      item.name,
      item.type ?? "",
      item.unitPrice.amount,
      item.totalVat.vatRate,
    ].join("\u0001");
    let line = byIdentity.get(identity);
    if (!line) {
      let key = `L${hash(identity)}`;
      while (keys.has(key)) key = `${key}x`;
      keys.add(key);
      line = {
        key,
        code: item.code,
        ean: item.ean ?? null,
        name: item.name,
        type: item.type ?? null,
        variant: item.variant ?? null,
        vatRate: item.totalVat.vatRate,
        unitPrice: item.unitPrice.amount,
        unitVat: item.unitVat.amount,
        quantity: 0,
        value: 0,
        parts: [],
        unsent: 0,
        sent: 0,
        delivered: 0,
        returned: 0,
        cancelled: 0,
        cancellable: 0,
        returnable: 0,
        reference: referenceOf({
          code: item.code,
          ean: item.ean ?? null,
          name: item.name,
          type: item.type ?? null,
        }),
        ambiguousWith: [],
      };
      byIdentity.set(identity, line);
    }
    // Skip Pay dates an item only when the whole order was not sent at once (spec, OrderItemResponse); when it
    // was, the order's dates are the item's.
    const shipped = item.state !== "PROCESSING" && item.state !== "CANCELLED";
    const dates = {
      sentDate: item.sentDate ?? (shipped ? (order.sentDate ?? null) : null),
      deliveryDate: item.deliveryDate ?? (item.state === "DELIVERED" ? (order.deliveryDate ?? null) : null),
      trackingNumber:
        item.deliveryTrackingNumber ?? (shipped ? (order.deliveryTrackingNumber ?? null) : null),
    };
    // Skip Pay lists one item per line, state and dates, so the same identity twice with all of these equal means
    // two identical order lines: no reference can tell them apart. Compared as Skip Pay lists them: the order's
    // dates filled in above (for display) would make the parts of one line shipped in two goes look alike.
    const listed = `${item.state}|${item.sentDate ?? ""}|${item.deliveryDate ?? ""}|${item.deliveryTrackingNumber ?? ""}`;
    const seen = listedParts.get(line.key) ?? new Set<string>();
    if (seen.has(listed)) identical.add(line.key);
    listedParts.set(line.key, seen.add(listed));
    line.parts.push({
      state: item.state,
      qty: toMilli(item.quantity),
      price: item.totalPrice.amount,
      vat: item.totalVat.amount,
      ...dates,
    });
  }

  const lines = [...byIdentity.values()];
  for (const line of lines) {
    line.quantity = sum(line.parts.map((p) => p.qty));
    line.value = sum(line.parts.map((p) => p.price));
    line.unsent = qtyIn(line.parts, ["PROCESSING"]);
    line.sent = qtyIn(line.parts, ["SENT"]);
    line.delivered = qtyIn(line.parts, ["DELIVERED"]);
    line.returned = qtyIn(line.parts, ["RETURNED"]);
    line.cancelled = qtyIn(line.parts, ["CANCELLED"]);
    line.cancellable = line.unsent;
    line.returnable = line.sent + line.delivered;
  }
  // Every reference carries the code, so only lines sharing a code can be confused.
  const byCode = new Map<string, OrderLine[]>();
  for (const l of lines) byCode.set(l.code, [...(byCode.get(l.code) ?? []), l]);
  for (const line of lines) {
    const sameCode = byCode.get(line.code) ?? [];
    line.ambiguousWith = sameCode
      .filter((o) => o !== line && referenceMatches(line.reference, o))
      .map((o) => o.key);
    if (identical.has(line.key)) line.ambiguousWith.push(line.key);
  }
  const unsentValue = sum(
    lines.flatMap((l) => l.parts.filter((p) => p.state === "PROCESSING").map((p) => p.price)),
  );
  return {
    lines,
    total: order.totalPrice.amount,
    unsentValue,
    // An unsent discount has a negative value but never makes more than the total refundable.
    refundable: Math.max(0, order.totalPrice.amount - Math.max(0, unsentValue)),
  };
}
