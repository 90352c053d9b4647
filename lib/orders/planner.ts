// The operation planner: from the order as Skip Pay returned it and what a staff member wants to do, either
// per-field errors or the exact request to send plus its preview — refund and its VAT per rate, the new total,
// and the item/order/application states to expect. Pure and isomorphic: the form previews with it, the server
// action re-plans with it on fresh data before calling Skip Pay.
import type {
  ApplicationInfo,
  ApplicationState,
  CancelReason,
  ItemReference,
  OrderItemsChangeRequest,
  OrderItemsDeliverRequest,
  OrderItemsReturnRequest,
  OrderItemsSendRequest,
  OrderResponse,
  OrderState,
  StateReason,
} from "@/lib/skippay/schemas";
import {
  ELIGIBLE,
  type IneligibleReason,
  ineligibility,
  isVariableSymbol,
  MOVES,
  type MoveKind,
  type NotCancellable,
  needsVariableSymbol,
  quantitiesByState,
  whyApplicationNotCancellable,
} from "./eligibility";
import { type LinePart, type OrderLine, type OrderView, orderView } from "./lines";
import { allocate, CURRENCY, formatMoney, proportion, sum, vatIncluded } from "./money";
import { formatQuantity, fromMilli, MILLI } from "./quantity";

// ── Intents ──────────────────────────────────────────────────────────────────────────────────────────────────

export interface LineSelection {
  key: string;
  /** Thousandths; 0 = not selected. */
  quantity: number;
}

export type Intent =
  | { kind: "cancel"; lines: LineSelection[] }
  | { kind: "cancel-all" }
  | { kind: "return"; lines: LineSelection[]; refundOverride: number | null }
  | { kind: "return-all"; refundOverride: number | null }
  | { kind: "refund"; amount: number }
  | {
      kind: "send";
      /** null = everything not sent yet. */
      lines: LineSelection[] | null;
      sentDate: string | null;
      carrier: string | null;
      trackingNumber: string | null;
      /** For the payout to the shop: needed when the order has none yet (up to 10 digits). */
      variableSymbol: string | null;
    }
  | { kind: "deliver"; lines: LineSelection[] | null; deliveryDate: string | null }
  | { kind: "cancel-application"; reason: CancelReason; customReason: string | null };

export type IntentKind = Intent["kind"];

// ── Plans and problems ───────────────────────────────────────────────────────────────────────────────────────

export type Operation = "order/cancel" | "order/send" | "order/deliver" | "order/return" | "cancel";

export type Body =
  | OrderItemsChangeRequest
  | OrderItemsSendRequest
  | OrderItemsDeliverRequest
  | OrderItemsReturnRequest;

export interface LineChange {
  key: string;
  name: string;
  code: string;
  quantity: number;
  from: OrderState[];
  to: OrderState;
  /** Value of the moved quantity, VAT included. */
  value: number;
}

export interface VatShare {
  rate: number;
  /** The refund's share at this rate, VAT included. */
  gross: number;
  /** The VAT contained in that share (what `totalVat` carries). */
  vat: number;
}

export type PlanNoteCode =
  | "empty_body"
  | "capped_by_earlier_refunds"
  | "override_above_items_value"
  | "override_below_items_value"
  | "kept_back_stays"
  | "vat_rounding";

export interface PlanNote {
  code: PlanNoteCode;
  message: string;
  params?: Record<string, string | number>;
}

export interface Plan {
  intent: IntentKind;
  operation: Operation;
  /** Exactly what is sent. */
  body: Body | { reason: CancelReason; customReason?: string };
  /** `all-remaining` = the empty body `{}` (+ non-item fields): "all remaining items", as the seeds advise. */
  shape: "all-remaining" | "items" | "amount-only" | "application";
  changes: LineChange[];
  /** Money back to the customer (minor units). */
  refund: number;
  /** Value of cancelled goods (minor units). */
  cancelledValue: number;
  /** How the refund splits across VAT rates (empty when nothing is refunded). */
  vat: VatShare[];
  totalBefore: number;
  totalAfter: number;
  expected: { orderState: OrderState; applicationState: ApplicationState; stateReason: StateReason };
  /** Every line's quantity per state once Skip Pay has applied the plan (thousandths), by line key. */
  expectedLines: Record<string, Partial<Record<OrderState, number>>>;
  notes: PlanNote[];
}

