// The operation journal's storage. Every operation is written here *before* Skip Pay is called; the database
// guarantees the two things exactly-once rests on: a submission id is used once (unique), and an application has at
// most one operation in flight or of unknown outcome (a partial unique index) — across every app instance.
import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, desc, eq, gt, inArray, isNotNull, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import type { JournalEntry, OperationStatus } from "./types";

export type OperationRow = typeof operations.$inferSelect;
export type NewOperation = Omit<typeof operations.$inferInsert, "id" | "createdAt">;

const ACTIVE: OperationStatus[] = ["in_flight", "unknown"];
/** An operation that has finished, in any way (what `finishedCount` and `lookBeforeRead` count). */
const FINISHED = isNotNull(operations.finishedAt);

/** Postgres' unique-violation, wherever the driver put it (pg, PGlite, wrapped by Drizzle). */
function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    if ((current as { code?: unknown }).code === "23505") return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export type BeginResult = { ok: true; row: OperationRow } | { ok: false; conflict: "submission" | "busy" };

/**
 * Records an operation. `in_flight` takes the application's lock: if another operation holds it the insert fails
 * and nothing is written. A submission id already used means the same confirmation arrived twice.
 */
export async function insertOperation(db: Db, values: NewOperation): Promise<BeginResult> {
  try {
    const [row] = await db
      .insert(operations)
      .values({ ...values, id: randomUUID() })
      .returning();
    return { ok: true, row: row as OperationRow };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, conflict: (await findBySubmission(db, values.submissionId)) ? "submission" : "busy" };
  }
}

/** Moves a pending (approved) operation into flight — only if it is still pending, and only if the lock is free. */
export async function claimPending(
  db: Db,
  id: string,
  patch: Partial<NewOperation>,
): Promise<{ ok: true; row: OperationRow } | { ok: false; conflict: "not_pending" | "busy" }> {
  try {
    const rows = await db
      .update(operations)
      .set({ ...patch, status: "in_flight", startedAt: new Date() })
      .where(and(eq(operations.id, id), eq(operations.status, "pending_approval")))
      .returning();
    return rows[0] ? { ok: true, row: rows[0] } : { ok: false, conflict: "not_pending" };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, conflict: "busy" };
  }
}

export async function updateOperation(
  db: Db,
  id: string,
  patch: Partial<NewOperation>,
): Promise<OperationRow> {
  const [row] = await db.update(operations).set(patch).where(eq(operations.id, id)).returning();
  if (!row) throw new Error(`operation ${id} vanished`);
  return row;
}

/** `updateOperation` as a CTE, to be made part of another statement (`upsertApplication`'s `alongside`). */
export function updatingOperation(db: Db, id: string, patch: Partial<NewOperation>) {
  return db
    .$with("updated_operation")
    .as(db.update(operations).set(patch).where(eq(operations.id, id)).returning({ id: operations.id }));
}

/** Settles an operation only if it is still in the given state (two reconcilers never both settle it). */
export async function settleOperation(
  db: Db,
  id: string,
  from: OperationStatus[],
  patch: Partial<NewOperation>,
): Promise<OperationRow | null> {
  const [row] = await db
    .update(operations)
    .set(patch)
    .where(and(eq(operations.id, id), inArray(operations.status, from)))
    .returning();
  return row ?? null;
}

export async function findOperation(db: Db, id: string): Promise<OperationRow | null> {
  const [row] = await db.select().from(operations).where(eq(operations.id, id));
  return row ?? null;
}

export async function findBySubmission(db: Db, submissionId: string): Promise<OperationRow | null> {
  const [row] = await db.select().from(operations).where(eq(operations.submissionId, submissionId));
  return row ?? null;
}

/** Whether an operation holds its application's lock (what `activeOperation` looks for). */
export function isActive(row: Pick<OperationRow, "status">): boolean {
  return ACTIVE.includes(row.status);
}

/** The operation holding an application's lock (in flight, or of unknown outcome), if any. */
export async function activeOperation(db: Db, applicationId: string): Promise<OperationRow | null> {
  const [row] = await db
    .select()
    .from(operations)
    .where(and(eq(operations.applicationId, applicationId), inArray(operations.status, ACTIVE)));
  return row ?? null;
}

/** An operation as the approval limit counts it (lib/auth/roles.ts `unapprovedRefunds`). */
export type RefundRow = Pick<OperationRow, "actorId" | "approvalRequired" | "status" | "refund">;

/** What a submission needs to know before the order is read, in one query (see `lookBeforeRead`). */
export interface BeforeRead {
  /** The operation this very submission already made (a double click, a retry), if any. */
  same: OperationRow | null;
  /** The operation holding the application's lock, if any. */
  active: OperationRow | null;
  /** How many of the application's operations have finished (in any way); see `finishedCount`. */
  finished: number;
  /** The submitting staff member's operations on the application, for their approval limit. */
  mine: RefundRow[];
}

