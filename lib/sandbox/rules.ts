// The simulated Skip Pay state machine: pure functions from (application, request) to the changed application,
// or a SandboxError saying why not. No I/O. Where the official docs are silent the decision is written here and
// in the README ("Sandbox semantics").
import type {
  ApplicationCancelRequest,
  ApplicationOrderChangeRequest,
  ApplicationRequest,
  ItemReference,
  OrderItemRequest,
  OrderItemsChangeRequest,
  OrderItemsDeliverRequest,
  OrderItemsReturnRequest,
  OrderItemsSendRequest,
  OrderState,
} from "@/lib/skippay/schemas";
import { quantityText, share, splitByWeight, toMilli, total, vatIn } from "./arithmetic";
import { invalidRequest, notSupported, SandboxError, unprocessable } from "./errors";
import {
  PART_ORDER,
  type SandboxApplication,
  type SandboxLine,
  type SandboxOrder,
  type SandboxPart,
} from "./model";

export type OrderOperation = "cancel" | "send" | "deliver" | "return";

/** What an operation changed, kept in the application's event history. */
export interface ChangeSummary {
  operation:
    | OrderOperation
    | "refund"
    | "full-return"
    | "cancel-application"
    | "change-order"
    | "approve"
    | "reject"
    | "payout";
  moved: {
    code: string;
    name: string;
    quantity: number;
    from: OrderState[];
    to: OrderState;
    price: number;
  }[];
  /** Money refunded to the customer by a return (minor units). */
  refund: number;
  /** Value of cancelled items (minor units). */
  cancelled: number;
  totalBefore: number;
  totalAfter: number;
}

export interface Change {
  app: SandboxApplication;
  summary: ChangeSummary;
}

const clone = <T>(value: T): T => structuredClone(value);

// ── Creating an application ─────────────────────────────────────────────────────────────────────────────────

/**
 * The checks every full list of lines must pass, at create and at an order change (the real API's checks are
 * undocumented; a shop is better off failing here than in production): item prices sum to the order total, VAT
 * per rate sums to the order's `totalVat`, only DISCOUNT lines are negative. Returns the items' VAT per rate.
 */
function checkOrder(
  items: readonly OrderItemRequest[],
  totalPrice: number,
  totalVat: readonly { vatRate: number; amount: number }[],
): Map<number, number> {
  items.forEach((item, i) => {
    const negativeAllowed = item.type === "DISCOUNT";
    if (!negativeAllowed && item.totalPrice.amount < 0) {
      throw invalidRequest(
        "must not be negative (only DISCOUNT items may be)",
        `order.items[${i}].totalPrice.amount`,
      );
    }
    if (negativeAllowed && item.totalPrice.amount > 0) {
      throw invalidRequest(
        "a DISCOUNT item must have a negative or zero price",
        `order.items[${i}].totalPrice.amount`,
      );
    }
    if (Math.abs(item.totalVat.amount) > Math.abs(item.totalPrice.amount)) {
      throw invalidRequest("VAT cannot exceed the price it is part of", `order.items[${i}].totalVat.amount`);
    }
  });
  const itemsTotal = total(items.map((i) => i.totalPrice.amount));
  if (itemsTotal !== totalPrice) {
    throw unprocessable(
      `order.totalPrice (${totalPrice}) must equal the sum of the items' totalPrice (${itemsTotal})`,
      "order.totalPrice.amount",
    );
  }
  if (totalPrice <= 0) throw unprocessable("the order total must be positive", "order.totalPrice.amount");

  const vatByRate = new Map<number, number>();
  for (const item of items) {
    vatByRate.set(item.totalVat.vatRate, (vatByRate.get(item.totalVat.vatRate) ?? 0) + item.totalVat.amount);
  }
  const declared = new Map<number, number>();
  totalVat.forEach((v, i) => {
    if (declared.has(v.vatRate))
      throw invalidRequest(`VAT rate ${v.vatRate} is listed twice`, `order.totalVat[${i}]`);
    declared.set(v.vatRate, v.amount);
  });
  for (const [rate, amount] of vatByRate) {
    if ((declared.get(rate) ?? 0) !== amount) {
      throw unprocessable(
        `order.totalVat at ${rate} % (${declared.get(rate) ?? "missing"}) must equal the items' VAT at that rate (${amount})`,
        "order.totalVat",
      );
    }
  }
  for (const [rate, amount] of declared) {
    if (!vatByRate.has(rate) && amount !== 0) {
      throw unprocessable(`order.totalVat lists ${rate} % but no item has that rate`, "order.totalVat");
    }
  }
  for (const rate of vatByRate.keys()) {
    const gross = total(items.filter((i) => i.totalVat.vatRate === rate).map((i) => i.totalPrice.amount));
    if (gross < 0) {
      throw unprocessable(`the discounts at ${rate} % VAT exceed the items at that rate`, "order.items");
    }
  }

  return vatByRate;
}

