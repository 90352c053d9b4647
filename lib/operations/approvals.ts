// Four eyes: an agent's refund above their limit waits for a different supervisor, who approves it (it then runs
// on the order as it is now — if that is still the order it was asked on) or rejects it. Server-only.
import "server-only";
import { can } from "@/lib/auth/roles";
import { basisOf, diffBasis, sameBasis } from "@/lib/orders/basis";
import type { ApprovalResult as DecisionResult, OrderChange, WithdrawResult } from "@/lib/orders/outcome";
import { plan } from "@/lib/orders/planner";
import type { ApplicationResponse, ApplicationState, OrderState, StateReason } from "@/lib/skippay/schemas";
import type { Execute } from "./execute";
import * as journal from "./journal";
import { type Actor, busy, type Kit, lineNames, skippayFailure } from "./kit";
import type { Reconcile } from "./reconcile";
import type { ApprovalCard, OperationStatus } from "./types";

/** How long after a decision the approvals page still confirms it to the supervisor who made it. */
export const DECISION_CONFIRMED_MS = 60 * 60 * 1000;

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

export function createApprovals(kit: Kit, reconcile: Reconcile, send: Execute) {
  const { db, now } = kit;

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

    // The approval is for the request as it was made: if the order changed since, it is no longer the same decision.
    // Nothing is sent; the request goes back to its agent with what changed and which operations here changed it
    // (none: it was changed outside this admin), to plan again on the order as it is now.
    const changed = async (
      fresh: ApplicationResponse,
      from: OperationStatus = "pending_approval",
    ): Promise<DecisionResult> => {
      const orderChange: OrderChange = {
        diff: diffBasis(row.basisBefore, basisOf(fresh), lineNames(fresh)),
        changedBy: (await journal.finishedSince(db, row.applicationId, row.createdAt)).map((op) => ({
          name: op.actorName,
          intent: op.intent,
          at: (op.finishedAt ?? op.createdAt).toISOString(),
        })),
      };
      const settled = await journal.settleOperation(db, row.id, [from], {
        ...decided,
        status: "needs_reconfirmation",
        orderChange,
        startedAt: null,
        finishedAt: now(),
      });
      if (!settled) return { ok: false, failure: { kind: "not_pending" } };
      return {
        ok: true,
        kind: "needs_reconfirmation",
        operationId: row.id,
        requestedBy: row.actorName,
        application: fresh,
        ...orderChange,
      };
    };
    if (decision === "reject") {
      const settled = await journal.settleOperation(db, row.id, ["pending_approval"], {
        ...decided,
        status: "rejected",
        finishedAt: now(),
      });
      return settled
        ? { ok: true, kind: "rejected", operationId: row.id }
        : { ok: false, failure: { kind: "not_pending" } };
    }

    const { active } = await reconcile.settle(row.applicationId);
    if (active) return busy(active);
    const finishedBefore = await journal.finishedCount(db, row.applicationId);
    const read = await kit.read(row.applicationId);
    if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
    const current = read.value;
    const before = basisOf(current);
    const planned = plan({ order: current.order, application: current }, row.request.intent);
    if (
      !sameBasis(before, row.basisBefore) ||
      !planned.ok ||
      canonical(planned.plan.body) !== canonical(row.body)
    )
      return changed(current);
    const claimed = await journal.claimPending(db, row.id, decided);
    if (!claimed.ok) {
      if (claimed.conflict === "busy") {
        const holder = await journal.activeOperation(db, row.applicationId);
        if (holder) return busy(holder);
      }
      return { ok: false, failure: { kind: "not_pending" } };
    }
    const checked = await send.recheck(finishedBefore, current, before);
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
    return send.execute(claimed.row, checked.current, planned.plan);
  }

  /** The agent takes back their own request: still waiting, or sent back to them to confirm again. */
  async function withdraw(actor: Actor, operationId: string): Promise<WithdrawResult> {
    if (!can(actor.role, "operate")) return { ok: false, failure: { kind: "forbidden" } };
    const row = await journal.findOperation(db, operationId);
    // Someone else's request is not theirs to learn about.
    if (!row || row.actorId !== actor.id) return { ok: false, failure: { kind: "foreign_submission" } };
    const settled = await journal.settleOperation(db, row.id, ["pending_approval", "needs_reconfirmation"], {
      status: "withdrawn",
      finishedAt: now(),
      decisionSeenAt: now(),
    });
    return settled ? { ok: true, operationId: row.id } : { ok: false, failure: { kind: "not_pending" } };
  }

  async function pendingApprovals() {
    return (await journal.pendingApprovals(db)).map(journal.toEntry);
  }

  /** The approval queue with each request's context (the index's view of the order; no Skip Pay call per card). */
  async function approvalQueue(): Promise<ApprovalCard[]> {
    return (await journal.pendingWithContext(db)).map(({ row, indexed, refundedBefore }) => ({
      entry: journal.toEntry(row),
      plan: row.plan,
      customerName: indexed?.customerName ?? null,
      total: indexed?.total ?? null,
      originalTotal: indexed?.originalTotal ?? null,
      changedSinceAsked: indexed != null && indexed.total !== row.totalBefore,
      refundedBefore,
      current: {
        id: row.applicationId,
        state: (indexed?.state ?? row.basisBefore.state) as ApplicationState,
        stateReason: (indexed?.stateReason ?? row.basisBefore.stateReason) as StateReason,
        order: { state: (indexed?.orderState ?? row.plan.expected.orderState) as OrderState },
      },
    }));
  }

  /** A person's requests for approval, newest first. */
  async function requestsOf(actorId: string) {
    return (await journal.requestsBy(db, actorId)).map(journal.toEntry);
  }

  /** Decisions on a person's requests they have not been shown yet — marked shown by this call (a one-time notice). */
  async function unseenDecisions(actorId: string) {
    return (await journal.unseenDecisions(db, actorId)).map(journal.toEntry);
  }

  /**
   * A decision this supervisor made within the last hour, for the approvals page to confirm: the page's URL carries
   * its id, so the confirmation survives a reload or a language switch — and is gone once dismissed or stale.
   */
  async function decisionBy(actorId: string, operationId: string) {
    const row = await journal.findOperation(db, operationId);
    if (!row || row.decidedById !== actorId || !row.decidedAt) return null;
    if (now().getTime() - row.decidedAt.getTime() > DECISION_CONFIRMED_MS) return null;
    return journal.toEntry(row);
  }

  const markDecisionsSeen = (actorId: string, ids: string[]) =>
    journal.markDecisionsSeen(db, actorId, ids, now());

  return {
    decide,
    withdraw,
    pendingApprovals,
    approvalQueue,
    requestsOf,
    unseenDecisions,
    markDecisionsSeen,
    decisionBy,
    pendingCount: () => journal.countPendingApprovals(db),
  };
}
