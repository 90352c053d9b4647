// Changing the order before anything is sent (`PUT …/order`): a quantity or unit price, a line removed or added,
// the discount adjusted. Skip Pay takes `items` as the order's complete new list, with the new total and VAT per
// rate, so the plan is that whole list: lines staff did not touch go back exactly as Skip Pay has them (their
// rounding untouched); a changed line's total is unit price × quantity and its VAT the VAT that total contains.
import { ITEM_TYPES } from "@/lib/skippay/enums";
import type { ItemType, OrderItemRequest, OrderItemResponse } from "@/lib/skippay/schemas";
import { quantitiesByState, whyOrderNotChangeable } from "../eligibility";
import { type OrderLine, type OrderView, orderView } from "../lines";
import { CURRENCY, proportion, sum, vatIncluded } from "../money";
import {
  type ChangeOrderIntent,
  type DeliveryAddress,
  type DeliveryFix,
  issue,
  type LineDiff,
  type OrderChangePreview,
  type PlanContext,
  type PlanIssue,
  type PlanResult,
  refused,
  type VatShare,
} from "../plan-types";
import { fromMilli, MILLI, quantityMisfit } from "../quantity";

/** A request line's four amounts in CZK, the VAT ones at the line's rate. */
const amounts = (total: number, vat: number, unitPrice: number, unitVat: number, vatRate: number) => ({
  totalPrice: { amount: total, currency: CURRENCY },
  totalVat: { amount: vat, currency: CURRENCY, vatRate },
  unitPrice: { amount: unitPrice, currency: CURRENCY },
  unitVat: { amount: unitVat, currency: CURRENCY, vatRate },
});

/** The Czech VAT rates a new line can take (besides any rate the order already has). */
export const VAT_RATES = [21, 12, 0] as const;

/** No line or order worth more than this (10 billion CZK): beyond any real order, and exact in a double. */
const MAX_MINOR = 1_000_000_000_000;

/** A line of the new order: what Skip Pay receives, and what the preview shows. */
interface NewItem {
  key: string | null;
  request: OrderItemRequest;
  quantity: number;
  unitPrice: number;
  total: number;
  vat: number;
  vatRate: number;
}

const isItemType = (t: string | null): t is ItemType => !!t && (ITEM_TYPES as readonly string[]).includes(t);

/** Staff give a price's size; only a DISCOUNT line is negative (spec), so its size is taken off. */
const priceFits = (size: number) => Number.isSafeInteger(size) && size > 0 && size <= MAX_MINOR;
/** Why a price does not fit: none at all, or more than any order's line costs. */
const priceIssue = (size: number) => (size > MAX_MINOR ? "price_too_large" : "price_invalid");
const signed = (type: string | null, size: number) => (type === "DISCOUNT" ? -size : size);

/** The first item Skip Pay lists for a line: its descriptive fields go back with the new list. */
function itemOf(ctx: PlanContext, line: OrderLine): OrderItemResponse | undefined {
  return ctx.order.items.find(
    (i) =>
      i.code === line.code &&
      (i.ean ?? null) === line.ean &&
      i.name === line.name &&
      (i.type ?? null) === line.type &&
      i.unitPrice.amount === line.unitPrice &&
      i.totalVat.vatRate === line.vatRate,
  );
}

function byRate(items: { vatRate: number; total: number; vat: number }[]): VatShare[] {
  const rates = [...new Set(items.map((i) => i.vatRate))].sort((a, b) => b - a);
  return rates.map((rate) => {
    const at = items.filter((i) => i.vatRate === rate);
    return { rate, gross: sum(at.map((i) => i.total)), vat: sum(at.map((i) => i.vat)) };
  });
}