export type PlanIssueCode =
  | "application_not_ready"
  | "application_not_cancellable"
  | "nothing_selected"
  | "nothing_left"
  | "line_unknown"
  | "line_twice"
  | "line_ambiguous"
  | "line_not_eligible"
  | "quantity_invalid"
  | "quantity_above_remaining"
  | "quantity_below_one"
  | "negative_value"
  | "negative_total"
  | "amount_invalid"
  | "refund_above_refundable"
  | "nothing_refundable"
  | "full_return_needs_all_sent"
  | "tracking_too_long"
  | "variable_symbol_required"
  | "variable_symbol_invalid";

export interface PlanIssue {
  /** The form field it belongs to (react-hook-form path, e.g. "lines.3.quantity"), or null for the whole form. */
  field: string | null;
  code: PlanIssueCode;
  message: string;
  params?: Record<string, string | number>;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; issues: PlanIssue[] };

export interface PlanContext {
  order: Pick<OrderResponse, "items" | "totalPrice" | "totalVat" | "state" | "variableSymbols">;
  application: Pick<ApplicationInfo, "state" | "stateReason">;
}

// ── Moving quantities (mirrors how Skip Pay splits lines: a proportional share, rounded half away from 0) ───

interface Taken {
  price: number;
  vat: number;
  after: LinePart[];
  /** The states the quantity actually came from. */
  from: OrderState[];
}

function take(line: OrderLine, qty: number, kind: MoveKind): Taken {
  const { from, to } = MOVES[kind];
  const after = line.parts.map((p) => ({ ...p }));
  let left = qty;
  let price = 0;
  let vat = 0;
  const takenFrom = new Set<OrderState>();
  for (const state of from) {
    for (const part of after) {
      if (left === 0 || part.state !== state || part.qty === 0) continue;
      takenFrom.add(state);
      const n = Math.min(left, part.qty);
      const p = n === part.qty ? part.price : proportion(part.price, n, part.qty);
      const v = n === part.qty ? part.vat : proportion(part.vat, n, part.qty);
      after.push({ ...part, state: to, qty: n, price: p, vat: v });
      part.qty -= n;
      part.price -= p;
      part.vat -= v;
      left -= n;
      price += p;
      vat += v;
    }
  }
  return { price, vat, after: after.filter((p) => p.qty > 0), from: [...takenFrom] };
}

// ── State expectations ───────────────────────────────────────────────────────────────────────────────────────

const ACTIVE: OrderState[] = ["PROCESSING", "SENT", "DELIVERED"];

function expectedStates(parts: LinePart[], current: PlanContext["application"]): Plan["expected"] {
  const active = parts.filter((p) => ACTIVE.includes(p.state));
  let orderState: OrderState;
  if (active.length === 0) orderState = parts.some((p) => p.state === "RETURNED") ? "RETURNED" : "CANCELLED";
  else if (active.every((p) => p.state === "DELIVERED")) orderState = "DELIVERED";
  else if (active.some((p) => p.state !== "PROCESSING")) orderState = "SENT";
  else orderState = "PROCESSING";

  if (current.state !== "READY")
    return { orderState, applicationState: current.state, stateReason: current.stateReason };
  if (active.length === 0) {
    return {
      orderState,
      applicationState: "CANCELLED",
      stateReason: orderState === "RETURNED" ? "CANCELLED_RETURNED" : "CANCELLED_NOT_PAID",
    };
  }
  let stateReason: StateReason;
  if (current.stateReason === "READY_PAID") stateReason = "READY_PAID";
  else if (orderState === "DELIVERED") stateReason = "READY_DELIVERED";
  else if (parts.some((p) => p.state !== "PROCESSING" && p.state !== "CANCELLED"))
    stateReason = "READY_SHIPPED";
  else stateReason = "READY_TO_SHIP";
  return { orderState, applicationState: "READY", stateReason };
}

