// What the operation form needs the moment the order page is shown: the kinds, the reasons, how a typed quantity
// reads, and the empty values. Free of zod: the schema that validates the form (./intents) is loaded by the browser
// only once the page is interactive.
import type { OperationFormValues } from "./intents";
import { MILLI } from "./quantity";

export const OPERATION_KINDS = [
  "cancel",
  "return",
  "refund",
  "send",
  "deliver",
  "cancel-application",
] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** Why staff do it — a structured list for reporting (Skip Pay itself receives no reason for item operations). */
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

/** "2", "2.5", "2,5" → thousandths; "" → 0. null when not a quantity with at most 3 decimals. */
export function parseQuantityInput(input: string): number | null {
  const s = input.trim().replace(",", ".");
  if (s === "") return 0;
  if (!/^\d{1,7}(\.\d{0,3})?$/.test(s)) return null;
  const [whole = "0", fraction = ""] = s.split(".");
  return Number(whole) * MILLI + Number(fraction.padEnd(3, "0"));
}

/** Default form values for an order: every line at quantity 0. */
export function emptyOperationForm(
  applicationId: string,
  lineKeys: string[],
  kind: OperationKind,
): OperationFormValues {
  return {
    applicationId,
    kind,
    everything: false,
    lines: lineKeys.map((key) => ({ key, quantity: "" })),
    refundOverride: "",
    amount: "",
    reason: kind === "cancel" ? "out_of_stock" : kind === "refund" ? "goodwill" : "customer_request",
    note: "",
    sentDate: "",
    deliveryDate: "",
    carrier: "",
    trackingNumber: "",
    variableSymbol: "",
    cancelReason: "APPLICATION_CANCELLED_BY_CUSTOMER",
    fingerprint: "",
  };
}
