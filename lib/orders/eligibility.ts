// What an order's lines and its application allow right now: how much of each line an operation can take, why not
// when it cannot, and whether the whole application can be cancelled. The order page renders with these before it
// plans anything, so they live apart from the planner (./planner.ts), which the page loads once it is interactive.
import type { OrderResponse, OrderState } from "@/lib/skippay/schemas";
import { type LinePart, type OrderLine, type OrderView, orderView } from "./lines";
import type { PlanContext } from "./plan-types";

/** Where each operation takes quantities from, in order of preference, and where they go. */
export const MOVES = {
  cancel: { from: ["PROCESSING"], to: "CANCELLED" },
  send: { from: ["PROCESSING"], to: "SENT" },
  deliver: { from: ["SENT", "PROCESSING"], to: "DELIVERED" },
  return: { from: ["DELIVERED", "SENT"], to: "RETURNED" },
} as const satisfies Record<string, { from: OrderState[]; to: OrderState }>;

export type MoveKind = keyof typeof MOVES;

/** How much of a line an operation can take right now (thousandths). */
export const ELIGIBLE: Record<MoveKind, (l: OrderLine) => number> = {
  cancel: (l) => l.cancellable,
  send: (l) => l.unsent,
  deliver: (l) => l.unsent + l.sent,
  return: (l) => l.returnable,
};

export type IneligibleReason = "sent" | "delivered" | "returned" | "cancelled" | "not_sent" | "nothing_left";

/** Why a line cannot take an operation right now, as a code (+ the date it was sent, when that is the reason). */
export function ineligibility(line: OrderLine, kind: MoveKind): { reason: IneligibleReason; date?: string } {
  const lastSent = line.parts
    .map((p) => p.sentDate)
    .filter((d): d is string => !!d)
    .sort()
    .pop();
  if (kind === "cancel") {
    if (line.sent + line.delivered > 0) return { reason: "sent", ...(lastSent ? { date: lastSent } : {}) };
    return { reason: line.returned > 0 ? "returned" : "cancelled" };
  }
  if (kind === "return") {
    if (line.unsent > 0) return { reason: "not_sent" };
    if (line.returned > 0 && line.cancelled === 0) return { reason: "returned" };
    if (line.cancelled > 0 && line.returned === 0) return { reason: "cancelled" };
    return { reason: "nothing_left" };
  }
  if (kind === "send") return { reason: line.sent + line.delivered > 0 ? "sent" : "nothing_left" };
  return { reason: line.delivered > 0 ? "delivered" : "nothing_left" };
}

/** A line's quantity per state. */
export function quantitiesByState(parts: LinePart[]): Partial<Record<OrderState, number>> {
  const out: Partial<Record<OrderState, number>> = {};
  for (const p of parts) if (p.qty > 0) out[p.state] = (out[p.state] ?? 0) + p.qty;
  return out;
}

/** A variable symbol Skip Pay accepts: 1 to 10 digits. */
export const isVariableSymbol = (value: string) => /^\d{1,10}$/.test(value);

/** The spec: `variableSymbol` is required on send unless the order was given one earlier. */
export function needsVariableSymbol(order: Pick<OrderResponse, "variableSymbols">): boolean {
  return (order.variableSymbols ?? []).length === 0;
}

export type NotCancellable = "rejected" | "cancelled" | "validating" | "paid" | "shipped";

/** Whether the whole application can be cancelled now, and if not, why (null = it can). */
export function whyApplicationNotCancellable(
  ctx: PlanContext,
  view: OrderView = orderView(ctx.order),
): NotCancellable | null {
  const { state, stateReason } = ctx.application;
  if (state === "REJECTED") return "rejected";
  if (state === "CANCELLED") return "cancelled";
  if (stateReason === "PROCESSING_VALIDATION_IN_PROGRESS") return "validating";
  if (stateReason === "READY_PAID") return "paid";
  if (view.lines.some((l) => l.sent + l.delivered + l.returned > 0)) return "shipped";
  return null;
}

export type NotChangeable = "closed" | "sent" | "cancelled";

/**
 * Whether the order's lines can be changed now (PUT …/order), and if not, why (null = they can): Skip Pay allows it
 * while PROCESSING, and while READY until anything is sent; lines are replaced whole, so not after a cancellation.
 */
export function whyOrderNotChangeable(
  ctx: Pick<PlanContext, "application">,
  view: OrderView,
): NotChangeable | null {
  const { state } = ctx.application;
  if (state !== "PROCESSING" && state !== "READY") return "closed";
  if (view.lines.some((l) => l.sent + l.delivered + l.returned > 0)) return "sent";
  if (view.lines.some((l) => l.cancelled > 0)) return "cancelled";
  return null;
}