// ── Helpers ──────────────────────────────────────────────────────────────────────────────────────────────────

const money = (minor: number) => formatMoney(minor, "en");
const qty = (milli: number) => formatQuantity(milli, "en");

function issue(
  field: string | null,
  code: PlanIssueCode,
  message: string,
  params?: PlanIssue["params"],
): PlanIssue {
  return { field, code, message, ...(params ? { params } : {}) };
}

function requireReady(application: PlanContext["application"]): PlanIssue | null {
  if (application.state === "READY") return null;
  return issue(
    null,
    "application_not_ready",
    `Skip Pay allows this only while the application is READY; it is ${application.state} (${application.stateReason}).`,
    { state: application.state, stateReason: application.stateReason },
  );
}

const INELIGIBLE_TEXT: Record<IneligibleReason, (date?: string) => string> = {
  sent: (date) => `Already sent${date ? ` on ${date}` : ""} — use Return.`,
  delivered: () => "Already delivered.",
  returned: () => "Already returned.",
  cancelled: () => "Cancelled before shipping.",
  not_sent: () => "Not sent yet — use Cancel.",
  nothing_left: () => "Nothing left for this operation.",
};

/** The same, in staff words ("Already sent on 2026-11-12 — use Return."). */
export function whyNotEligible(line: OrderLine, kind: MoveKind): string {
  const { reason, date } = ineligibility(line, kind);
  if (kind === "cancel" && reason === "cancelled") return "Already cancelled.";
  if (kind === "send" && reason === "sent") return "Already sent.";
  return INELIGIBLE_TEXT[reason](date);
}

/** The reference sent for a selection: the line's identifiers, plus a quantity unless it is a fractional rest. */
function referenceFor(line: OrderLine, quantity: number, eligible: number): ItemReference {
  // Skip Pay quantities are ≥ 1; a fractional remainder (e.g. the last 0.5 kg) can only be named as "the whole
  // remaining quantity" — no quantity at all.
  if (quantity < MILLI && quantity === eligible) return { ...line.reference };
  return { ...line.reference, quantity: fromMilli(quantity) };
}

interface Selected {
  line: OrderLine;
  index: number;
  quantity: number;
  eligible: number;
}

function select(
  view: OrderView,
  selections: LineSelection[],
  kind: MoveKind,
  issues: PlanIssue[],
): Selected[] {
  const byKey = new Map(view.lines.map((l, i) => [l.key, { line: l, index: i }]));
  const chosen: Selected[] = [];
  const seen = new Set<string>();
  selections.forEach((s, i) => {
    const field = `lines.${i}.quantity`;
    if (seen.has(s.key)) {
      // Each selection is checked against the line's whole remaining quantity: twice would pass twice.
      issues.push(
        issue(field, "line_twice", "This line is chosen twice; choose it once with the whole quantity."),
      );
      return;
    }
    seen.add(s.key);
    if (!Number.isInteger(s.quantity) || s.quantity < 0) {
      issues.push(issue(field, "quantity_invalid", "Enter a quantity of 0 or more."));
      return;
    }
    if (s.quantity === 0) return;
    const found = byKey.get(s.key);
    if (!found) {
      issues.push(
        issue(field, "line_unknown", "This line is no longer on the order as Skip Pay has it; reload."),
      );
      return;
    }
    const { line } = found;
    const eligible = ELIGIBLE[kind](line);
    if (eligible === 0) {
      const why = ineligibility(line, kind);
      issues.push(
        issue(field, "line_not_eligible", whyNotEligible(line, kind), {
          name: line.name,
          reason: why.reason,
          ...(why.date ? { date: why.date } : {}),
        }),
      );
      return;
    }
    if (line.ambiguousWith.length > 0) {
      issues.push(
        issue(
          field,
          "line_ambiguous",
          `Skip Pay cannot tell "${line.name}" apart from another line with the same code, EAN, name and type; only "everything remaining" can include it.`,
          { name: line.name },
        ),
      );
      return;
    }
    if (s.quantity > eligible) {
      issues.push(
        issue(
          field,
          "quantity_above_remaining",
          `At most ${qty(eligible)} of "${line.name}" can be chosen.`,
          {
            maxMilli: eligible,
            name: line.name,
          },
        ),
      );
      return;
    }
    if (s.quantity < MILLI && s.quantity !== eligible) {
      issues.push(
        issue(
          field,
          "quantity_below_one",
          `Skip Pay takes quantities of at least 1; choose 1 or more, or all ${qty(eligible)}.`,
          {
            maxMilli: eligible,
          },
        ),
      );
      return;
    }
    chosen.push({ line, index: found.index, quantity: s.quantity, eligible });
  });
  return chosen;
}

