// How states look: a tone per application substate and per item state (the UI maps tones to colours), so no
// component needs to know the state machine.
import type { ApplicationState, OrderState, StateReason } from "@/lib/skippay/schemas";
import type { LineHistory, LinePart } from "./lines";
import type { LineDiff, OrderChangePreview } from "./plan-types";
import { MILLI } from "./quantity";

export type StateTone = "neutral" | "info" | "brand" | "success" | "warning" | "danger" | "violet";

export const SUBSTATE_TONE: Record<StateReason, StateTone> = {
  PROCESSING_REDIRECT_NEEDED: "warning",
  PROCESSING_PREAPPROVED: "warning",
  PROCESSING_VALIDATION_IN_PROGRESS: "warning",
  READY_TO_SHIP: "info",
  READY_SHIPPED: "brand",
  READY_DELIVERED: "success",
  READY_PAID: "success",
  REJECTED: "danger",
  CANCELLED_NOT_PAID: "neutral",
  CANCELLED_RETURNED: "violet",
};

export const STATE_TONE: Record<ApplicationState, StateTone> = {
  PROCESSING: "warning",
  READY: "success",
  REJECTED: "danger",
  CANCELLED: "neutral",
};

export const ITEM_STATE_TONE: Record<OrderState, StateTone> = {
  PROCESSING: "neutral",
  SENT: "info",
  DELIVERED: "success",
  RETURNED: "violet",
  CANCELLED: "neutral",
};

/** Order of item states in summaries ("2 delivered · 1 returned"). */
export const ITEM_STATE_ORDER: readonly OrderState[] = [
  "PROCESSING",
  "SENT",
  "DELIVERED",
  "RETURNED",
  "CANCELLED",
];

/** Goods, as staff count items: a shipping fee, a discount, a fee or insurance is a line, not an item. */
const GOODS = new Set<string | null>([null, "PHYSICAL", "DIGITAL", "GIFT_CARD"]);
export const isGoods = (type: string | null) => GOODS.has(type);

/**
 * Which plain-words explanation of the state the header shows: Skip Pay's substate, except that "shipped" says
 * only that something was sent — once no goods are left to send, it says so.
 */
export function stateExplanation(application: {
  stateReason: string;
  order: { items: readonly { type?: string | null; state?: string | null }[] };
}): string {
  if (application.stateReason !== "READY_SHIPPED") return application.stateReason;
  const unsent = application.order.items.some((i) => isGoods(i.type ?? null) && i.state === "PROCESSING");
  return unsent ? "READY_SHIPPED" : "READY_SHIPPED_ALL";
}

/**
 * How many items an operation moves, as staff say it: pieces of goods ("3 items"); when it moves no goods (only a
 * shipping fee, say), its lines ("1 line").
 */
export function itemCount(changes: readonly { type: string | null; quantity: number }[]): {
  count: number;
  unit: "items" | "lines";
} {
  const goods = changes.filter((c) => isGoods(c.type));
  if (goods.length === 0) return { count: changes.length, unit: "lines" };
  return { count: goods.reduce((n, c) => n + c.quantity, 0) / MILLI, unit: "items" };
}

/** The lines an order change really changes (its plan lists every line, the untouched ones old = new). */
export function changedLines(change: Pick<OrderChangePreview, "lines">): LineDiff[] {
  return change.lines.filter(
    (d) =>
      !d.before ||
      !d.after ||
      d.before.quantity !== d.after.quantity ||
      d.before.unitPrice !== d.after.unitPrice ||
      d.before.total !== d.after.total,
  );
}

/**
 * A line's quantities per state, in the order staff read them, with the latest sent or delivered date (Skip Pay's)
 * and returned or cancelled date (this admin's journal, `lineHistory`).
 */
export function stateSummary(
  parts: readonly LinePart[],
  history: LineHistory = {},
): { state: OrderState; qty: number; date: string | null }[] {
  return ITEM_STATE_ORDER.map((state) => {
    const mine = parts.filter((p) => p.state === state);
    const date =
      state === "RETURNED" || state === "CANCELLED"
        ? (history[state] ?? null)
        : (mine
            .map((p) => (state === "DELIVERED" ? p.deliveryDate : state === "SENT" ? p.sentDate : null))
            .filter((d): d is string => !!d)
            .sort()
            .pop() ?? null);
    return { state, qty: mine.reduce((n, p) => n + p.qty, 0), date };
  }).filter((s) => s.qty > 0);
}

/** How often the order page reads the application again: while Skip Pay is still deciding on it. */
export const applicationRefreshMs = (app: { state: ApplicationState }) =>
  app.state === "PROCESSING" ? 4_000 : false;

/** Does a line match what staff typed in the items filter (name, code, EAN or variant; any case)? */
export function matchesFilter(
  line: { name: string; code: string; ean: string | null; variant: string | null },
  filter: string,
): boolean {
  const f = filter.trim().toLowerCase();
  if (!f) return true;
  return [line.name, line.code, line.ean ?? "", line.variant ?? ""].some((v) => v.toLowerCase().includes(f));
}

type AddressParts = Partial<
  Record<"name" | "streetAddress" | "streetNumber" | "zip" | "city" | "country", string | null>
>;

/** An address on one line, as staff read it: "Jana Nováková, Údolní 53, 602 00, Brno, CZ". */
export function addressLine(a: AddressParts): string {
  return [a.name, [a.streetAddress, a.streetNumber].filter(Boolean).join(" "), a.zip, a.city, a.country]
    .filter(Boolean)
    .join(", ");
}
