// The journal as the UI sees it (isomorphic types; the journal itself is lib/operations/journal.ts).
import type { OrderBasis } from "@/lib/orders/basis";
import type { OperationReason } from "@/lib/orders/operation-form";
import type { IntentKind, Operation } from "@/lib/orders/planner";

export type OperationStatus =
  | "pending_approval"
  | "rejected"
  | "in_flight"
  | "succeeded"
  | "failed"
  | "unknown"
  | "needs_review";

export interface JournalEntry {
  id: string;
  applicationId: string;
  orderNumber: string | null;
  actorId: string;
  actorName: string;
  intent: IntentKind;
  endpoint: Operation;
  reason: OperationReason;
  note: string;
  refund: number;
  cancelledValue: number;
  totalBefore: number;
  totalExpected: number;
  totalAfter: number | null;
  body: unknown;
  status: OperationStatus;
  approvalRequired: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** Skip Pay's answer: the application's state, substate and total after the call. */
  response: { state: string; stateReason: string; total: number } | null;
  /** Why the call failed: the client's error kind, HTTP status, Skip Pay's message and whether it may have applied. */
  error: { kind: string; status?: number; message: string; applied: "no" | "unknown" } | null;
  ticketId: string | null;
  reconciliation: "applied" | "not_applied" | null;
  /** What the order was, what the operation meant it to become, and what it was when its outcome stayed unclear. */
  evidence: { before: OrderBasis; expected: OrderBasis; seen: OrderBasis | null } | null;
  /** Who recorded the outcome of an unclear operation, when, and why. */
  resolvedByName: string | null;
  resolvedAt: string | null;
  resolutionNote: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