function allEligible(view: OrderView, kind: MoveKind): Selected[] {
  return view.lines
    .map((line, index) => ({ line, index, quantity: ELIGIBLE[kind](line), eligible: ELIGIBLE[kind](line) }))
    .filter((s) => s.quantity > 0);
}

/** Does the selection take every eligible quantity of every line? Then the empty body says the same thing. */
function coversEverything(view: OrderView, chosen: Selected[], kind: MoveKind): boolean {
  const all = allEligible(view, kind);
  return all.length === chosen.length && chosen.every((c) => c.quantity === c.eligible);
}

interface Simulation {
  changes: LineChange[];
  value: number;
  grossByRate: Map<number, number>;
  vatByRate: Map<number, number>;
  partsAfter: LinePart[];
  linesAfter: Record<string, Partial<Record<OrderState, number>>>;
}

function unchangedLines(view: OrderView): Record<string, Partial<Record<OrderState, number>>> {
  return Object.fromEntries(view.lines.map((l) => [l.key, quantitiesByState(l.parts)]));
}

function simulate(view: OrderView, chosen: Selected[], kind: MoveKind): Simulation {
  const afterByKey = new Map<string, LinePart[]>();
  const changes: LineChange[] = [];
  const grossByRate = new Map<number, number>();
  const vatByRate = new Map<number, number>();
  let value = 0;
  for (const c of chosen) {
    const t = take(c.line, c.quantity, kind);
    afterByKey.set(c.line.key, t.after);
    changes.push({
      key: c.line.key,
      name: c.line.name,
      code: c.line.code,
      quantity: c.quantity,
      from: t.from,
      to: MOVES[kind].to,
      value: t.price,
    });
    value += t.price;
    grossByRate.set(c.line.vatRate, (grossByRate.get(c.line.vatRate) ?? 0) + t.price);
    vatByRate.set(c.line.vatRate, (vatByRate.get(c.line.vatRate) ?? 0) + t.vat);
  }
  const partsAfter = view.lines.flatMap((l) => afterByKey.get(l.key) ?? l.parts);
  const linesAfter = Object.fromEntries(
    view.lines.map((l) => [l.key, quantitiesByState(afterByKey.get(l.key) ?? l.parts)]),
  );
  return { changes, value, grossByRate, vatByRate, partsAfter, linesAfter };
}

function currentVat(order: PlanContext["order"], rate: number): number {
  return sum(order.totalVat.filter((v) => v.vatRate === rate).map((v) => v.amount));
}

/**
 * Splits a refund across VAT rates in proportion to `weights` (largest remainder, so the shares sum exactly) and
 * computes the VAT each share contains, never more than the order still holds at that rate.
 */