/**
 * Everything a submission asks the journal before it reads the order, in one round trip: its own earlier
 * operation, the lock's holder, `finishedCount`, and (when `actorId` is given) that person's operations here. The
 * counts are the left side of a left join, so they come back when no operation matches.
 */
export async function lookBeforeRead(
  db: Db,
  applicationId: string,
  submissionId: string,
  actorId: string | null,
): Promise<BeforeRead> {
  const mine = actorId
    ? sql`coalesce(json_agg(json_build_object('actorId', ${operations.actorId}, 'approvalRequired', ${operations.approvalRequired}, 'status', ${operations.status}, 'refund', ${operations.refund})) filter (where ${eq(operations.actorId, actorId)}), '[]'::json)`
    : sql`'[]'::json`;
  const rows = await db
    .select({
      finished: sql<number>`counted.finished`.mapWith(Number),
      mine: sql<RefundRow[]>`counted.mine`,
      operation: operations,
    })
    .from(
      sql`(select count(*) filter (where ${FINISHED}) as finished, ${mine} as mine
           from ${operations} where ${eq(operations.applicationId, applicationId)}) as counted`,
    )
    .leftJoin(
      operations,
      or(
        eq(operations.submissionId, submissionId),
        and(eq(operations.applicationId, applicationId), inArray(operations.status, ACTIVE)),
      ),
    );
  const found = rows.flatMap((r) => (r.operation ? [r.operation] : []));
  return {
    same: found.find((o) => o.submissionId === submissionId) ?? null,
    active:
      found.find((o) => o.applicationId === applicationId && ACTIVE.includes(o.status as OperationStatus)) ??
      null,
    finished: rows[0]?.finished ?? 0,
    mine: rows[0]?.mine ?? [],
  };
}

/**
 * Applications with an operation to settle: of unknown outcome, or in flight since before `abandonedBefore` (its
 * caller vanished). Found by the status index: there are only ever a few.
 */
export async function applicationsToSettle(db: Db, abandonedBefore: Date): Promise<string[]> {
  const rows = await db
    .selectDistinct({ applicationId: operations.applicationId })
    .from(operations)
    .where(
      or(
        eq(operations.status, "unknown"),
        and(eq(operations.status, "in_flight"), lt(operations.startedAt, abandonedBefore)),
      ),
    );
  return rows.map((r) => r.applicationId);
}

/** In-flight operations whose caller vanished (crashed, killed) long ago: their outcome is unknown. */
export async function expireAbandoned(db: Db, applicationId: string, olderThan: Date): Promise<void> {
  await db
    .update(operations)
    .set({ status: "unknown" })
    .where(
      and(
        eq(operations.applicationId, applicationId),
        eq(operations.status, "in_flight"),
        lt(operations.startedAt, olderThan),
      ),
    );
}

export async function operationsFor(db: Db, applicationId: string): Promise<OperationRow[]> {
  return db
    .select()
    .from(operations)
    .where(eq(operations.applicationId, applicationId))
    .orderBy(desc(operations.createdAt));
}

/** Operations on an application that finished after a moment (who changed the order since a page loaded?). */
export async function finishedSince(db: Db, applicationId: string, since: Date): Promise<OperationRow[]> {
  return db
    .select()
    .from(operations)
    .where(
      and(
        eq(operations.applicationId, applicationId),
        eq(operations.status, "succeeded"),
        gt(operations.finishedAt, since),
      ),
    )
    .orderBy(asc(operations.finishedAt));
}

/**
 * How many of the application's operations have finished (in any way). Counted before the order is read and again
 * once the lock is held: a difference means an operation finished in between and may have changed the order after
 * the read. A count of rows, not a clock: app instances' clocks need not agree.
 */
export async function finishedCount(db: Db, applicationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(operations)
    .where(and(eq(operations.applicationId, applicationId), FINISHED));
  return row?.n ?? 0;
}

/** Removes an operation that took the lock but was never sent (the order changed under it): nothing happened. */
export async function discardUnsent(db: Db, id: string): Promise<void> {
  await db.delete(operations).where(and(eq(operations.id, id), eq(operations.status, "in_flight")));
}

export async function pendingApprovals(db: Db): Promise<OperationRow[]> {
  return db
    .select()
    .from(operations)
    .where(eq(operations.status, "pending_approval"))
    .orderBy(asc(operations.createdAt));
}

/** A person's requests for approval (any outcome), newest first. */
export async function requestsBy(db: Db, actorId: string, limit = 100): Promise<OperationRow[]> {
  return db
    .select()
    .from(operations)
    .where(and(eq(operations.actorId, actorId), eq(operations.approvalRequired, true)))
    .orderBy(desc(operations.createdAt))
    .limit(limit);
}

/**
 * Decisions on a person's requests they have not been shown yet, marked shown in the same statement: two tabs
 * opening at once show each decision once between them.
 */
