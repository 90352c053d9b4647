// What every part of the operations service shares: its dependencies, reading an application, and how an outcome
// reads to staff. Server-only.
import "server-only";
import { type Later, readApplication } from "@/lib/applications/read";
import type { Staff } from "@/lib/auth/session";
import type { Db } from "@/lib/db/client";
import type { OperationAnswer } from "@/lib/db/schema";
import { orderView } from "@/lib/orders/lines";
import type { OperationFailure, OperationResult } from "@/lib/orders/outcome";
import type { SkipPayClient } from "@/lib/skippay/client";
import { type SkipPayError, type SkipPayResult, ticketIdOf } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import type { OperationRow } from "./journal";

export type Actor = Pick<Staff, "id" | "name" | "role">;

export interface OperationsDeps {
  db: Db;
  client: SkipPayClient;
  /** An agent's refund above this (minor units) waits for a supervisor. */
  approvalLimit: number;
  /**
   * After this long an in-flight call is considered abandoned (its process died): its outcome becomes unknown. An
   * unknown outcome is settled as "not applied", or handed to a supervisor, only after this long too.
   */
  leaseMs: number;
  now?: () => Date;
}

export interface Kit extends OperationsDeps {
  now: () => Date;
  read: (id: string, later?: Later) => Promise<SkipPayResult<ApplicationResponse>>;
}

export function kitOf(deps: OperationsDeps): Kit {
  const now = deps.now ?? (() => new Date());
  return { ...deps, now, read: (id, later) => readApplication(deps.db, deps.client, id, { now, later }) };
}

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

/** Line names by key, for telling staff which lines changed. */
export function lineNames(app: ApplicationResponse): Record<string, string> {
  return Object.fromEntries(orderView(app.order).lines.map((l) => [l.key, l.name]));
}

/** What the journal keeps of Skip Pay's answer. */
export function summary(app: ApplicationResponse): OperationAnswer {
  return { state: app.state, stateReason: app.stateReason, total: app.order.totalPrice.amount };
}

/** Another operation holds the application. */
export function busy(row: OperationRow): OperationResult {
  return {
    ok: false,
    failure: {
      kind: "busy",
      by: row.actorName,
      intent: row.intent,
      since: (row.startedAt ?? row.createdAt).toISOString(),
      status: row.status === "unknown" ? "unknown" : "in_flight",
    },
  };
}
