// Performing an operation: re-read the application from Skip Pay, plan the staff's intent on that fresh order
// (the same planner the page previewed with), send exactly the planned request, and record the answer.
import "server-only";
import { fetchApplication } from "@/lib/applications/service";
import { upsertApplication } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import type { OperationRequest } from "@/lib/orders/intents";
import { type OperationFailure, type OperationResult, withOrder } from "@/lib/orders/outcome";
import { type Plan, plan } from "@/lib/orders/planner";
import { skippay } from "@/lib/skippay/client";
import { type SkipPayError, type SkipPayResult, ticketIdOf } from "@/lib/skippay/errors";
import type {
  ApplicationCancelRequest,
  ApplicationResponse,
  OrderItemsChangeRequest,
  OrderItemsDeliverRequest,
  OrderItemsReturnRequest,
  OrderItemsSendRequest,
} from "@/lib/skippay/schemas";

export function skippayFailure(error: SkipPayError): OperationFailure {
  if (error.kind === "not_found") return { kind: "not_found" };
  return {
    kind: "skippay",
    error: error.kind,
    applied: error.applied,
    ...("status" in error ? { status: error.status } : {}),
    message: error.message,
    ...("attribute" in error && error.attribute ? { attribute: error.attribute } : {}),
    ...(ticketIdOf(error) ? { ticketId: ticketIdOf(error) } : {}),
    ...(error.kind === "rate_limited" && error.retryAfterSeconds
      ? { retryAfterSeconds: error.retryAfterSeconds }
      : {}),
  };
}

/** Sends a plan's request to Skip Pay; the answer as the whole application. */
export async function sendPlan(
  current: ApplicationResponse,
  p: Plan,
): Promise<SkipPayResult<ApplicationResponse>> {
  const client = skippay();
  const id = current.id;
  const merged = async (
    call: ReturnType<typeof client.cancelOrderItems>,
  ): Promise<SkipPayResult<ApplicationResponse>> => {
    const result = await call;
    return result.ok ? { ok: true, status: result.status, value: withOrder(current, result.value) } : result;
  };
  switch (p.operation) {
    case "order/cancel":
      return merged(client.cancelOrderItems(id, p.body as OrderItemsChangeRequest));
    case "order/send":
      return merged(client.sendOrderItems(id, p.body as OrderItemsSendRequest));
    case "order/deliver":
      return merged(client.deliverOrderItems(id, p.body as OrderItemsDeliverRequest));
    case "order/return":
      return merged(client.returnOrderItems(id, p.body as OrderItemsReturnRequest));
    case "cancel":
      return client.cancelApplication(id, p.body as ApplicationCancelRequest);
  }
}

export async function performOperation(request: OperationRequest): Promise<OperationResult> {
  const current = await fetchApplication(request.applicationId);
  if (!current.ok) return { ok: false, failure: skippayFailure(current.error) };
  const app = current.value;

  const planned = plan({ order: app.order, application: app }, request.intent);
  if (!planned.ok)
    return { ok: false, failure: { kind: "refused", issues: planned.issues }, application: app };

  const sent = await sendPlan(app, planned.plan);
  if (!sent.ok) return { ok: false, failure: skippayFailure(sent.error), application: app };
  await upsertApplication(await getDb(), sent.value);
  return { ok: true, intent: request.intent.kind, application: sent.value, plan: planned.plan };
}
