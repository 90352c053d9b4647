// How states look: a tone per application substate and per item state (the UI maps tones to colours), so no
// component needs to know the state machine.
import type { ApplicationState, OrderState, StateReason } from "@/lib/skippay/schemas";

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
