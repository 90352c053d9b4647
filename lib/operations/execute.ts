// Sending a journalled operation to Skip Pay, and the checks just before it: is the order still the one the page
// planned on? Server-only.
import "server-only";
import { upsertApplication } from "@/lib/db/applications";
import { basisOf, diffBasis, type OrderBasis, sameBasis } from "@/lib/orders/basis";
import { type OperationFailure, type OperationResult, withOrder } from "@/lib/orders/outcome";
import type { Plan } from "@/lib/orders/plan-types";
import type { SkipPayClient } from "@/lib/skippay/client";
import { type SkipPayError, type SkipPayResult, ticketIdOf } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import * as journal from "./journal";
import { type Kit, lineNames, skippayFailure, summary } from "./kit";
import type { Reconcile } from "./reconcile";

/** Sends a plan's request to Skip Pay; the answer as the whole application. */
export async function sendPlan(
  client: SkipPayClient,
  current: ApplicationResponse,
  p: Plan,
): Promise<SkipPayResult<ApplicationResponse>> {
  const id = current.id;
  const merged = async (
    call: ReturnType<SkipPayClient["cancelOrderItems"]>,
  ): Promise<SkipPayResult<ApplicationResponse>> => {
    const result = await call;
    return result.ok ? { ok: true, status: result.status, value: withOrder(current, result.value) } : result;
  };
  switch (p.operation) {
    case "order/cancel":
      return merged(client.cancelOrderItems(id, p.body));
    case "order/send":
      return merged(client.sendOrderItems(id, p.body));
    case "order/deliver":
      return merged(client.deliverOrderItems(id, p.body));
    case "order/return":
      return merged(client.returnOrderItems(id, p.body));
    case "cancel":
      return client.cancelApplication(id, p.body);
    case "order":
      return merged(client.changeOrder(id, p.body));
  }
}

export type Recheck =
  | { ok: true; current: ApplicationResponse }
  | { ok: false; current?: ApplicationResponse; error?: SkipPayError };

export function createExecute(kit: Kit, reconcile: Reconcile) {
  const { db, client, now } = kit;

  /**
   * Asked holding the application's lock: is the order still the one the operation was planned on? Skip Pay has
   * no If-Match, so the order was read before the lock was taken — and an operation that finished in between may
   * have changed it after that read. Then read again: nothing new can start while the lock is held.
   */
  async function recheck(finishedBefore: number, current: ApplicationResponse, before: OrderBasis) {
    if ((await journal.finishedCount(db, current.id)) === finishedBefore)
      return { ok: true, current } satisfies Recheck;
    const read = await kit.read(current.id);
    if (!read.ok) return { ok: false, error: read.error } satisfies Recheck;
    return (
      sameBasis(basisOf(read.value), before)
        ? { ok: true, current: read.value }
        : { ok: false, current: read.value }
    ) satisfies Recheck;
  }

  /** The order changed since the page planned on it: what changed, and which operations did it. */
  async function staleFailure(
    planned: OrderBasis,
    current: ApplicationResponse,
    loadedAt: string,
  ): Promise<OperationResult> {
    const changedBy = (await journal.finishedSince(db, current.id, new Date(loadedAt))).map((op) => ({
      name: op.actorName,
      intent: op.intent,
      at: (op.finishedAt ?? op.createdAt).toISOString(),
    }));
    return {
      ok: false,
      failure: { kind: "stale", diff: diffBasis(planned, basisOf(current), lineNames(current)), changedBy },
      application: current,
    };
  }

  /** Calls Skip Pay for a journalled, locked operation and records what came back. */
  async function execute(
    row: journal.OperationRow,
    current: ApplicationResponse,
    p: Plan,
  ): Promise<OperationResult> {
    const sentAt = now();
    const sent = await sendPlan(client, current, p);
    const done = (application: ApplicationResponse, recovered?: true): OperationResult => ({
      ok: true,
      kind: "done",
      intent: p.intent,
      operationId: row.id,
      application,
      plan: p,
      ...(recovered ? { recovered } : {}),
    });
    if (sent.ok) {
      // The journal's record of success and the index's new state in one statement.
      await upsertApplication(
        db,
        sent.value,
        sentAt,
        journal.updatingOperation(db, row.id, {
          status: "succeeded",
          totalAfter: sent.value.order.totalPrice.amount,
          response: summary(sent.value),
          finishedAt: now(),
        }),
      );
      return done(sent.value);
    }
    const error = sent.error;
    await journal.updateOperation(db, row.id, {
      status: error.applied === "unknown" ? "unknown" : "failed",
      error: {
        kind: error.kind,
        ...("status" in error ? { status: error.status } : {}),
        message: error.message,
        applied: error.applied,
      },
      ticketId: ticketIdOf(error) ?? null,
      finishedAt: error.applied === "unknown" ? null : now(),
    });
    if (error.applied !== "unknown")
      return {
        ok: false,
        failure: skippayFailure(error, "request"),
        application: current,
        operationId: row.id,
      };
    // Skip Pay may or may not have acted: find out now, before anyone retries.
    const fresh = await reconcile.reconcile(current.id);
    const settled = await journal.findOperation(db, row.id);
    if (settled?.status === "succeeded" && fresh) return done(fresh, true);
    const failure: OperationFailure = skippayFailure(error);
    if (settled?.status === "failed" && failure.kind === "skippay")
      return {
        ok: false,
        failure: { ...failure, applied: "no" },
        application: fresh ?? current,
        operationId: row.id,
      };
    // Still unknown: it holds the application until the order shows the change or the lease has passed.
    return { ok: false, failure, application: fresh ?? current, operationId: row.id };
  }

  return { recheck, staleFailure, execute };
}

export type Execute = ReturnType<typeof createExecute>;