const vatList = (byRate: Map<number, number>) =>
  [...byRate].map(([rate, amount]) => ({ rate, amount })).sort((a, b) => b.rate - a.rate);

function lineFrom(item: OrderItemRequest): SandboxLine {
  const qty = toMilli(item.quantity ?? 1);
  return {
    code: item.code,
    ean: item.ean ?? null,
    name: item.name,
    type: item.type ?? null,
    variant: item.variant ?? null,
    description: item.description ?? null,
    producer: item.producer ?? null,
    categories: item.categories ?? null,
    productUrl: item.productUrl ?? null,
    imageUrl: item.image && /^https?:\/\//.test(item.image) ? item.image : null,
    vatRate: item.totalVat.vatRate,
    unitPrice: item.unitPrice?.amount ?? share(item.totalPrice.amount, 1000, qty),
    unitVat: item.unitVat?.amount ?? share(item.totalVat.amount, 1000, qty),
    parts: [
      {
        state: "PROCESSING",
        qty,
        price: item.totalPrice.amount,
        vat: item.totalVat.amount,
        sentDate: null,
        deliveryDate: null,
        trackingNumber: null,
      },
    ],
  };
}

/** Builds a new application from a validated create request, refusing an inconsistent order (`checkOrder`). */
export function createApplication(
  id: string,
  request: ApplicationRequest,
  gatewayBaseUrl: string,
): SandboxApplication {
  const { order } = request;
  const vatByRate = checkOrder(order.items, order.totalPrice.amount, order.totalVat);

  const lines = order.items.map(lineFrom);

  const preapproved = request.agreementTermsAndConditions === true;
  return {
    id,
    type: request.type,
    state: "PROCESSING",
    stateReason: preapproved ? "PROCESSING_PREAPPROVED" : "PROCESSING_REDIRECT_NEEDED",
    agreementTermsAndConditions: preapproved,
    customer: request.customer,
    merchantUrls: request.merchantUrls,
    gatewayRedirectUrl: `${gatewayBaseUrl}/${id}`,
    paid: false,
    cancelReason: null,
    order: {
      number: order.number,
      variableSymbols: order.variableSymbols ?? [],
      merchantId: order.merchantId ?? null,
      addresses: order.addresses ?? [],
      deliveryType: order.deliveryType ?? null,
      deliveryCarrier: order.deliveryCarrier ?? null,
      reservationDate: order.reservationDate ?? null,
      originalTotal: order.totalPrice.amount,
      total: order.totalPrice.amount,
      vat: vatList(vatByRate),
      sentDate: null,
      deliveryDate: null,
      trackingNumber: null,
      lines,
    },
  };
}

// ── Derived states ───────────────────────────────────────────────────────────────────────────────────────────

const ACTIVE: readonly OrderState[] = ["PROCESSING", "SENT", "DELIVERED"];

export function allParts(order: SandboxOrder): SandboxPart[] {
  return order.lines.flatMap((l) => l.parts);
}

/** The order's state, derived from its items (the API has no PARTIALLY_* states). */
export function orderStateOf(order: SandboxOrder): OrderState {
  const parts = allParts(order);
  const active = parts.filter((p) => ACTIVE.includes(p.state));
  if (active.length === 0) return parts.some((p) => p.state === "RETURNED") ? "RETURNED" : "CANCELLED";
  if (active.every((p) => p.state === "DELIVERED")) return "DELIVERED";
  if (active.some((p) => p.state !== "PROCESSING")) return "SENT";
  return "PROCESSING";
}

/**
 * A READY application's substate follows its order: READY_TO_SHIP until something is sent, READY_SHIPPED while
 * anything is still on its way or unsent, READY_DELIVERED once everything remaining is delivered (READY_PAID once
 * paid out). When nothing remains, the application ends CANCELLED: CANCELLED_RETURNED if anything was returned,
 * otherwise CANCELLED_NOT_PAID.
 */