function splitRefund(
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
    const adjusted = allocation.adjusted.map((i) => `${rates[i]} %`).join(", ");
    notes.push({
      code: "vat_rounding",
      message: `Rounding left ${allocation.residual} haléř(e) when splitting the refund across VAT rates; added to ${adjusted}.`,
      params: { residual: allocation.residual, rates: adjusted },
    });
  }
  return rates
    .map((rate, i) => {
      const gross = allocation.parts[i] ?? 0;
      return { rate, gross, vat: clampVat(vatIncluded(gross, rate), order, rate) };
    })
    .filter((s) => s.gross !== 0);
}

function vatBody(shares: VatShare[]): NonNullable<OrderItemsReturnRequest["totalVat"]> {
  return shares.map((s) => ({ amount: s.vat, currency: CURRENCY, vatRate: s.rate }));
}

/** A refund's VAT is never negative, nor more than the order still holds at the rate (earlier refunds took some). */
function clampVat(vat: number, order: PlanContext["order"], rate: number): number {
  return Math.max(0, Math.min(vat, currentVat(order, rate)));
}

function capVat(shares: VatShare[], order: PlanContext["order"]): VatShare[] {
  return shares.map((s) => ({ ...s, vat: clampVat(s.vat, order, s.rate) }));
}

/**
 * The weights an amount-only refund's VAT is split by: the goods the customer has (sent or delivered), per rate.
 * When none are left, what is still refundable is the part of returned goods' value an earlier return did not
 * refund (a lower refund override), so their rates weigh instead: never an empty split.
 */
function shippedGrossByRate(view: OrderView): Map<number, number> {
  const grossIn = (states: OrderState[]) => {
    const byRate = new Map<number, number>();
    for (const line of view.lines) {
      const gross = sum(line.parts.filter((p) => states.includes(p.state)).map((p) => p.price));
      if (gross > 0) byRate.set(line.vatRate, (byRate.get(line.vatRate) ?? 0) + gross);
    }
    return byRate;
  };
  const shipped = grossIn(["SENT", "DELIVERED"]);
  return shipped.size > 0 ? shipped : grossIn(["RETURNED"]);
}

function cappedNote(value: number, refundable: number): PlanNote {
  return {
    code: "capped_by_earlier_refunds",
    message: `The items are worth ${money(value)}, but after earlier refunds only ${money(refundable)} can still be refunded; the refund is capped.`,
    params: { valueMinor: value, maxMinor: refundable },
  };
}

function noteEmptyBody(notes: PlanNote[]) {
  notes.push({
    code: "empty_body",
    message:
      'This covers everything remaining, so Skip Pay receives the empty request {} ("all remaining items").',
  });
}

// ── Planning per intent ──────────────────────────────────────────────────────────────────────────────────────

function planCancel(
  ctx: PlanContext,
  view: OrderView,
  intent: Extract<Intent, { kind: "cancel" | "cancel-all" }>,
): PlanResult {
  const issues: PlanIssue[] = [];
  const chosen =
    intent.kind === "cancel-all" ? allEligible(view, "cancel") : select(view, intent.lines, "cancel", issues);
  if (issues.length > 0) return { ok: false, issues };
  if (chosen.length === 0) {
    return {
      ok: false,
      issues: [
        intent.kind === "cancel-all" || allEligible(view, "cancel").length === 0
          ? issue(
              null,
              "nothing_left",
              "Nothing is left to cancel: every item was sent, cancelled or returned.",
            )
          : issue(null, "nothing_selected", "Choose at least one item and quantity to cancel."),
      ],
    };
  }
  const sim = simulate(view, chosen, "cancel");
  if (sim.value < 0) {
    return {
      ok: false,
      issues: [
        issue(
          null,
          "negative_value",
          "Cancelling only a discount would raise what the customer owes; cancel it together with the items it discounts.",
        ),
      ],
    };
  }
  if (view.total - sim.value < 0) {
    return {
      ok: false,
      issues: [
        issue(
          null,
          "negative_total",
          "Cancelling this would leave the order with a negative total because a discount would remain; cancel the discount line too.",
        ),
      ],
    };
  }
  const notes: PlanNote[] = [];
  const everything = intent.kind === "cancel-all" || coversEverything(view, chosen, "cancel");
  if (everything) noteEmptyBody(notes);
  const body: OrderItemsChangeRequest = everything
    ? {}
    : { items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)) };
  return {
    ok: true,
    plan: {
      intent: intent.kind,
      operation: "order/cancel",
      body,
      shape: everything ? "all-remaining" : "items",
      changes: sim.changes,
      refund: 0,
      cancelledValue: sim.value,
      vat: [],
      totalBefore: view.total,
      totalAfter: view.total - sim.value,
      expected: expectedStates(sim.partsAfter, ctx.application),
      expectedLines: sim.linesAfter,
      notes,
    },
  };
}

