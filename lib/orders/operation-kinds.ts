// The operations staff can choose, and the reasons they give. Shared by the chooser, the forms and the journal.

export const OPERATION_KINDS = [
  "cancel",
  "return",
  "refund",
  "send",
  "deliver",
  "cancel-application",
  "change-order",
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** The operations that pick order lines (and quantities). */
export const LINE_KINDS = ["cancel", "return", "send", "deliver"] as const satisfies readonly OperationKind[];
export type LineKind = (typeof LINE_KINDS)[number];
export const picksLines = (kind: OperationKind): kind is LineKind =>
  (LINE_KINDS as readonly string[]).includes(kind);

/**
 * Why staff cancel, return or refund — a structured list for reporting. Marking items sent or delivered needs no
 * reason, and cancelling the application takes Skip Pay's own list (its `reason`).
 */
export const OPERATION_REASONS = [
  "customer_request",
  "out_of_stock",
  "damaged",
  "wrong_item",
  "late_delivery",
  "price_adjustment",
  "goodwill",
  "duplicate_order",
  "other",
] as const;
export type OperationReason = (typeof OPERATION_REASONS)[number];