function settle(app: SandboxApplication): void {
  if (app.state !== "READY") return;
  const parts = allParts(app.order);
  const active = parts.filter((p) => ACTIVE.includes(p.state));
  if (active.length === 0) {
    app.state = "CANCELLED";
    app.stateReason = parts.some((p) => p.state === "RETURNED") ? "CANCELLED_RETURNED" : "CANCELLED_NOT_PAID";
    return;
  }
  if (app.paid) app.stateReason = "READY_PAID";
  else if (active.every((p) => p.state === "DELIVERED")) app.stateReason = "READY_DELIVERED";
  else if (parts.some((p) => p.state !== "PROCESSING" && p.state !== "CANCELLED"))
    app.stateReason = "READY_SHIPPED";
  else app.stateReason = "READY_TO_SHIP";
}

/**
 * Money that can still be refunded: the financed total minus the value of what has not been sent yet — never more
 * than the total itself (an unsent discount has a negative value, but cannot make more money refundable).
 */
export function refundable(order: SandboxOrder): number {
  const unsent = total(
    allParts(order)
      .filter((p) => p.state === "PROCESSING")
      .map((p) => p.price),
  );
  return Math.max(0, order.total - Math.max(0, unsent));
}

// ── Selecting what an operation applies to ──────────────────────────────────────────────────────────────────

/** Where each operation takes quantities from, in order of preference, and the state it moves them to. */
const MOVES: Record<OrderOperation, { from: OrderState[]; to: OrderState; past: string }> = {
  cancel: { from: ["PROCESSING"], to: "CANCELLED", past: "cancelled" },
  send: { from: ["PROCESSING"], to: "SENT", past: "sent" },
  deliver: { from: ["SENT", "PROCESSING"], to: "DELIVERED", past: "delivered" },
  return: { from: ["DELIVERED", "SENT"], to: "RETURNED", past: "returned" },
};

interface Selection {
  line: number;
  qty: number;
}

function label(line: SandboxLine): string {
  return `"${line.name}" (code ${line.code})`;
}

function qtyIn(line: SandboxLine, states: readonly OrderState[]): number {
  return total(line.parts.filter((p) => states.includes(p.state)).map((p) => p.qty));
}

function lineQty(line: SandboxLine): number {
  return total(line.parts.map((p) => p.qty));
}

/** "2 sent on 2026-11-12, 1 cancelled" — where a line's quantity is now. */
function whereItIs(line: SandboxLine): string {
  return line.parts
    .map((p) => {
      const date = p.state === "DELIVERED" ? p.deliveryDate : p.state === "SENT" ? p.sentDate : null;
      const state = p.state === "PROCESSING" ? "not sent yet" : p.state.toLowerCase();
      return `${quantityText(p.qty)} ${state}${date ? ` on ${date}` : ""}`;
    })
    .join(", ");
}

function hint(op: OrderOperation, line: SandboxLine): string {
  if (op === "cancel" && qtyIn(line, ["SENT", "DELIVERED"]) > 0) return "; use order/return for sent items";
  if (op === "return" && qtyIn(line, ["PROCESSING"]) > 0) return "; cancel unsent items with order/cancel";
  return "";
}

/** A line matches when every identifier the reference gives equals the line's value exactly. */
function matches(ref: ItemReference, line: SandboxLine): boolean {
  return (
    (ref.code == null || ref.code === line.code) &&
    (ref.ean == null || ref.ean === line.ean) &&
    (ref.name == null || ref.name === line.name) &&
    (ref.type == null || ref.type === line.type)
  );
}

