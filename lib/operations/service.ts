// The operations service: every staff operation, exactly once, with its journal. Wired from its parts —
// ./submit (a confirmation), ./approvals (four eyes), ./reconcile (unclear outcomes), ./execute (the Skip Pay
// call) — over one set of dependencies. Server-only.
import "server-only";
import type { Later } from "@/lib/applications/read";
import { createApprovals } from "./approvals";
import { createExecute } from "./execute";
import * as journal from "./journal";
import { kitOf, type OperationsDeps } from "./kit";
import { notesFor } from "./notes";
import { createReconcile } from "./reconcile";
import { createSubmit } from "./submit";
import type { JournalEntry } from "./types";

export type { Actor, OperationsDeps } from "./kit";
export { skippayFailure } from "./kit";
export type { Submission } from "./submit";

export function createOperations(deps: OperationsDeps) {
  const kit = kitOf(deps);
  const reconcile = createReconcile(kit);
  const execute = createExecute(kit, reconcile);
  const { submit } = createSubmit(kit, reconcile, execute);
  const approvals = createApprovals(kit, reconcile, execute);

  async function entries(applicationId: string): Promise<JournalEntry[]> {
    return (await operationsOf(applicationId)).entries;
  }

  /** The journal's entries and the operation holding the lock, from one query: an order view needs both. */
  async function operationsOf(
    applicationId: string,
  ): Promise<{ entries: JournalEntry[]; active: journal.OperationRow | null }> {
    const rows = await journal.operationsFor(kit.db, applicationId);
    return { entries: rows.map(journal.toEntry), active: rows.find(journal.isActive) ?? null };
  }

  return {
    submit,
    decide: approvals.decide,
    withdraw: approvals.withdraw,
    resolve: reconcile.resolve,
    reconcile: reconcile.reconcile,
    settleDue: reconcile.settleDue,
    readApplication: (id: string, later?: Later) => kit.read(id, later),
    entries,
    operationsOf,
    notes: (applicationId: string) => notesFor(kit.db, applicationId),
    pendingApprovals: approvals.pendingApprovals,
    approvalQueue: approvals.approvalQueue,
    pendingCount: approvals.pendingCount,
    requestsOf: approvals.requestsOf,
    unseenDecisions: approvals.unseenDecisions,
    markDecisionsSeen: approvals.markDecisionsSeen,
    decisionBy: approvals.decisionBy,
    db: kit.db,
  };
}

export type Operations = ReturnType<typeof createOperations>;
