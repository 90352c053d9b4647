// Four eyes: an agent's refund above their limit waits for a different supervisor, who approves it (it then runs
// on the order as it is now — if that is still the order it was asked on) or rejects it. Server-only.
import "server-only";
import { can } from "@/lib/auth/roles";
import { basisOf, diffBasis, sameBasis } from "@/lib/orders/basis";
import type { ApprovalResult as DecisionResult } from "@/lib/orders/outcome";
import { plan } from "@/lib/orders/planner";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import type { Execute } from "./execute";
import * as journal from "./journal";
import { type Actor, busy, type Kit, lineNames, skippayFailure } from "./kit";
import type { Reconcile } from "./reconcile";
import type { OperationStatus } from "./types";

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
      const diff = diffBasis(row.basisBefore, basisOf(fresh), lineNames(fresh));
      return { ok: false, failure: { kind: "stale", diff, changedBy: [] }, application: fresh };
    };
    if (decision === "reject") {
      const settled = await reject(note);
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

  async function pendingApprovals() {
    return (await journal.pendingApprovals(db)).map(journal.toEntry);
  }

  return { decide, pendingApprovals };
}