function resolve(order: SandboxOrder, refs: ItemReference[], op: OrderOperation): Selection[] {
  const { from, past } = MOVES[op];
  const taken = new Map<number, number>();
  return refs.map((ref, i) => {
    const at = `items[${i}]`;
    if (ref.code == null && ref.ean == null && ref.name == null && ref.type == null) {
      throw invalidRequest("identify the item by at least one of code, ean, name or type", at);
    }
    const found = order.lines.flatMap((line, index) => (matches(ref, line) ? [index] : []));
    if (found.length === 0) {
      const given = (["code", "ean", "name", "type"] as const)
        .filter((k) => ref[k] != null)
        .map((k) => `${k} "${ref[k]}"`)
        .join(", ");
      throw notSupported(`no order item matches ${given}`, at);
    }
    if (found.length > 1) {
      throw notSupported(
        `the reference matches ${found.length} order items (${found.map((n) => label(order.lines[n] as SandboxLine)).join(", ")}); add ean, name or type to tell them apart`,
        at,
      );
    }
    const index = found[0] as number;
    if (taken.has(index))
      throw invalidRequest(`refers to the same order item as items[${taken.get(index)}]`, at);
    taken.set(index, i);

    const line = order.lines[index] as SandboxLine;
    const available = qtyIn(line, from);
    if (available === 0) {
      throw notSupported(`${label(line)} cannot be ${past}: ${whereItIs(line)}${hint(op, line)}`, at);
    }
    const wanted = ref.quantity == null ? available : toMilli(ref.quantity);
    if (wanted > available) {
      throw notSupported(
        `only ${quantityText(available)} of ${quantityText(lineQty(line))} ${label(line)} can be ${past}, ${quantityText(wanted)} requested (${whereItIs(line)})${hint(op, line)}`,
        `${at}.quantity`,
      );
    }
    return { line: index, qty: wanted };
  });
}

/** Every line's full eligible quantity: what an empty request applies to. */
function everything(order: SandboxOrder, op: OrderOperation): Selection[] {
  return order.lines
    .map((line, index) => ({ line: index, qty: qtyIn(line, MOVES[op].from) }))
    .filter((s) => s.qty > 0);
}

// ── Moving quantities between states ────────────────────────────────────────────────────────────────────────

type Stamp = (part: SandboxPart) => Pick<SandboxPart, "sentDate" | "deliveryDate" | "trackingNumber">;
const keepDates: Stamp = (p) => ({
  sentDate: p.sentDate,
  deliveryDate: p.deliveryDate,
  trackingNumber: p.trackingNumber,
});

function samePlace(a: SandboxPart, b: SandboxPart): boolean {
  return (
    a.state === b.state &&
    a.sentDate === b.sentDate &&
    a.deliveryDate === b.deliveryDate &&
    a.trackingNumber === b.trackingNumber
  );
}

/** Merges parts in the same state with the same dates and sorts them into the listing order. */
function normalize(line: SandboxLine): void {
  const merged: SandboxPart[] = [];
  for (const part of line.parts) {
    if (part.qty === 0) continue;
    const twin = merged.find((m) => samePlace(m, part));
    if (twin) {
      twin.qty += part.qty;
      twin.price += part.price;
      twin.vat += part.vat;
    } else merged.push({ ...part });
  }
  const key = (p: SandboxPart) =>
    `${PART_ORDER.indexOf(p.state)}|${p.sentDate ?? ""}|${p.deliveryDate ?? ""}`;
  line.parts = merged.sort((a, b) => key(a).localeCompare(key(b)));
}

/**
 * Moves `qty` of a line from the operation's source states (in preference order) to its target state. A part
 * split in two keeps price and VAT exactly: the moved share is proportional (rounded half away from zero) and
 * the rest stays behind, so a line's parts always sum to the line's original price and VAT.
 */
function move(
  line: SandboxLine,
  qty: number,
  op: OrderOperation,
  stamp: Stamp,
): { price: number; vat: number } {
  const { from, to } = MOVES[op];
  let left = qty;
  let price = 0;
  let vat = 0;
  const added: SandboxPart[] = [];
  for (const state of from) {
    for (const part of line.parts) {
      if (left === 0) break;
      if (part.state !== state || part.qty === 0) continue;
      const take = Math.min(left, part.qty);
      const takePrice = take === part.qty ? part.price : share(part.price, take, part.qty);
      const takeVat = take === part.qty ? part.vat : share(part.vat, take, part.qty);
      added.push({ state: to, qty: take, price: takePrice, vat: takeVat, ...stamp(part) });
      part.qty -= take;
      part.price -= takePrice;
      part.vat -= takeVat;
      left -= take;
      price += takePrice;
      vat += takeVat;
    }
  }
  line.parts.push(...added);
  normalize(line);
  return { price, vat };
}

function requireReady(app: SandboxApplication, verb: string): void {
  if (app.state !== "READY") {
    throw notSupported(
      `order items can be ${verb} only while the application is READY; it is ${app.state} (${app.stateReason})`,
    );
  }
}

interface Moved {
  byRate: Map<number, { price: number; vat: number }>;
  price: number;
  vat: number;
  moved: ChangeSummary["moved"];
}