export function planChangeOrder(ctx: PlanContext, view: OrderView, intent: ChangeOrderIntent): PlanResult {
  const why = whyOrderNotChangeable(ctx, view);
  const notChangeable = () =>
    refused(issue(null, "order_not_changeable", { why: why ?? "closed", ...ctx.application }));
  // After a cancellation the lines stay (Skip Pay replaces them whole), but the delivery can still be fixed.
  if (why && why !== "cancelled") return notChangeable();
  const fix = deliveryFix(ctx, intent.delivery ?? null);
  if (!fix.ok) return refused(...fix.issues);
  const reason = intent.reason.trim();
  const issues: PlanIssue[] = [];
  const edits = new Map<string, ChangeOrderIntent["lines"][number]>();
  for (const [i, edit] of intent.lines.entries()) {
    const line = view.lines.find((l) => l.key === edit.key);
    if (!line) {
      issues.push(issue(`lines.${i}.quantity`, "line_unknown"));
      continue;
    }
    if (edits.has(edit.key)) {
      issues.push(issue(`lines.${i}.quantity`, "line_twice"));
      continue;
    }
    edits.set(edit.key, edit);
    if (edit.remove) continue;
    if (edit.quantity !== null) {
      if (!Number.isSafeInteger(edit.quantity) || edit.quantity < MILLI || edit.quantity > 1_000_000 * MILLI)
        issues.push(issue(`lines.${i}.quantity`, "quantity_min_one"));
      else if (quantityMisfit(edit.quantity, line.quantity))
        issues.push(issue(`lines.${i}.quantity`, "quantity_whole", { name: line.name }));
    }
    if (edit.unitPrice !== null && !priceFits(edit.unitPrice))
      issues.push(issue(`lines.${i}.unitPrice`, priceIssue(edit.unitPrice)));
  }

  const kept = view.lines.filter((l) => !edits.get(l.key)?.remove);
  const codes = new Set(kept.map((l) => l.code));
  const rates = new Set<number>([...VAT_RATES, ...view.lines.map((l) => l.vatRate)]);
  intent.added.forEach((line, i) => {
    if (codes.has(line.code)) issues.push(issue(`added.${i}.code`, "code_taken", { code: line.code }));
    codes.add(line.code);
    if (!Number.isSafeInteger(line.quantity) || line.quantity < MILLI || line.quantity > 1_000_000 * MILLI)
      issues.push(issue(`added.${i}.quantity`, "quantity_min_one"));
    if (!priceFits(line.unitPrice)) issues.push(issue(`added.${i}.unitPrice`, priceIssue(line.unitPrice)));
    if (!rates.has(line.vatRate)) issues.push(issue(`added.${i}.vatRate`, "vat_rate_invalid"));
  });
  if (issues.length > 0) return refused(...issues);

  const items: NewItem[] = [];
  for (const line of kept) {
    const edit = edits.get(line.key);
    const quantity = edit?.quantity ?? line.quantity;
    const unitPrice = edit?.unitPrice != null ? signed(line.type, edit.unitPrice) : line.unitPrice;
    const item = itemOf(ctx, line);
    const same = quantity === line.quantity && unitPrice === line.unitPrice;
    // Untouched: exactly as Skip Pay has it. Changed: unit price × quantity, and the VAT that total contains.
    const total = same ? line.value : proportion(unitPrice, quantity, MILLI);
    const vat = same ? sum(line.parts.map((p) => p.vat)) : vatIncluded(total, line.vatRate);
    const unitVat = same ? line.unitVat : vatIncluded(unitPrice, line.vatRate);
    items.push({
      key: line.key,
      quantity,
      unitPrice,
      total,
      vat,
      vatRate: line.vatRate,
      request: {
        code: line.code,
        ...(line.ean != null ? { ean: line.ean } : {}),
        name: line.name,
        ...(isItemType(line.type) ? { type: line.type } : {}),
        ...(line.variant != null ? { variant: line.variant } : {}),
        ...(item?.description != null ? { description: item.description } : {}),
        ...(item?.producer != null ? { producer: item.producer } : {}),
        ...(item?.productUrl != null ? { productUrl: item.productUrl } : {}),
        ...amounts(total, vat, unitPrice, unitVat, line.vatRate),
        quantity: fromMilli(quantity),
      },
    });
  }
  for (const line of intent.added) {
    const unitPrice = signed(line.type, line.unitPrice);
    const total = proportion(unitPrice, line.quantity, MILLI);
    const vat = vatIncluded(total, line.vatRate);
    items.push({
      key: null,
      quantity: line.quantity,
      unitPrice,
      total,
      vat,
      vatRate: line.vatRate,
      request: {
        code: line.code,
        name: line.name,
        type: line.type,
        ...amounts(total, vat, unitPrice, vatIncluded(unitPrice, line.vatRate), line.vatRate),
        quantity: fromMilli(line.quantity),
      },
    });
  }

  const changed =
    intent.added.length > 0 ||
    view.lines.some((l) => {
      const e = edits.get(l.key);
      if (!e) return false;
      const price = e.unitPrice === null ? l.unitPrice : signed(l.type, e.unitPrice);
      return e.remove || (e.quantity ?? l.quantity) !== l.quantity || price !== l.unitPrice;
    });
  if (!changed && !fix.change) return refused(issue(null, "nothing_changed"));
  if (changed && why) return notChangeable();
  if (!changed && fix.change) return deliveryOnly(ctx, view, reason, fix.change);
  if (items.every((i) => i.request.type === "DISCOUNT")) return refused(issue(null, "no_lines_left"));

  const totalAfter = sum(items.map((i) => i.total));
  const vatAfter = byRate(items);
  // Skip Pay refuses a total of nothing, and discounts worth more than the goods at their VAT rate.
  const short = vatAfter.find((v) => v.gross < 0);
  if (totalAfter <= 0 || short)
    return refused(issue(null, "discount_above_items", { rate: short?.rate ?? vatAfter[0]?.rate ?? 0 }));
  if (totalAfter > MAX_MINOR) return refused(issue(null, "price_invalid"));

  // The keys the lines will have once Skip Pay has the new list: what the stale-page guard and the footprint use.
  const viewAfter = orderView({
    items: items.map(
      (i): OrderItemResponse => ({
        ...i.request,
        type: i.request.type ?? null,
        unitPrice: { amount: i.unitPrice, currency: CURRENCY },
        unitVat: i.request.unitVat ?? { amount: 0, currency: CURRENCY, vatRate: i.vatRate },
        quantity: fromMilli(i.quantity),
        state: "PROCESSING",
      }),
    ),
    totalPrice: { amount: totalAfter, currency: CURRENCY },
  });
  const expectedLines = Object.fromEntries(
    viewAfter.lines.map((l) => [l.key, { PROCESSING: l.quantity }]),
  ) as Record<string, { PROCESSING: number }>;

  const diff: LineDiff[] = view.lines.map((line) => {
    const after = items.find((i) => i.key === line.key);
    return {
      key: line.key,
      name: line.name,
      code: line.code,
      type: line.type,
      vatRate: line.vatRate,
      before: { quantity: line.quantity, unitPrice: line.unitPrice, total: line.value },
      after: after ? { quantity: after.quantity, unitPrice: after.unitPrice, total: after.total } : null,
    };
  });
  intent.added.forEach((line, i) => {
    const item = items[kept.length + i];
    if (!item) return;
    diff.push({
      key: `added-${i}`,
      name: line.name,
      code: line.code,
      type: line.type,
      vatRate: line.vatRate,
      before: null,
      after: { quantity: item.quantity, unitPrice: item.unitPrice, total: item.total },
    });
  });

  return {
    ok: true,
    plan: {
      intent: "change-order",
      operation: "order",
      body: {
        ...(reason ? { reason } : {}),
        order: {
          items: items.map((i) => i.request),
          totalPrice: { amount: totalAfter, currency: CURRENCY },
          totalVat: vatAfter.map((v) => ({ amount: v.vat, currency: CURRENCY, vatRate: v.rate })),
          ...fix.change?.body,
        },
      },
      shape: "order-change",
      changes: [],
      // A lower total is off what the customer owes: it counts toward the agent's refund limit like a refund.
      refund: Math.max(0, view.total - totalAfter),
      cancelledValue: 0,
      vat: [],
      totalBefore: view.total,
      totalAfter,
      // Skip Pay keeps the application's state: only the order's contents change.
      expected: {
        orderState: ctx.order.state,
        applicationState: ctx.application.state,
        stateReason: ctx.application.stateReason,
      },
      expectedLines,
      notes: [],
      orderChange: {
        lines: diff,
        vatBefore: byRate(
          view.lines.map((l) => ({
            vatRate: l.vatRate,
            total: l.value,
            vat: sum(l.parts.map((p) => p.vat)),
          })),
        ),
        vatAfter,
        ...(fix.change ? { delivery: fix.change.preview } : {}),
      },
    },
  };
}

