// What an operation's server action returns, and the one table that tells staff, for every kind of failure,
// whether anything happened at Skip Pay and whether trying again is safe. Isomorphic and serializable.
import type { Applied, SkipPayErrorKind } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import type { BasisDiff } from "./basis";
import type { IntentKind, Plan, PlanIssue } from "./plan-types";

/** An operation made in this admin that changed an order: who, which, when. */
export interface ChangedBy {
  name: string;
  intent: IntentKind;
  at: string;
}

/** What changed in an order since someone planned on it, and which operations here did it (none: elsewhere). */
export interface OrderChange {
  diff: BasisDiff;
  changedBy: ChangedBy[];
}

export type OperationFailure =
  /** The submitted form did not validate; codes per field path. */
  | { kind: "invalid"; fieldErrors: Record<string, string[]> }
  /** On the order as Skip Pay has it now, the operation is not possible (the planner says why). */
  | { kind: "refused"; issues: PlanIssue[] }
  /** Skip Pay did not confirm the operation. */
  | {
      kind: "skippay";
      error: SkipPayErrorKind;
      applied: Applied;
      status?: number;
      /** Skip Pay's own message (not localized), for 400/422. */
      message: string;
      attribute?: string;
      ticketId?: string;
      retryAfterSeconds?: number;
    }
  /** Skip Pay does not know this application. */
  | { kind: "not_found" }
  /** No valid session (signed out, expired, disabled). */
  | { kind: "unauthenticated" }
  /** Signed in, but the role does not allow it. */
  | { kind: "forbidden" }
  /** Another operation on this application is in flight, or its outcome is still being checked. */
  | { kind: "busy"; by: string; intent: IntentKind; since: string; status: "in_flight" | "unknown" }
  /** The order changed since the page planned on it: what changed, and who did it (if it was done here). */
  | ({ kind: "stale" } & OrderChange)
  /** This confirmation was already sent and Skip Pay's answer is still being awaited or found out. */
  | {
      kind: "in_progress";
      operationId: string;
      intent: IntentKind;
      since: string;
      status: "in_flight" | "unknown";
    }
  /** The outcome stayed unclear; a supervisor checks the order and records what happened. */
  | { kind: "needs_review"; operationId: string; intent: IntentKind }
  /** A confirmation id made by someone else, or on another application: never theirs to learn about. */
  | { kind: "foreign_submission" }
  /** The order's total no longer differs as the page showed: nothing to record (the page re-reads). */
  | { kind: "drift_changed" }
  /** An approval decision on a request that is no longer waiting (decided already). */
  | { kind: "not_pending" }
  /** Four eyes: the person who asked cannot approve. */
  | { kind: "own_request" };

export interface OperationSuccess {
  ok: true;
  kind: "done";
  intent: IntentKind;
  operationId: string;
  /** The application as Skip Pay has it after the operation. */
  application: ApplicationResponse;
  /** What was planned and sent. */
  plan: Plan;
  /** Skip Pay's answer was lost, but re-reading the application showed the operation was applied. */
  recovered?: boolean;
}

/** Four eyes: the refund is above the agent's limit and waits for a supervisor. Nothing was sent. */
export interface OperationPending {
  ok: true;
  kind: "pending_approval";
  intent: IntentKind;
  operationId: string;
  plan: Plan;
  limit: number;
  /** What the requester refunded here earlier without approval; with this refund it makes `earlier + refund`. */
  earlier: number;
}

export type OperationResult =
  | OperationSuccess
  | OperationPending
  | {
      ok: false;
      failure: OperationFailure;
      application?: ApplicationResponse;
      /** The journalled operation this answer is about, when one was made (its outcome may still settle). */
      operationId?: string;
    };

/** A supervisor's record of what happened to an operation whose outcome stayed unclear. */
export type ResolveResult =
  | { ok: true; operationId: string; outcome: "applied" | "not_applied" }
  | { ok: false; failure: OperationFailure };

/** A supervisor's decision on an agent's request: its outcome once approved, or that it was rejected. */
export type ApprovalResult =
  | OperationResult
  | { ok: true; kind: "rejected"; operationId: string }
  /** Approved on an order that changed since the request: nothing sent, the request went back to its agent. */
  | ({
      ok: true;
      kind: "needs_reconfirmation";
      operationId: string;
      requestedBy: string;
      /** The order as it is now. */
      application: ApplicationResponse;
    } & OrderChange);

/** An agent withdrew their own request. */
export type WithdrawResult = { ok: true; operationId: string } | { ok: false; failure: OperationFailure };

/** A note staff add to the timeline (that they checked a difference in the total). */
export type NoteResult = { ok: true } | { ok: false; failure: OperationFailure };

/** The sandbox's approve/reject controls. */
export type SandboxDecisionResult =
  | { ok: true; application: ApplicationResponse }
  | { ok: false; failure: OperationFailure };

export type RetryAdvice =
  | "safe"
  | "after_fix"
  | "after_review"
  | "later"
  | "check_first"
  | "no_resend"
  | "no";

/**
 * Did anything happen, and may staff try again? "unknown" outcomes must be checked (the application re-read)
 * before anyone retries: Skip Pay has no idempotency key, so a blind retry could refund twice.
 */
export function verdict(failure: OperationFailure): { applied: Applied; retry: RetryAdvice } {
  switch (failure.kind) {
    case "invalid":
    case "refused":
      return { applied: "no", retry: "after_fix" };
    case "stale":
      return { applied: "no", retry: "after_review" };
    case "busy":
      return { applied: "no", retry: "later" };
    case "in_progress":
    case "needs_review":
      return { applied: "unknown", retry: "no_resend" };
    case "foreign_submission":
    case "drift_changed":
      return { applied: "no", retry: "no" };
    case "not_found":
    case "unauthenticated":
    case "forbidden":
    case "not_pending":
    case "own_request":
      return { applied: "no", retry: "no" };
    case "skippay":
      if (failure.applied === "unknown") return { applied: "unknown", retry: "check_first" };
      switch (failure.error) {
        case "invalid_request":
        case "not_supported":
          return { applied: "no", retry: "after_fix" };
        case "rate_limited":
          return { applied: "no", retry: "later" };
        case "network":
        case "unavailable":
        case "timeout":
          return { applied: "no", retry: "safe" };
        default:
          return { applied: "no", retry: "no" };
      }
  }
}

/** Merges an order operation's answer (order + applicationInfo) into the application it belongs to. */
export function withOrder(
  application: ApplicationResponse,
  answer: {
    applicationInfo: { state: ApplicationResponse["state"]; stateReason: ApplicationResponse["stateReason"] };
  } & ApplicationResponse["order"],
): ApplicationResponse {
  const { applicationInfo, ...order } = answer;
  return { ...application, state: applicationInfo.state, stateReason: applicationInfo.stateReason, order };
}
