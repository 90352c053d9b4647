// Test helper: an operation request as the order page would submit it — an operation form's values (anything
// not given is as the form opens, with the reason a staff member would pick), checked by the same schemas.
import { emptyForm } from "@/lib/orders/forms/defaults";
import {
  type FormValues,
  type OperationRequest,
  operationSubmissionSchema,
} from "@/lib/orders/forms/submission";
import { orderView } from "@/lib/orders/lines";
import type { OperationKind } from "@/lib/orders/operation-kinds";
import type { ApplicationResponse } from "@/lib/skippay/schemas";

const REASON: Partial<Record<OperationKind, string>> = {
  cancel: "out_of_stock",
  return: "customer_request",
  refund: "goodwill",
  "change-order": "price_adjustment",
};

export function requestFor<K extends OperationKind>(
  app: ApplicationResponse,
  kind: K,
  values: Partial<FormValues<K>> = {},
): OperationRequest {
  const base = emptyForm(
    kind,
    orderView(app.order).lines.map((l) => l.key),
    "2026-11-20",
  );
  const withReason = REASON[kind] ? { ...base, reason: REASON[kind] } : base;
  if (kind === "cancel-application")
    Object.assign(withReason, { cancelReason: "APPLICATION_CANCELLED_BY_CUSTOMER" });
  return operationSubmissionSchema.parse({
    applicationId: app.id,
    values: { ...withReason, ...values },
    basis: { state: "READY", stateReason: "READY_TO_SHIP", total: 0, lines: {} },
    loadedAt: new Date().toISOString(),
    submissionId: crypto.randomUUID(),
  }).request;
}