function planReturn(
  ctx: PlanContext,
  view: OrderView,
  intent: Extract<Intent, { kind: "return" | "return-all" }>,
): PlanResult {
  const issues: PlanIssue[] = [];
  let chosen: Selected[];
  if (intent.kind === "return-all") {
    const unsent = view.lines.filter((l) => l.unsent > 0);
    if (unsent.length > 0) {
      return {
        ok: false,
        issues: [
          issue(
            null,
            "full_return_needs_all_sent",
            `A full return needs every item sent first. Not sent yet: ${unsent.map((l) => l.name).join(", ")}. Cancel those, or return specific items.`,
            { names: unsent.map((l) => l.name).join(", ") },
          ),
        ],
      };
    }
    chosen = allEligible(view, "return");
  } else {
    chosen = select(view, intent.lines, "return", issues);
  }
  const override = intent.refundOverride;
  if (override != null && (!Number.isSafeInteger(override) || override <= 0)) {
    issues.push(issue("refundOverride", "amount_invalid", "Enter a refund amount greater than zero."));
  }
  if (issues.length > 0) return { ok: false, issues };
  if (chosen.length === 0) {
    return {
      ok: false,
      issues: [
        allEligible(view, "return").length === 0
          ? issue(
              null,
              "nothing_left",
              "Nothing is left to return: no item is sent or delivered and not yet returned.",
            )
          : issue(null, "nothing_selected", "Choose at least one item and quantity to return."),
      ],
    };
  }

  const sim = simulate(view, chosen, "return");
  const notes: PlanNote[] = [];
  const everything = coversEverything(view, chosen, "return") && view.lines.every((l) => l.unsent === 0);
  let refund: number;
  if (override != null) {
    refund = override;
    if (override > view.refundable) {
      return {
        ok: false,
        issues: [
          issue(
            "refundOverride",
            "refund_above_refundable",
            `At most ${money(view.refundable)} can still be refunded on this order.`,
            { maxMinor: view.refundable },
          ),
        ],
      };
    }
    if (override > sim.value) {
      notes.push({
        code: "override_above_items_value",
        message: `The refund (${money(override)}) is more than the returned items are worth (${money(sim.value)}).`,
        params: { refundMinor: override, valueMinor: sim.value },
      });
    } else if (override < sim.value) {
      notes.push({
        code: "override_below_items_value",
        message: `The refund (${money(override)}) is less than the returned items are worth (${money(sim.value)}); the customer keeps paying the difference.`,
        params: { refundMinor: override, valueMinor: sim.value },
      });
    }
  } else if (everything && view.refundable <= sim.value) {
    // The empty body refunds everything still refundable.
    refund = view.refundable;
    if (sim.value > refund) notes.push(cappedNote(sim.value, view.refundable));
  } else {
    if (sim.value < 0) {
      return {
        ok: false,
        issues: [
          issue(
            null,
            "negative_value",
            "The chosen items are worth less than nothing (a discount); return them together with the items they discount.",
          ),
        ],
      };
    }
    refund = Math.min(sim.value, view.refundable);
    if (refund < sim.value) notes.push(cappedNote(sim.value, view.refundable));
    if (everything && view.refundable > refund) {
      // An earlier refund kept money back (e.g. a lower refund for a damaged item). The empty body would return the
      // rest "accordingly (possibly to zero)" and pay that back too: the items are listed with their own worth.
      notes.push({
        code: "kept_back_stays",
        message: `These are the last items, worth ${money(refund)}; the ${money(view.refundable - refund)} kept back by earlier refunds stays on the order. To refund it too, enter the refund amount.`,
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
    noteEmptyBody(notes);
    body = {};
  } else {
    // Items are always listed with an explicit totalPrice and totalVat, so the refund is exactly what staff saw.
    // (A full return with an override lists every line too: `{totalPrice}` without items is ambiguous at Skip Pay.)
    body = {
      items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)),
      totalPrice: { amount: refund, currency: CURRENCY },
      totalVat: vatBody(vat),
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
      vat,
      totalBefore: view.total,
      totalAfter: view.total - refund,
      expected: expectedStates(sim.partsAfter, ctx.application),
      expectedLines: sim.linesAfter,
      notes,
    },
  };
}

function planRefund(
  ctx: PlanContext,
  view: OrderView,
  intent: Extract<Intent, { kind: "refund" }>,
): PlanResult {
  if (!Number.isSafeInteger(intent.amount) || intent.amount <= 0) {
    return { ok: false, issues: [issue("amount", "amount_invalid", "Enter an amount greater than zero.")] };
  }
  if (view.refundable <= 0) {
    return {
      ok: false,
      issues: [
        issue(
          "amount",
          "nothing_refundable",
          view.unsentValue > 0 && view.lines.every((l) => l.sent + l.delivered === 0)
            ? "Nothing has been sent yet, so nothing can be refunded; cancel items instead."
            : "Nothing is left to refund on this order.",
        ),
      ],
    };
  }
  if (intent.amount > view.refundable) {
    return {
      ok: false,
      issues: [
        issue(
          "amount",
          "refund_above_refundable",
          `At most ${money(view.refundable)} can still be refunded on this order.`,
          {
            maxMinor: view.refundable,
          },
        ),
      ],
    };
  }
  const notes: PlanNote[] = [];
  const vat = splitRefund(intent.amount, shippedGrossByRate(view), ctx.order, notes);
  return {
    ok: true,
    plan: {
      intent: "refund",
      operation: "order/return",
      // "items": [] marks an amount-only refund; without it Skip Pay would take it as a full return (seeds).
      body: { items: [], totalPrice: { amount: intent.amount, currency: CURRENCY }, totalVat: vatBody(vat) },
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

/**
 * Skip Pay pays the shop out under the order's first variable symbol. An order created without one gets it when it
 * is marked sent: the send must then give one.
 */
function planShipping(
  ctx: PlanContext,
  view: OrderView,
  intent: Extract<Intent, { kind: "send" | "deliver" }>,
): PlanResult {
  const kind: MoveKind = intent.kind;
  const issues: PlanIssue[] = [];
  const chosen = intent.lines === null ? allEligible(view, kind) : select(view, intent.lines, kind, issues);
  if (intent.kind === "send" && intent.trackingNumber && intent.trackingNumber.length > 64) {
    issues.push(issue("trackingNumber", "tracking_too_long", "A tracking number has at most 64 characters."));
  }
  if (intent.kind === "send") {
    if (intent.variableSymbol !== null && !isVariableSymbol(intent.variableSymbol)) {
      issues.push(issue("variableSymbol", "variable_symbol_invalid", "A variable symbol is 1 to 10 digits."));
    } else if (intent.variableSymbol === null && needsVariableSymbol(ctx.order)) {
      issues.push(
        issue(
          "variableSymbol",
          "variable_symbol_required",
          "This order has no variable symbol: enter the one Skip Pay should pay the order out under.",
        ),
      );
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  if (chosen.length === 0) {
    return {
      ok: false,
      issues: [
        intent.lines === null || allEligible(view, kind).length === 0
          ? issue(
              null,
              "nothing_left",
              kind === "send" ? "Nothing is left to send." : "Nothing is left to deliver.",
            )
          : issue(null, "nothing_selected", "Choose at least one item."),
      ],
    };
  }
  const sim = simulate(view, chosen, kind);
  const notes: PlanNote[] = [];
  const everything = intent.lines === null || coversEverything(view, chosen, kind);
  if (everything) noteEmptyBody(notes);
  const items = everything ? {} : { items: chosen.map((c) => referenceFor(c.line, c.quantity, c.eligible)) };
  const body: OrderItemsSendRequest | OrderItemsDeliverRequest =
    intent.kind === "send"
      ? {
          ...items,
          ...(intent.sentDate ? { sentDate: intent.sentDate } : {}),
          ...(intent.carrier ? { deliveryCarrier: intent.carrier } : {}),
          ...(intent.trackingNumber ? { deliveryTrackingNumber: intent.trackingNumber } : {}),
          ...(intent.variableSymbol ? { variableSymbol: intent.variableSymbol } : {}),
        }
      : { ...items, ...(intent.deliveryDate ? { deliveryDate: intent.deliveryDate } : {}) };
  return {
    ok: true,
    plan: {
      intent: intent.kind,
      operation: intent.kind === "send" ? "order/send" : "order/deliver",
      body,
      shape: everything ? "all-remaining" : "items",
      changes: sim.changes,
      refund: 0,
      cancelledValue: 0,
      vat: [],
      totalBefore: view.total,
      totalAfter: view.total,
      expected: expectedStates(sim.partsAfter, ctx.application),
      expectedLines: sim.linesAfter,
      notes,
    },
  };
}

const NOT_CANCELLABLE_TEXT: Record<NotCancellable, string> = {
  rejected: "The application was rejected.",
  cancelled: "The application is already cancelled.",
  validating: "Skip Pay is validating the application; try again later.",
  paid: "Skip Pay has already paid the order out; return the items instead.",
  shipped: "Items were already sent; cancel the unsent items or return the sent ones instead.",
};

function planCancelApplication(
  ctx: PlanContext,
  view: OrderView,
  intent: Extract<Intent, { kind: "cancel-application" }>,
): PlanResult {
  const why = whyApplicationNotCancellable(ctx, view);
  if (why) {
    return {
      ok: false,
      issues: [issue(null, "application_not_cancellable", NOT_CANCELLABLE_TEXT[why], { why })],
    };
  }
  const chosen = allEligible(view, "cancel");
  const sim = simulate(view, chosen, "cancel");
  return {
    ok: true,
    plan: {
      intent: "cancel-application",
      operation: "cancel",
      body: { reason: intent.reason, ...(intent.customReason ? { customReason: intent.customReason } : {}) },
      shape: "application",
      changes: sim.changes,
      refund: 0,
      cancelledValue: view.total,
      vat: [],
      totalBefore: view.total,
      totalAfter: 0,
      expected: {
        orderState: "CANCELLED",
        applicationState: "CANCELLED",
        stateReason: "CANCELLED_NOT_PAID",
      },
      expectedLines: sim.linesAfter,
      notes: [],
    },
  };
}

/** Plans what a staff member wants to do, on the order exactly as Skip Pay last returned it. */
export function plan(ctx: PlanContext, intent: Intent): PlanResult {
  const view = orderView(ctx.order);
  if (intent.kind === "cancel-application") return planCancelApplication(ctx, view, intent);
  const notReady = requireReady(ctx.application);
  if (notReady) return { ok: false, issues: [notReady] };
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