const unseen = (actorId: string) =>
  and(
    eq(operations.actorId, actorId),
    eq(operations.approvalRequired, true),
    isNotNull(operations.decidedAt),
    isNull(operations.decisionSeenAt),
    sql`${operations.status} not in ('pending_approval', 'in_flight', 'withdrawn')`,
  );

/** Decisions on a person's requests they have not seen yet. Reading them marks nothing: see markDecisionsSeen. */
export async function unseenDecisions(db: Db, actorId: string): Promise<OperationRow[]> {
  return db.select().from(operations).where(unseen(actorId)).orderBy(asc(operations.decidedAt));
}

/** Marks decisions seen once they reached the person's screen (their own only); returns the ids it marked. */
export async function markDecisionsSeen(db: Db, actorId: string, ids: string[], at: Date): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .update(operations)
    .set({ decisionSeenAt: at })
    .where(and(unseen(actorId), inArray(operations.id, ids)))
    .returning({ id: operations.id });
  return rows.map((r) => r.id);
}

/** A person's request sent back for re-confirmation, closed because they planned it again (their own, here). */
export async function closeReplaced(
  db: Db,
  id: string,
  actorId: string,
  applicationId: string,
  at: Date,
): Promise<void> {
  await db
    .update(operations)
    .set({ status: "withdrawn", finishedAt: at, decisionSeenAt: at })
    .where(
      and(
        eq(operations.id, id),
        eq(operations.actorId, actorId),
        eq(operations.applicationId, applicationId),
        eq(operations.status, "needs_reconfirmation"),
      ),
    );
}

/** A request waiting for approval with what a supervisor decides on: the order as the admin's index last saw it. */
export interface PendingWithContext {
  row: OperationRow;
  indexed: {
    customerName: string | null;
    total: number;
    originalTotal: number;
    state: string;
    stateReason: string;
    orderState: string | null;
  } | null;
  /** What operations here refunded on the application before (they went through). */
  refundedBefore: number;
}

/** The approval queue: each waiting request, its application from the index, and what was refunded here before. */
export async function pendingWithContext(db: Db): Promise<PendingWithContext[]> {
  const refunded = sql<number>`(select coalesce(sum(o2.refund), 0) from ${operations} o2
    where o2.application_id = ${operations.applicationId} and o2.status = 'succeeded')`.mapWith(Number);
  const rows = await db
    .select({
      row: operations,
      customerName: applications.customerName,
      total: applications.totalAmount,
      originalTotal: applications.originalTotalAmount,
      state: applications.state,
      stateReason: applications.stateReason,
      orderState: applications.orderState,
      refundedBefore: refunded,
    })
    .from(operations)
    .leftJoin(applications, eq(applications.id, operations.applicationId))
    .where(eq(operations.status, "pending_approval"))
    .orderBy(asc(operations.createdAt));
  return rows.map((r) => ({
    row: r.row,
    indexed:
      r.total === null || r.state === null || r.stateReason === null || r.originalTotal === null
        ? null
        : {
            customerName: r.customerName,
            total: r.total,
            originalTotal: r.originalTotal,
            state: r.state,
            stateReason: r.stateReason,
            orderState: r.orderState,
          },
    refundedBefore: r.refundedBefore,
  }));
}

export async function countPendingApprovals(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(operations)
    .where(eq(operations.status, "pending_approval"));
  return Number(row?.n ?? 0);
}

export function toEntry(row: OperationRow): JournalEntry {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: row.id,
    applicationId: row.applicationId,
    orderNumber: row.orderNumber,
    actorId: row.actorId,
    actorName: row.actorName,
    intent: row.intent,
    endpoint: row.endpoint,
    reason: row.reason,
    note: row.note,
    refund: row.refund,
    cancelledValue: row.cancelledValue,
    totalBefore: row.totalBefore,
    totalExpected: row.totalExpected,
    totalAfter: row.totalAfter,
    body: row.body,
    items: row.plan.changes.map((c) => ({
      key: c.key,
      name: c.name,
      quantity: c.quantity,
      type: c.type ?? null,
      to: c.to,
    })),
    stateBefore: row.basisBefore.state,
    status: row.status,
    approvalRequired: row.approvalRequired,
    decidedByName: row.decidedByName,
    decidedAt: iso(row.decidedAt),
    decisionNote: row.decisionNote,
    earlierRefunds: row.earlierRefunds,
    orderChange: row.orderChange,
    // Only where its agent plans it again (replanForm): the request as it was asked.
    request: row.status === "needs_reconfirmation" ? row.request : null,
    response: row.response,
    error: row.error,
    ticketId: row.ticketId,
    reconciliation: row.reconciliation,
    // Only where a person needs it: the evidence is three copies of every line's quantities.
    evidence:
      row.status === "needs_review" || row.resolvedAt
        ? { before: row.basisBefore, expected: row.basisExpected, seen: row.basisSeen }
        : null,
    resolvedByName: row.resolvedByName,
    resolvedAt: iso(row.resolvedAt),
    resolutionNote: row.resolutionNote,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
  };
}
