// What an order looks like once the chosen quantities have moved: the changes line by line, their value (in total
// and per VAT rate), every line's quantities per state, and the order, application and substate to expect.
import type { OrderState, StateReason } from "@/lib/skippay/schemas";
import { MOVES, type MoveKind, quantitiesByState } from "./eligibility";
import type { LinePart, OrderView } from "./lines";
import type { ExpectedStates, LineChange, Plan, PlanContext, VatShare } from "./plan-types";
import { type Selected, take } from "./selection";
import { currentVat } from "./vat-split";

export interface Simulation {
  changes: LineChange[];
  value: number;
  grossByRate: Map<number, number>;
  vatByRate: Map<number, number>;
  partsAfter: LinePart[];
  linesAfter: Plan["expectedLines"];
}

export function unchangedLines(view: OrderView): Plan["expectedLines"] {
  return Object.fromEntries(view.lines.map((l) => [l.key, quantitiesByState(l.parts)]));
}

export function simulate(view: OrderView, chosen: Selected[], kind: MoveKind): Simulation {
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
      type: c.line.type,
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

/**
 * The moved value per VAT rate, highest rate first, with the VAT that leaves the order's `totalVat`: the items' VAT,
 * but never more than the order still holds at the rate (Skip Pay stops at zero).
 */
export function movedVat(sim: Simulation, order: PlanContext["order"]): VatShare[] {
  return [...sim.grossByRate]
    .map(([rate, gross]) => ({
      rate,
      gross,
      vat: Math.min(sim.vatByRate.get(rate) ?? 0, currentVat(order, rate)),
    }))
    .filter((s) => s.gross !== 0 || s.vat !== 0)
    .sort((a, b) => b.rate - a.rate);
}

const ACTIVE: OrderState[] = ["PROCESSING", "SENT", "DELIVERED"];

/** The order state, application state and substate Skip Pay derives from the items' states. */
export function expectedStates(parts: LinePart[], current: PlanContext["application"]): ExpectedStates {
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
