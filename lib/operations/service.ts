// Operations, exactly once. Every staff operation goes through here:
//   authorize → (same submission? its outcome) → settle any unclear earlier operation → lock free? → re-read the
//   application → the order unchanged since the page planned on it? → plan → four eyes? → journal (takes the lock)
//   → did another operation finish since that read? then read again under the lock, and stop if the order changed
//   → call Skip Pay → record the answer → when the outcome is unclear, re-read and settle it.
// The database enforces one submission = one row and one active operation per application, so no double click,
// second tab, second agent or second app instance can make Skip Pay act twice. Server-only.
import "server-only";
import { can, needsApproval, unapprovedRefunds } from "@/lib/auth/roles";
import type { Staff } from "@/lib/auth/session";
import { upsertApplication } from "@/lib/db/applications";
import type { Db } from "@/lib/db/client";
import { basisOf, diffBasis, expectedBasis, type OrderBasis, sameBasis } from "@/lib/orders/basis";
import { footprint } from "@/lib/orders/footprint";
import type { OperationRequest } from "@/lib/orders/intents";
import { orderView } from "@/lib/orders/lines";
import {
  type OperationFailure,
  type OperationResult,
  type ResolveResult,
  withOrder,
} from "@/lib/orders/outcome";
import { type Plan, plan } from "@/lib/orders/planner";
import type { SkipPayClient } from "@/lib/skippay/client";
import { type SkipPayError, type SkipPayResult, ticketIdOf } from "@/lib/skippay/errors";
import type {
  ApplicationCancelRequest,
  ApplicationResponse,
  OrderItemsChangeRequest,
  OrderItemsDeliverRequest,
  OrderItemsReturnRequest,
  OrderItemsSendRequest,
} from "@/lib/skippay/schemas";
import * as journal from "./journal";
import type { JournalEntry, OperationStatus } from "./types";

export type Actor = Pick<Staff, "id" | "name" | "role">;

export interface OperationsDeps {
  db: Db;
  client: SkipPayClient;
  /** An agent's refund above this (minor units) waits for a supervisor. */
  approvalLimit: number;
  /**
   * After this long an in-flight call is considered abandoned (its process died): its outcome becomes unknown. An
   * unknown outcome is settled as "not applied" only after this long, too, and only if the order still looks as it
   * did before the call.
   */
  leaseMs: number;
  now?: () => Date;
}

export interface Submission {
  request: OperationRequest;
  basis: OrderBasis;
  loadedAt: string;
  submissionId: string;
}

export type DecisionResult = OperationResult | { ok: true; kind: "rejected"; operationId: string };

/**
 * A Skip Pay error as staff see it. A 404 on reading the application means Skip Pay does not know it; on an order
 * operation (`"request"`, sent after a successful read) it means something the request refers to was not found,
 * so Skip Pay's own message is shown.
 */