// ── The delivery ─────────────────────────────────────────────────────────────────────────────────────────────

type Preview = NonNullable<OrderChangePreview["delivery"]>;
interface Fix {
  body: { addresses?: (DeliveryAddress & { addressType: "DELIVERY" })[]; deliveryCarrier?: string };
  preview: Preview;
}

const text = (s: string | null | undefined) => (s ?? "").trim();

/** The order's delivery address as Skip Pay has it (null: none). */
function currentAddress(ctx: PlanContext): DeliveryAddress | null {
  const a = (ctx.order.addresses ?? []).find((x) => x.addressType === "DELIVERY");
  if (!a) return null;
  return {
    name: a.name ?? null,
    streetAddress: a.streetAddress ?? "",
    streetNumber: a.streetNumber ?? null,
    city: a.city ?? "",
    zip: a.zip ?? "",
    country: a.country ?? "",
  };
}

const sameAddress = (a: DeliveryAddress | null, b: DeliveryAddress) =>
  !!a &&
  text(a.name) === text(b.name) &&
  text(a.streetAddress) === text(b.streetAddress) &&
  text(a.streetNumber) === text(b.streetNumber) &&
  text(a.city) === text(b.city) &&
  text(a.zip) === text(b.zip) &&
  text(a.country) === text(b.country);