function applySelections(
  order: SandboxOrder,
  selections: Selection[],
  op: OrderOperation,
  stamp: Stamp,
): Moved {
  const result: Moved = { byRate: new Map(), price: 0, vat: 0, moved: [] };
  for (const s of selections) {
    const line = order.lines[s.line] as SandboxLine;
    const { price, vat } = move(line, s.qty, op, stamp);
    const rate = result.byRate.get(line.vatRate) ?? { price: 0, vat: 0 };
    result.byRate.set(line.vatRate, { price: rate.price + price, vat: rate.vat + vat });
    result.price += price;
    result.vat += vat;
    result.moved.push({
      code: line.code,
      name: line.name,
      quantity: s.qty,
      from: MOVES[op].from,
      to: MOVES[op].to,
      price,
    });
  }
  return result;
}

function reduceVat(order: SandboxOrder, byRate: Map<number, number>): void {
  for (const entry of order.vat) {
    entry.amount = Math.max(0, entry.amount - (byRate.get(entry.rate) ?? 0));
  }
}

function summary(
  operation: ChangeSummary["operation"],
  before: number,
  order: SandboxOrder,
  extra: Partial<ChangeSummary>,
): ChangeSummary {
  return {
    operation,
    moved: [],
    refund: 0,
    cancelled: 0,
    totalBefore: before,
    totalAfter: order.total,
    ...extra,
  };
}

// ── Order operations ─────────────────────────────────────────────────────────────────────────────────────────

function selectionsFor(
  order: SandboxOrder,
  items: ItemReference[] | undefined,
  op: OrderOperation,
): Selection[] {
  // "All items are considered when empty" (spec), i.e. everything still eligible.
  const selections = items && items.length > 0 ? resolve(order, items, op) : everything(order, op);
  if (selections.length === 0) {
    throw notSupported(
      `nothing left to mark as ${MOVES[op].past}: ${order.lines.map((l) => `${label(l)}: ${whereItIs(l)}`).join("; ")}`,
    );
  }
  return selections;
}

/** PUT …/order/cancel — items that will never be delivered (only what has not been sent). */
export function cancelItems(current: SandboxApplication, body: OrderItemsChangeRequest): Change {
  requireReady(current, "cancelled");
  const app = clone(current);
  const before = app.order.total;
  const selections = selectionsFor(app.order, body.items, "cancel");
  const moved = applySelections(app.order, selections, "cancel", keepDates);
  if (moved.price < 0) {
    throw notSupported(
      "cancelling only a discount would raise what the customer owes; cancel it together with the items it discounts",
    );
  }
  if (app.order.total - moved.price < 0) {
    throw notSupported(
      "cancelling this would leave the order with a negative total (a discount would remain); cancel the discount line with it",
    );
  }
  app.order.total -= moved.price;
  reduceVat(app.order, new Map([...moved.byRate].map(([rate, m]) => [rate, m.vat])));
  settle(app);
  return {
    app,
    summary: summary("cancel", before, app.order, { moved: moved.moved, cancelled: moved.price }),
  };
}

export function sendItems(current: SandboxApplication, body: OrderItemsSendRequest, today: string): Change {
  requireReady(current, "sent");
  // The payout to the shop is paired by the order's first variable symbol: sending is where a missing one is given.
  if (current.order.variableSymbols.length === 0 && !body.variableSymbol) {
    throw invalidRequest(
      "variableSymbol is required: the order was created without variable symbols",
      "variableSymbol",
    );
  }
  const app = clone(current);
  const sentDate = body.sentDate ?? today;
  const tracking = body.deliveryTrackingNumber ?? null;
  const moved = applySelections(app.order, selectionsFor(app.order, body.items, "send"), "send", () => ({
    sentDate,
    deliveryDate: null,
    trackingNumber: tracking,
  }));
  app.order.sentDate = sentDate;
  app.order.trackingNumber = tracking ?? app.order.trackingNumber;
  app.order.deliveryCarrier = body.deliveryCarrier ?? app.order.deliveryCarrier;
  if (body.variableSymbol && !app.order.variableSymbols.includes(body.variableSymbol)) {
    app.order.variableSymbols.push(body.variableSymbol);
  }
  settle(app);
  return { app, summary: summary("send", app.order.total, app.order, { moved: moved.moved }) };
}