export function skippayFailure(
  error: SkipPayError,
  answering: "application" | "request" = "application",
): OperationFailure {
  if (error.kind === "not_found" && answering === "application") return { kind: "not_found" };
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

/** JSON with sorted keys: jsonb stores objects with its own key order, so compare canonical forms. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Line names by key, for telling staff which lines changed. */
function lineNames(app: ApplicationResponse): Record<string, string> {
  return Object.fromEntries(orderView(app.order).lines.map((l) => [l.key, l.name]));
}

function summary(app: ApplicationResponse) {
  return { state: app.state, stateReason: app.stateReason, total: app.order.totalPrice.amount };
}

export function createOperations(deps: OperationsDeps) {
  const { db, client } = deps;
  const now = deps.now ?? (() => new Date());

  async function readApplication(id: string): Promise<SkipPayResult<ApplicationResponse>> {
    const sentAt = now();
    const result = await client.getApplication(id);
    if (result.ok) await upsertApplication(db, result.value, sentAt);
    return result;
  }

  /**
   * Settles an operation whose outcome is unknown (a timeout, a dropped connection, a 5xx, an unreadable answer,
   * or an abandoned call) by re-reading the application and looking for the operation's own footprint (its total
   * and the lines it meant to change; lib/orders/footprint.ts). Anything still unclear once the lease has passed
   * goes to a person, and the lock goes with it.
   */
  async function reconcile(
    applicationId: string,
    fresh?: ApplicationResponse,
  ): Promise<ApplicationResponse | null> {
    return (await settle(applicationId, fresh)).application;
  }

  /**
   * `reconcile`, also answering which operation (if any) still holds the application afterwards. `holder` is that
   * operation as the caller just read it (null: none), to save the look-up.
   */
  async function settle(
    applicationId: string,
    fresh?: ApplicationResponse,
    holder?: journal.OperationRow | null,
  ): Promise<{ application: ApplicationResponse | null; active: journal.OperationRow | null }> {
    let active = holder === undefined ? await journal.activeOperation(db, applicationId) : holder;
    // Usually nothing is active: one read, no write. An in-flight call whose caller vanished long ago is unknown.
    const abandonedBefore = new Date(now().getTime() - deps.leaseMs);
    if (active?.status === "in_flight" && active.startedAt && active.startedAt < abandonedBefore) {
      await journal.expireAbandoned(db, applicationId, abandonedBefore);
      active = await journal.activeOperation(db, applicationId);
    }
    if (active?.status !== "unknown") return { application: fresh ?? null, active };
    let app = fresh;
    if (!app) {
      const read = await readApplication(applicationId);
      if (!read.ok) return { application: null, active };
      app = read.value;
    }
    const seen = basisOf(app);
    const found = footprint(active.basisBefore, active.basisExpected, seen);
    // An order without the change does not prove the call will never apply: a slow Skip Pay may commit a request
    // after the client gave up on it, and a retry would then refund twice. So "not applied" (and "ask a person")
    // wait until the lease has passed since the call started — longer than its whole call chain can take.
    const leasePassed = (active.startedAt ?? active.createdAt) < abandonedBefore;
    if (found === "applied") {
      await journal.settleOperation(db, active.id, ["unknown"], {
        status: "succeeded",
        reconciliation: "applied",
        totalAfter: app.order.totalPrice.amount,
        response: summary(app),
        basisSeen: seen,
        finishedAt: now(),
      });
    } else if (leasePassed) {
      await journal.settleOperation(
        db,
        active.id,
        ["unknown"],
        found === "not_applied"
          ? { status: "failed", reconciliation: "not_applied", basisSeen: seen, finishedAt: now() }
          : { status: "needs_review", basisSeen: seen, finishedAt: now() },
      );
    }
    return { application: app, active: await journal.activeOperation(db, applicationId) };
  }

  /**
   * Settles what no page is looking at: every unclear operation, and every in-flight one whose caller vanished.
   * Run on a schedule by each instance (./settler.ts); two instances settling the same one is harmless.
   */
  async function settleDue(): Promise<number> {
    const ids = await journal.applicationsToSettle(db, new Date(now().getTime() - deps.leaseMs));
    for (const id of ids) await settle(id);
    return ids.length;
  }

  /** A supervisor records what happened to an operation whose outcome stayed unclear (`needs_review`). */
  async function resolve(
    actor: Actor,
    operationId: string,
    outcome: "applied" | "not_applied",
    note: string,
  ): Promise<ResolveResult> {
    if (!can(actor.role, "approve")) return { ok: false, failure: { kind: "forbidden" } };
    const settled = await journal.settleOperation(db, operationId, ["needs_review"], {
      status: outcome === "applied" ? "succeeded" : "failed",
      reconciliation: outcome,
      resolvedById: actor.id,
      resolvedByName: actor.name,
      resolvedAt: now(),
      resolutionNote: note,
    });
    return settled ? { ok: true, operationId, outcome } : { ok: false, failure: { kind: "not_pending" } };
  }

  /** The outcome of an operation already in the journal (a repeated submission gets the same answer). */
  async function outcomeOf(row: journal.OperationRow): Promise<OperationResult> {
    const current = row;
    const p = current.plan as Plan;
    // Still with Skip Pay, or its outcome being found out: say so at once; the page watches the journal.
    if (current.status === "in_flight" || current.status === "unknown") {
      return {
        ok: false,
        failure: {
          kind: "in_progress",
          operationId: current.id,
          intent: p.intent,
          since: (current.startedAt ?? current.createdAt).toISOString(),
          status: current.status,
        },
      };
    }
    if (current.status === "needs_review") {
      return { ok: false, failure: { kind: "needs_review", operationId: current.id, intent: p.intent } };
    }
    if (current.status === "pending_approval") {
      return {
        ok: true,
        kind: "pending_approval",
        intent: p.intent,
        operationId: current.id,
        plan: p,
        limit: deps.approvalLimit,
      };
    }
    if (current.status === "succeeded") {
      const read = await readApplication(current.applicationId);
      if (read.ok) {
        return {
          ok: true,
          kind: "done",
          intent: p.intent,
          operationId: current.id,
          application: read.value,
          plan: p,
          ...(current.reconciliation === "applied" ? { recovered: true } : {}),
        };
      }
      return { ok: false, failure: skippayFailure(read.error) };
    }
    if (current.status === "rejected") return { ok: false, failure: { kind: "not_pending" } };
    const error = current.error as {
      kind: SkipPayError["kind"];
      status?: number;
      message: string;
      applied: "no" | "unknown";
    } | null;
    // Failed, or found not applied once its outcome was settled: nothing happened at Skip Pay.
    return {
      ok: false,
      failure: error
        ? {
            kind: "skippay",
            error: error.kind,
            applied: "no",
            message: error.message,
            ...(error.status ? { status: error.status } : {}),
          }
        : { kind: "skippay", error: "timeout", applied: "no", message: "no answer" },
    };
  }

  function busy(row: journal.OperationRow): OperationResult {
    return {
      ok: false,
      failure: {
        kind: "busy",
        by: row.actorName,
        intent: row.intent as Plan["intent"],
        since: (row.startedAt ?? row.createdAt).toISOString(),
        status: row.status === "unknown" ? "unknown" : "in_flight",
      },
    };
  }

  /**
   * Asked holding the application's lock: is the order still the one the operation was planned on? Skip Pay has
   * no If-Match, so the order was read before the lock was taken — and an operation that finished in between may
   * have changed it after that read. Then read again: nothing new can start while the lock is held.
   */
  async function recheck(
    finishedBefore: number,
    current: ApplicationResponse,
    before: OrderBasis,
  ): Promise<
    | { ok: true; current: ApplicationResponse }
    | { ok: false; current?: ApplicationResponse; error?: SkipPayError }
  > {
    if ((await journal.finishedCount(db, current.id)) === finishedBefore) return { ok: true, current };
    const read = await readApplication(current.id);
    if (!read.ok) return { ok: false, error: read.error };
    return sameBasis(basisOf(read.value), before)
      ? { ok: true, current: read.value }
      : { ok: false, current: read.value };
  }

  /** The order changed since the page planned on it: what changed, and which operations did it. */
  async function staleFailure(
    planned: OrderBasis,
    current: ApplicationResponse,
    loadedAt: string,
  ): Promise<OperationResult> {
    const changedBy = (await journal.finishedSince(db, current.id, new Date(loadedAt))).map((op) => ({
      name: op.actorName,
      intent: op.intent as Plan["intent"],
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
      return {
        ok: true,
        kind: "done",
        intent: p.intent,
        operationId: row.id,
        application: sent.value,
        plan: p,
      };
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
    if (error.applied === "unknown") {
      // Skip Pay may or may not have acted: find out now, before anyone retries.
      const fresh = await reconcile(current.id);
      const settled = await journal.findOperation(db, row.id);
      if (settled?.status === "succeeded" && fresh) {
        return {
          ok: true,
          kind: "done",
          intent: p.intent,
          operationId: row.id,
          application: fresh,
          plan: p,
          recovered: true,
        };
      }
      if (settled?.status === "failed") {
        return {
          ok: false,
          failure: { ...skippayFailure(error), applied: "no" } as OperationFailure,
          application: fresh ?? current,
        };
      }
      // Still unknown: it holds the application until the order shows the change or the lease has passed.
      return { ok: false, failure: skippayFailure(error), application: fresh ?? current };
    }
    return { ok: false, failure: skippayFailure(error, "request"), application: current };
  }

  async function submit(actor: Actor, submission: Submission, attempt = 1): Promise<OperationResult> {
    if (!can(actor.role, "operate")) return { ok: false, failure: { kind: "forbidden" } };
    const { request } = submission;

    // The same confirmation again (double click, browser retry, a second instance): its one outcome — told only
    // to the person who made it, about the application it was made on.
    const answer = (row: journal.OperationRow): Promise<OperationResult> =>
      row.actorId === actor.id && row.applicationId === request.applicationId
        ? outcomeOf(row)
        : Promise.resolve({ ok: false, failure: { kind: "foreign_submission" } });
    const same = async () => {
      const row = await journal.findBySubmission(db, submission.submissionId);
      return row ? answer(row) : null;
    };
    // The journal is asked first, in one query: this submission's earlier outcome, the lock, and how many operations
    // have finished (for the check under the lock). The order is read only after: a read taken while another
    // operation was still in flight could predate its effect and slip past the stale-page guard.
    // (Whoever has an approval limit also gets their earlier operations here: the limit counts what they refunded.)
    const limited = !can(actor.role, "operate_without_limit");
    const looked = await journal.lookBeforeRead(
      db,
      request.applicationId,
      submission.submissionId,
      limited ? actor.id : null,
    );
    if (looked.same) {
      // Its call may have died with its process: settle what can be settled now, then answer at once.
      if (looked.same.status === "in_flight" || looked.same.status === "unknown") {
        await settle(looked.same.applicationId, undefined, looked.active);
        return (await same()) ?? answer(looked.same);
      }
      return answer(looked.same);
    }
    const { active } = await settle(request.applicationId, undefined, looked.active);
    // A twin submission may have taken the lock a moment ago: then this is its outcome, not "busy".
    if (active) return (await same()) ?? busy(active);
    const finishedBefore = looked.finished;

    // Not indexed yet: when the order is as the page planned on, the page's own read indexed it, and the answer to
    // the operation is indexed below. Otherwise it is indexed now.
    const readAt = now();
    const read = await client.getApplication(request.applicationId);
    if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
    const current = read.value;
    const before = basisOf(current);

    if (!sameBasis(before, submission.basis)) {
      await upsertApplication(db, current, readAt);
      // The order changed: maybe because a twin of this very submission just went through.
      const twin = await same();
      if (twin) return twin;
      return staleFailure(submission.basis, current, submission.loadedAt);
    }

    const planned = plan({ order: current.order, application: current }, request.intent);
    if (!planned.ok)
      return { ok: false, failure: { kind: "refused", issues: planned.issues }, application: current };
    const p = planned.plan;

    // The limit covers what this person already refunded here unapproved (no splitting a refund into small ones).
    const earlier = p.refund > 0 && limited ? unapprovedRefunds(looked.mine, actor.id) : 0;
    const approval = needsApproval(actor.role, p.refund, deps.approvalLimit, earlier);
    const inserted = await journal.insertOperation(db, {
      submissionId: submission.submissionId,
      applicationId: current.id,
      orderNumber: current.order.number,
      actorId: actor.id,
      actorName: actor.name,
      intent: p.intent,
      endpoint: p.operation,
      reason: request.reason,
      note: request.note,
      request,
      body: p.body,
      plan: p,
      refund: p.refund,
      cancelledValue: p.cancelledValue,
      totalBefore: p.totalBefore,
      totalExpected: p.totalAfter,
      basisBefore: before,
      basisExpected: expectedBasis(p),
      status: approval ? "pending_approval" : "in_flight",
      approvalRequired: approval,
      startedAt: approval ? null : now(),
    });
    if (!inserted.ok) {
      if (inserted.conflict === "submission") {
        const twin = await same();
        if (twin) return twin;
      }
      const holder = await journal.activeOperation(db, current.id);
      if (holder) return busy(holder);
      // The lock holder finished between our insert and this look: start over once — the fresh read decides.
      if (attempt < 2) return submit(actor, submission, attempt + 1);
      return {
        ok: false,
        failure: { kind: "busy", by: "", intent: p.intent, since: now().toISOString(), status: "in_flight" },
      };
    }
    if (approval) {
      return {
        ok: true,
        kind: "pending_approval",
        intent: p.intent,
        operationId: inserted.row.id,
        plan: p,
        limit: deps.approvalLimit,
      };
    }
    const checked = await recheck(finishedBefore, current, before);
    if (!checked.ok) {
      // Never sent: the row goes, and the staff member sees what changed (or why the order could not be read).
      await journal.discardUnsent(db, inserted.row.id);
      if (checked.error) return { ok: false, failure: skippayFailure(checked.error) };
      return staleFailure(submission.basis, checked.current ?? current, submission.loadedAt);
    }
    return execute(inserted.row, checked.current, p);
  }

  /** Four eyes: a different supervisor approves (the operation then runs on the order as it is now) or rejects. */
  async function decide(
    actor: Actor,
    operationId: string,
    decision: "approve" | "reject",
    note: string,
  ): Promise<DecisionResult> {
    if (!can(actor.role, "approve")) return { ok: false, failure: { kind: "forbidden" } };
    const row = await journal.findOperation(db, operationId);
    if (row?.status !== "pending_approval") return { ok: false, failure: { kind: "not_pending" } };
    if (row.actorId === actor.id) return { ok: false, failure: { kind: "own_request" } };
    const decided = {
      decidedById: actor.id,
      decidedByName: actor.name,
      decidedAt: now(),
      decisionNote: note,
    };

    const reject = async (why: string, from: OperationStatus = "pending_approval") =>
      journal.settleOperation(db, row.id, [from], {
        ...decided,
        status: "rejected",
        decisionNote: why,
        finishedAt: now(),
      });
    // The approval is for the request as it was made: if the order changed since, it is no longer the same decision.
    const changed = async (fresh: ApplicationResponse, from?: OperationStatus): Promise<DecisionResult> => {
      await reject("the order changed after the request; ask for a new one", from);
      const diff = diffBasis(row.basisBefore as OrderBasis, basisOf(fresh), lineNames(fresh));
      return { ok: false, failure: { kind: "stale", diff, changedBy: [] }, application: fresh };
    };
    if (decision === "reject") {
      const settled = await reject(note);
      return settled
        ? { ok: true, kind: "rejected", operationId: row.id }
        : { ok: false, failure: { kind: "not_pending" } };
    }

    const { active } = await settle(row.applicationId);
    if (active) return busy(active);
    const finishedBefore = await journal.finishedCount(db, row.applicationId);
    const read = await readApplication(row.applicationId);
    if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
    const current = read.value;
    const before = basisOf(current);
    const requested = row.request as OperationRequest;
    const planned = plan({ order: current.order, application: current }, requested.intent);
    if (
      !sameBasis(before, row.basisBefore as OrderBasis) ||
      !planned.ok ||
      canonical(planned.plan.body) !== canonical(row.body)
    ) {
      return changed(current);
    }
    const claimed = await journal.claimPending(db, row.id, decided);
    if (!claimed.ok) {
      if (claimed.conflict === "busy") {
        const holder = await journal.activeOperation(db, row.applicationId);
        if (holder) return busy(holder);
      }
      return { ok: false, failure: { kind: "not_pending" } };
    }
    const checked = await recheck(finishedBefore, current, before);
    if (!checked.ok) {
      // Not sent. Unreadable order: the request waits for a decision again. Changed order: as above, rejected.
      if (checked.error) {
        await journal.settleOperation(db, row.id, ["in_flight"], {
          status: "pending_approval",
          startedAt: null,
          decidedById: null,
          decidedByName: null,
          decidedAt: null,
          decisionNote: null,
        });
        return { ok: false, failure: skippayFailure(checked.error) };
      }
      return changed(checked.current ?? current, "in_flight");
    }
    return execute(claimed.row, checked.current, planned.plan);
  }

  async function entries(applicationId: string): Promise<JournalEntry[]> {
    return (await journal.operationsFor(db, applicationId)).map(journal.toEntry);
  }

  async function pendingApprovals(): Promise<JournalEntry[]> {
    return (await journal.pendingApprovals(db)).map(journal.toEntry);
  }

  return { submit, decide, resolve, reconcile, settleDue, readApplication, entries, pendingApprovals };
}

export type Operations = ReturnType<typeof createOperations>;
