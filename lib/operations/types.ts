// The journal as the UI sees it (isomorphic types; the journal itself is lib/operations/journal.ts).
import type { OperationReason } from "@/lib/orders/operation-form";
import type { IntentKind, Operation } from "@/lib/orders/planner";

export type OperationStatus =
  | "pending_approval"
  | "rejected"
  | "in_flight"
  | "succeeded"
  | "failed"
  | "unknown";

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
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