export function deliverItems(
  current: SandboxApplication,
  body: OrderItemsDeliverRequest,
  today: string,
): Change {
  requireReady(current, "delivered");
  const app = clone(current);
  const deliveryDate = body.deliveryDate ?? today;
  const moved = applySelections(
    app.order,
    selectionsFor(app.order, body.items, "deliver"),
    "deliver",
    (p) => ({
      sentDate: p.sentDate ?? body.sentDate ?? deliveryDate,
      deliveryDate,
      trackingNumber: p.trackingNumber ?? body.deliveryTrackingNumber ?? null,
    }),
  );
  app.order.deliveryDate = deliveryDate;
  app.order.sentDate ??= body.sentDate ?? deliveryDate;
  app.order.trackingNumber = body.deliveryTrackingNumber ?? app.order.trackingNumber;
  app.order.deliveryCarrier = body.deliveryCarrier ?? app.order.deliveryCarrier;
  settle(app);
  return { app, summary: summary("deliver", app.order.total, app.order, { moved: moved.moved }) };
}

/** Checks an explicit `totalVat` for a refund and returns it per rate. */
function explicitVat(
  order: SandboxOrder,
  totalVat: NonNullable<OrderItemsReturnRequest["totalVat"]>,
  refund: number,
) {
  const byRate = new Map<number, number>();
  totalVat.forEach((v, i) => {
    const entry = order.vat.find((e) => e.rate === v.vatRate);
    if (!entry) throw notSupported(`the order has no items at ${v.vatRate} % VAT`, `totalVat[${i}].vatRate`);
    if (byRate.has(v.vatRate))
      throw invalidRequest(`VAT rate ${v.vatRate} is listed twice`, `totalVat[${i}]`);
    if (v.amount < 0) throw invalidRequest("must not be negative", `totalVat[${i}].amount`);
    if (v.amount > entry.amount) {
      throw notSupported(
        `VAT at ${v.vatRate} % (${v.amount}) exceeds what the order still contains at that rate (${entry.amount})`,
        `totalVat[${i}].amount`,
      );
    }
    byRate.set(v.vatRate, v.amount);
  });
  const vatSum = total([...byRate.values()]);
  if (vatSum > refund)
    throw notSupported(`the VAT (${vatSum}) exceeds the refunded amount (${refund})`, "totalVat");
  return byRate;
}

/** Splits a refund across VAT rates in proportion to `grossByRate` and computes the VAT each share contains. */
function proportionalVat(refund: number, grossByRate: Map<number, number>): Map<number, number> {
  const rates = [...grossByRate.keys()];
  if (rates.length === 0 || refund <= 0) return new Map();
  const parts = splitByWeight(
    refund,
    rates.map((r) => grossByRate.get(r) ?? 0),
  );
  return new Map(rates.map((rate, i) => [rate, vatIn(parts[i] ?? 0, rate)]));
}

function shippedGrossByRate(order: SandboxOrder): Map<number, number> {
  const byRate = new Map<number, number>();
  for (const line of order.lines) {
    const gross = total(
      line.parts.filter((p) => p.state === "SENT" || p.state === "DELIVERED").map((p) => p.price),
    );
    byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + gross);
  }
  return byRate;
}

function checkRefund(refund: number, available: number, attribute: string): void {
  if (refund < 0) {
    throw notSupported(
      `the refund would be negative (${refund}); return discounted items together with the items they discount`,
      attribute,
    );
  }
  if (refund > available) {
    throw notSupported(
      `the refund (${refund}) exceeds the amount that can still be refunded (${available})`,
      attribute,
    );
  }
}

/**
 * PUT …/order/return — three request shapes (seeds):
 * - `items` with entries: return those lines/quantities; refund `totalPrice` if given, else their value (capped
 *   at what is still refundable);
 * - `"items": []` with `totalPrice`: amount-only refund; every state stays as it is;
 * - no `items` (`{}`): full return of everything sent; refund `totalPrice` if given, else everything still
 *   refundable (the total drops to 0). Refused while anything is unsent (cancel it first), so a full return
 *   always leaves the order RETURNED.
 * The refund lowers the order total and its VAT (explicit `totalVat`, or split by the returned items' rates).
 */