/** What of the delivery changes (null: nothing), or why it cannot. */
function deliveryFix(
  ctx: PlanContext,
  fix: DeliveryFix | null,
): { ok: true; change: Fix | null } | { ok: false; issues: PlanIssue[] } {
  if (!fix) return { ok: true, change: null };
  const issues: PlanIssue[] = [];
  const body: Fix["body"] = {};
  const preview: Preview = {};
  if (fix.address) {
    const a = fix.address;
    for (const [field, value, max] of [
      ["street", a.streetAddress, 100],
      ["city", a.city, 100],
      ["zip", a.zip, 30],
    ] as const) {
      if (!text(value) || value.length > max) issues.push(issue(`delivery.${field}`, "address_incomplete"));
    }
    if (!/^[A-Z]{2}$/.test(a.country)) issues.push(issue("delivery.country", "address_incomplete"));
    const before = currentAddress(ctx);
    if (!sameAddress(before, a)) {
      const address = {
        ...(text(a.name) ? { name: text(a.name) } : {}),
        streetAddress: text(a.streetAddress),
        ...(text(a.streetNumber) ? { streetNumber: text(a.streetNumber) } : {}),
        city: text(a.city),
        zip: text(a.zip),
        country: a.country,
        addressType: "DELIVERY" as const,
      };
      body.addresses = [address as DeliveryAddress & { addressType: "DELIVERY" }];
      preview.address = { before, after: a };
    }
  }
  const carrier = text(fix.carrier);
  if (carrier && carrier !== (ctx.order.deliveryCarrier ?? "")) {
    if (carrier.length > 250) issues.push(issue("delivery.carrier", "address_incomplete"));
    body.deliveryCarrier = carrier;
    preview.carrier = { before: ctx.order.deliveryCarrier ?? null, after: carrier };
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, change: body.addresses || body.deliveryCarrier ? { body, preview } : null };
}

/** Only the delivery changes: no items in the request, the total and lines stay. */
function deliveryOnly(ctx: PlanContext, view: OrderView, reason: string, fix: Fix): PlanResult {
  const vat = byRate(
    view.lines.map((l) => ({ vatRate: l.vatRate, total: l.value, vat: sum(l.parts.map((p) => p.vat)) })),
  );
  return {
    ok: true,
    plan: {
      intent: "change-order",
      operation: "order",
      body: { ...(reason ? { reason } : {}), order: fix.body },
      shape: "order-change",
      changes: [],
      refund: 0,
      cancelledValue: 0,
      vat: [],
      totalBefore: view.total,
      totalAfter: view.total,
      expected: {
        orderState: ctx.order.state,
        applicationState: ctx.application.state,
        stateReason: ctx.application.stateReason,
      },
      expectedLines: Object.fromEntries(view.lines.map((l) => [l.key, quantitiesByState(l.parts)])),
      notes: [],
      orderChange: { lines: [], vatBefore: vat, vatAfter: vat, delivery: fix.preview },
    },
  };
}
