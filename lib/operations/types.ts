// The journal as the UI sees it (isomorphic types; the journal itself is lib/operations/journal.ts).
import type { OperationAnswer, OperationError } from "@/lib/db/schema";
import type { OrderBasis } from "@/lib/orders/basis";
import type { OperationRequest } from "@/lib/orders/forms/submission";
import type { OrderChange } from "@/lib/orders/outcome";
import type { IntentKind, Operation, Plan } from "@/lib/orders/plan-types";
import type { ApplicationState, OrderState, StateReason } from "@/lib/skippay/schemas";

export type OperationStatus =
  | "pending_approval"
  | "rejected"
  | "in_flight"
  | "succeeded"
  | "failed"
  | "unknown"
  | "needs_review"
  | "needs_reconfirmation"
  | "withdrawn";

export interface JournalEntry {
  id: string;
  applicationId: string;
  orderNumber: string | null;
  actorId: string;
  actorName: string;
  intent: IntentKind;
  endpoint: Operation;
  /** Staff's reason (cancel, return, refund), Skip Pay's (cancelling the application), or none (send, deliver). */
  reason: OperationRequest["reason"];
  note: string;
  refund: number;
  cancelledValue: number;
  totalBefore: number;
  totalExpected: number;
  totalAfter: number | null;
  body: Plan["body"];
  /**
   * What the operation moved, line by line: the line's key and name, thousandths, into which state (the type
   * tells goods from fees).
   */
  items: { key: string; name: string; quantity: number; type: string | null; to: OrderState }[];
  /** The application's state when the operation was planned. */
  stateBefore: ApplicationState;
  status: OperationStatus;
  approvalRequired: boolean;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  /** What the requester had refunded here without approval before asking (the approval rule's figures). */
  earlierRefunds: number;
  /** Needs re-confirmation: what changed in the order since the request, and who changed it. */
  orderChange: OrderChange | null;
  /** Needs re-confirmation: the request as it was asked, to open it again as its form (replanForm). */
  request: OperationRequest | null;
  /** Skip Pay's answer: the application's state, substate and total after the call. */
  response: OperationAnswer | null;
  /** Why the call failed: the client's error kind, HTTP status, Skip Pay's message and whether it may have applied. */
  error: OperationError | null;
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

/** A request in the approval queue, with what a supervisor decides on. */
export interface ApprovalCard {
  entry: JournalEntry;
  /** The plan as requested: items, refund, VAT per rate, expected states, the exact request. */
  plan: Plan;
  customerName: string | null;
  /** The order's total now (as the admin last read it) and as financed. */
  total: number | null;
  originalTotal: number | null;
  /** The total now is not the one the request was planned on: approving would send it back to its agent. */
  changedSinceAsked: boolean;
  /** What operations here refunded on the order before this request. */
  refundedBefore: number;
  /** The application's states now (as last read), to show current → expected. */
  current: { id: string; state: ApplicationState; stateReason: StateReason; order: { state: OrderState } };
}

/** A note on the timeline that is not an operation: staff checked a difference in the total. */
export interface TimelineNote {
  id: string;
  applicationId: string;
  kind: "drift_checked";
  actorId: string;
  actorName: string;
  drift: number;
  total: number;
  note: string;
  createdAt: string;
}

/** The operation holding the application: in flight, or of unknown outcome. */
export const activeEntry = (entries: readonly JournalEntry[]) =>
  entries.find((e) => e.status === "in_flight" || e.status === "unknown") ?? null;

/** An operation whose outcome a supervisor must record. */
export const unclearEntry = (entries: readonly JournalEntry[]) =>
  entries.find((e) => e.status === "needs_review") ?? null;

/** When the active operation lets go of the application at the latest (its lease), in ms since the epoch. */
export const lockEndsAt = (entry: JournalEntry, leaseMs: number) =>
  new Date(entry.startedAt ?? entry.createdAt).getTime() + leaseMs;

/** How often the order page reads the journal again: often while an operation is being settled. */
export const journalRefreshMs = (entries: readonly JournalEntry[]) => (activeEntry(entries) ? 3_000 : false);