export function returnItems(current: SandboxApplication, body: OrderItemsReturnRequest): Change {
  requireReady(current, "returned");
  const app = clone(current);
  const order = app.order;
  const before = order.total;
  const available = refundable(order);

  if (body.items && body.items.length === 0) {
    if (!body.totalPrice) {
      throw invalidRequest('an amount-only refund ("items": []) needs totalPrice', "totalPrice");
    }
    const refund = body.totalPrice.amount;
    if (refund <= 0) throw invalidRequest("must be greater than zero", "totalPrice.amount");
    checkRefund(refund, available, "totalPrice.amount");
    const vat = body.totalVat
      ? explicitVat(order, body.totalVat, refund)
      : proportionalVat(refund, shippedGrossByRate(order));
    order.total -= refund;
    reduceVat(order, vat);
    return { app, summary: summary("refund", before, order, { refund }) };
  }

  let selections: Selection[];
  if (body.items === undefined) {
    const unsent = order.lines.filter((l) => qtyIn(l, ["PROCESSING"]) > 0);
    if (unsent.length > 0) {
      throw notSupported(
        `a full return needs every item sent first; not sent yet: ${unsent.map(label).join(", ")} — cancel them with order/cancel, or return specific items`,
      );
    }
    selections = selectionsFor(order, undefined, "return");
  } else {
    selections = selectionsFor(order, body.items, "return");
  }

  const grossBefore = new Map<number, number>();
  const moved = applySelections(order, selections, "return", keepDates);
  for (const [rate, m] of moved.byRate) grossBefore.set(rate, m.price);
  const refund =
    body.totalPrice?.amount ?? (body.items === undefined ? available : Math.min(moved.price, available));
  checkRefund(refund, available, "totalPrice.amount");

  let vat: Map<number, number>;
  if (body.totalVat) vat = explicitVat(order, body.totalVat, refund);
  else if (body.items === undefined && refund === before)
    vat = new Map(order.vat.map((v) => [v.rate, v.amount]));
  else if (refund === moved.price) vat = new Map([...moved.byRate].map(([rate, m]) => [rate, m.vat]));
  else vat = proportionalVat(refund, grossBefore);

  order.total -= refund;
  reduceVat(order, vat);
  settle(app);
  return {
    app,
    summary: summary(body.items === undefined ? "full-return" : "return", before, order, {
      moved: moved.moved,
      refund,
    }),
  };
}

// ── Application-level transitions ────────────────────────────────────────────────────────────────────────────

/** PUT …/cancel — the whole application, only before anything was marked sent or delivered. */
export function cancelApplication(current: SandboxApplication, body: ApplicationCancelRequest): Change {
  const app = clone(current);
  if (app.state === "REJECTED")
    throw new SandboxError(422, "APPLICATION_REJECTED", "the application was rejected");
  if (app.state === "CANCELLED") {
    throw new SandboxError(422, "APPLICATION_ALREADY_CANCELLED", "the application is already cancelled");
  }
  if (app.stateReason === "PROCESSING_VALIDATION_IN_PROGRESS") {
    throw new SandboxError(422, "APPLICATION_VALIDATION_IN_PROGRESS", "the application is being validated");
  }
  if (app.paid) throw new SandboxError(422, "APPLICATION_PAID", "the application was already paid out");
  if (
    allParts(app.order).some((p) => p.state === "SENT" || p.state === "DELIVERED" || p.state === "RETURNED")
  ) {
    throw notSupported(
      "items were already marked as sent or delivered: cancel the remaining items with order/cancel or return sent ones with order/return",
    );
  }
  const before = app.order.total;
  const moved = applySelections(app.order, everything(app.order, "cancel"), "cancel", keepDates);
  app.order.total = 0;
  for (const v of app.order.vat) v.amount = 0;
  app.state = "CANCELLED";
  app.stateReason = "CANCELLED_NOT_PAID";
  app.cancelReason = body.reason ?? "APPLICATION_CANCELLED_OTHER";
  return {
    app,
    summary: summary("cancel-application", before, app.order, { moved: moved.moved, cancelled: before }),
  };
}

// ── Changing the order ───────────────────────────────────────────────────────────────────────────────────────

/**
 * PUT …/order — a partial change: what the body names replaces what the order had (an address replaces the
 * order's address of the same type; `items` is the complete new list of lines, checked like a create). Allowed
 * while PROCESSING, and while READY until anything was sent. New items replace the old lines whole, so they are
 * refused once a line carries a cancellation too (its history would vanish).
 */
