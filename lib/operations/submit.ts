// A staff member's confirmation, exactly once:
//   authorize → (same submission? its outcome) → settle any unclear earlier operation → lock free? → re-read the
//   application → the order unchanged since the page planned on it? → plan → four eyes? → journal (takes the lock)
//   → did another operation finish since that read? then read again under the lock, and stop if the order changed
//   → call Skip Pay → record the answer → when the outcome is unclear, re-read and settle it.
// The database enforces one submission = one row and one active operation per application, so no double click,
// second tab, second agent or second app instance can make Skip Pay act twice. Server-only.
import "server-only";
import { can, needsApproval, unapprovedRefunds } from "@/lib/auth/roles";
import { basisOf, expectedBasis, type OrderBasis, sameBasis } from "@/lib/orders/basis";
import type { OperationRequest } from "@/lib/orders/forms/submission";
import type { OperationResult } from "@/lib/orders/outcome";
import { plan } from "@/lib/orders/planner";
import type { Execute } from "./execute";
import * as journal from "./journal";
import { type Actor, busy, type Kit, skippayFailure } from "./kit";
import type { Reconcile } from "./reconcile";

export interface Submission {
  request: OperationRequest;
  basis: OrderBasis;
  loadedAt: string;
  submissionId: string;
  /** This person's request sent back for re-confirmation that this confirmation plans again. */
  replaces?: string;
}

export function createSubmit(kit: Kit, reconcile: Reconcile, send: Execute) {
  const { db, now } = kit;

  /** The outcome of an operation already in the journal (a repeated submission gets the same answer, at once). */
  async function outcomeOf(row: journal.OperationRow): Promise<OperationResult> {
    const p = row.plan;
    switch (row.status) {
      case "in_flight":
      case "unknown":
        // Still with Skip Pay, or its outcome being found out: say so; the page watches the journal.
        return {
          ok: false,
          failure: {
            kind: "in_progress",
            operationId: row.id,
            intent: p.intent,
            since: (row.startedAt ?? row.createdAt).toISOString(),
            status: row.status,
          },
        };
      case "needs_review":
        return { ok: false, failure: { kind: "needs_review", operationId: row.id, intent: p.intent } };
      case "pending_approval":
        return {
          ok: true,
          kind: "pending_approval",
          intent: p.intent,
          operationId: row.id,
          plan: p,
          limit: kit.approvalLimit,
          earlier: row.earlierRefunds,
        };
      case "rejected":
      case "needs_reconfirmation":
      case "withdrawn":
        return { ok: false, failure: { kind: "not_pending" } };
      case "succeeded": {
        const read = await kit.read(row.applicationId);
        if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
        return {
          ok: true,
          kind: "done",
          intent: p.intent,
          operationId: row.id,
          application: read.value,
          plan: p,
          ...(row.reconciliation === "applied" ? { recovered: true } : {}),
        };
      }
      case "failed": {
        // Failed, or found not applied once its outcome was settled: nothing happened at Skip Pay.
        const error = row.error;
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
    }
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
        await reconcile.settle(looked.same.applicationId, undefined, looked.active);
        return (await same()) ?? answer(looked.same);
      }
      return answer(looked.same);
    }
    const { active } = await reconcile.settle(request.applicationId, undefined, looked.active);
    // A twin submission may have taken the lock a moment ago: then this is its outcome, not "busy".
    if (active) return (await same()) ?? busy(active);
    const finishedBefore = looked.finished;

    const read = await kit.read(request.applicationId);
    if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
    const current = read.value;
    const before = basisOf(current);
    if (!sameBasis(before, submission.basis)) {
      // The order changed: maybe because a twin of this very submission just went through.
      return (await same()) ?? send.staleFailure(submission.basis, current, submission.loadedAt);
    }

    const planned = plan({ order: current.order, application: current }, request.intent);
    if (!planned.ok)
      return { ok: false, failure: { kind: "refused", issues: planned.issues }, application: current };
    const p = planned.plan;

    // The limit covers what this person already refunded here unapproved (no splitting a refund into small ones).
    const earlier = p.refund > 0 && limited ? unapprovedRefunds(looked.mine, actor.id) : 0;
    const approval = needsApproval(actor.role, p.refund, kit.approvalLimit, earlier);
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
      earlierRefunds: earlier,
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
    // Planned again from a request that went back to this person: that request is done with.
    if (submission.replaces)
      await journal.closeReplaced(db, submission.replaces, actor.id, current.id, now());
    if (approval) {
      return {
        ok: true,
        kind: "pending_approval",
        intent: p.intent,
        operationId: inserted.row.id,
        plan: p,
        limit: kit.approvalLimit,
        earlier,
      };
    }
    const checked = await send.recheck(finishedBefore, current, before);
    if (!checked.ok) {
      // Never sent: the row goes, and the staff member sees what changed (or why the order could not be read).
      await journal.discardUnsent(db, inserted.row.id);
      if (checked.error) return { ok: false, failure: skippayFailure(checked.error) };
      return send.staleFailure(submission.basis, checked.current ?? current, submission.loadedAt);
    }
    return send.execute(inserted.row, checked.current, p);
  }

  return { submit };
}