export function changeOrder(current: SandboxApplication, body: ApplicationOrderChangeRequest): Change {
  const app = clone(current);
  if (app.state === "REJECTED" || app.state === "CANCELLED") {
    throw notSupported(`the order of a ${app.state} application cannot be changed`);
  }
  const parts = allParts(app.order);
  if (parts.some((p) => p.state === "SENT" || p.state === "DELIVERED" || p.state === "RETURNED")) {
    throw notSupported(
      "the order cannot be changed once items were marked as sent or delivered: cancel unsent items with order/cancel or return sent ones with order/return",
    );
  }
  const change = body.order;
  if (Object.values(change).every((v) => v === undefined)) {
    throw invalidRequest("nothing to change: send the fields that changed", "order");
  }
  // Decision: the order number is how the shop and the sandbox find an order (unique per merchant); it stays.
  if (change.number !== undefined && change.number !== app.order.number) {
    throw notSupported("the order number cannot be changed", "order.number");
  }
  const before = app.order.total;
  const order = app.order;

  if (change.items) {
    if (parts.some((p) => p.state === "CANCELLED")) {
      throw notSupported(
        "items cannot be replaced after some were cancelled with order/cancel; cancel more the same way",
        "order.items",
      );
    }
    // The schema guarantees totalPrice and totalVat come with items.
    const totalPrice = change.totalPrice?.amount ?? 0;
    const byRate = checkOrder(change.items, totalPrice, change.totalVat ?? []);
    order.lines = change.items.map(lineFrom);
    order.total = totalPrice;
    order.originalTotal = totalPrice;
    order.vat = vatList(byRate);
  } else {
    // Without items the totals follow the lines as they are: a total that disagrees is refused, not applied.
    if (change.totalPrice && change.totalPrice.amount !== order.total) {
      throw unprocessable(
        `order.totalPrice (${change.totalPrice.amount}) must equal the items' total (${order.total}); send the changed items with it`,
        "order.totalPrice.amount",
      );
    }
    if (change.totalVat) {
      const now = new Map(order.vat.filter((v) => v.amount !== 0).map((v) => [v.rate, v.amount]));
      const given = new Map(change.totalVat.filter((v) => v.amount !== 0).map((v) => [v.vatRate, v.amount]));
      if (now.size !== given.size || [...now].some(([rate, amount]) => given.get(rate) !== amount)) {
        throw unprocessable(
          "order.totalVat must equal the items' VAT per rate; send the changed items with it",
          "order.totalVat",
        );
      }
    }
  }

  if (change.addresses) {
    const types = change.addresses.map((a) => a.addressType);
    types.forEach((type, i) => {
      if (types.indexOf(type) !== i) {
        throw invalidRequest(`two ${type} addresses`, `order.addresses[${i}].addressType`);
      }
    });
    order.addresses = [
      ...order.addresses.filter((a) => !types.includes(a.addressType as (typeof types)[number])),
      ...change.addresses,
    ];
  }
  if (change.variableSymbols !== undefined) order.variableSymbols = change.variableSymbols ?? [];
  if (change.deliveryType !== undefined) order.deliveryType = change.deliveryType;
  if (change.deliveryCarrier !== undefined) order.deliveryCarrier = change.deliveryCarrier;
  if (change.reservationDate !== undefined) order.reservationDate = change.reservationDate;
  return { app, summary: summary("change-order", before, order, {}) };
}

function requireProcessing(app: SandboxApplication, what: string): void {
  if (app.state !== "PROCESSING") {
    throw notSupported(
      `only a PROCESSING application can be ${what}; it is ${app.state} (${app.stateReason})`,
    );
  }
}

/** Sandbox control: Skip Pay approved the customer — READY / READY_TO_SHIP. */
export function approve(current: SandboxApplication): Change {
  requireProcessing(current, "approved");
  const app = clone(current);
  app.state = "READY";
  app.stateReason = "READY_TO_SHIP";
  settle(app);
  return { app, summary: summary("approve", app.order.total, app.order, {}) };
}

/** Sandbox control: Skip Pay rejected the customer — REJECTED / REJECTED. */
export function reject(current: SandboxApplication): Change {
  requireProcessing(current, "rejected");
  const app = clone(current);
  app.state = "REJECTED";
  app.stateReason = "REJECTED";
  return { app, summary: summary("reject", app.order.total, app.order, {}) };
}

/** Sandbox control: Skip Pay paid (part of) the price out to the shop — READY_PAID. */
export function payout(current: SandboxApplication): Change {
  if (current.state !== "READY" || !allParts(current.order).some((p) => p.state === "DELIVERED")) {
    throw notSupported("only a READY application with delivered items can be paid out");
  }
  const app = clone(current);
  app.paid = true;
  settle(app);
  return { app, summary: summary("payout", app.order.total, app.order, {}) };
}
