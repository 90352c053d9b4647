// Reconciliation: the applications whose Skip Pay total (the admin's index, as last read) differs from what this
// admin's journal recorded — financed, less what went through here cancelled, returned and refunded; the same sum
// as the order page's ledger (lib/orders/ledger.ts), over every application at once (kept per application by the
// database: see `differing`).
import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applicationNotes, applications, operations } from "@/lib/db/schema";

/**
 * Why an application may differ, as far as this admin can tell:
 * - `checked`: staff checked this very difference (at this total) and recorded it as a change made outside;
 * - `unsettled`: an operation made here has an unclear outcome (in flight, unknown, or waiting for a supervisor's
 *   review) — re-reading settles it when Skip Pay's answer shows the change;
 * - `outside`: Skip Pay's total was read after the last operation here finished, and every operation here is
 *   settled: the difference came from a change made outside this admin;
 * - `stale`: not read since the last operation here: re-read it before drawing conclusions.
 */
export type Explanation = "checked" | "unsettled" | "outside" | "stale";

export interface Mismatch {
  applicationId: string;
  orderNumber: string;
  /** Skip Pay's total as last read (minor units). */
  actual: number;
  /** What the journal says it should be. */
  expected: number;
  /** actual − expected */
  difference: number;
  /** The application's latest operation, whatever its outcome (null: none was made here). */
  lastOperation: { intent: string; status: string; at: Date; actorName: string } | null;
  /** Staff checked this very difference (at this total) and recorded it as a change made outside this admin. */
  checked: boolean;
  explanation: Explanation;
  /** When Skip Pay's total was last read (null: before the admin recorded read times). */
  readAt: Date | null;
}

export interface Reconciliation {
  /** The largest differences first, at most `limit`. */
  rows: Mismatch[];
  /** How many applications differ in all. */
  total: number;
}

/** Statuses whose outcome is not settled yet (see lib/db/schema.ts OPERATION_STATUSES). */
const UNSETTLED = sql.raw("('in_flight', 'unknown', 'needs_review')");

/**
 * The applications (all, or those in `ids`) whose indexed total differs from the journal's. The journal's sum per
 * application is kept in `applications.journal_taken` by a trigger (migration 0010), and the difference is the
 * expression `applications_journal_drift_idx` indexes: the few that differ are read from that index, not found by
 * summing the whole journal.
 */
function differing(ids?: readonly string[]) {
  const drift = sql`(${applications.totalAmount} - (${applications.originalTotalAmount} - ${applications.journalTaken}))`;
  const only = ids ? sql`and ${inArray(applications.id, [...ids])}` : sql``;
  return sql`d as (
      select ${applications.id} as id, ${applications.orderNumber} as order_number,
        ${applications.totalAmount} as actual,
        ${applications.originalTotalAmount} - ${applications.journalTaken} as expected,
        ${applications.readAt} as read_at
      from ${applications}
      where (${drift} < 0 or ${drift} > 0) ${only}
    )`;
}

/** Which of `ids` still differ from the journal (after a re-read). */
export async function stillDiffering(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const result = (await db.execute(sql`with ${differing(ids)} select id from d`)) as unknown as {
    rows: { id: string }[];
  };
  return new Set(result.rows.map((r) => String(r.id)));
}

export async function reconciliation(db: Db, limit = 50): Promise<Reconciliation> {
  const result = (await db.execute(sql`
    with ${differing()}, top as (
      select d.*, count(*) over () as total from d
      order by abs(d.actual - d.expected) desc, d.id
      limit ${limit}
    )
    select top.*, last.intent, last.status, last.at, last.actor_name,
      exists (
        select 1 from ${operations} u where u.application_id = top.id and u.status in ${UNSETTLED}
      ) as unsettled,
      exists (
        select 1 from ${applicationNotes} n
        where n.application_id = top.id and n.kind = 'drift_checked'
          and n.drift = top.actual - top.expected and n.total = top.actual
      ) as checked
    from top
    left join lateral (
      select o.intent, o.status, coalesce(o.finished_at, o.created_at) as at, o.actor_name
      from ${operations} o where o.application_id = top.id
      order by o.created_at desc, o.id desc limit 1
    ) last on true
    order by abs(top.actual - top.expected) desc, top.id`)) as unknown as { rows: Record<string, unknown>[] };
  const rows = result.rows.map((r): Mismatch => {
    const checked = bool(r.checked);
    const readAt = r.read_at == null ? null : new Date(r.read_at as string | Date);
    const last = r.at == null ? null : new Date(r.at as string | Date);
    const actual = Number(r.actual);
    const expected = Number(r.expected);
    return {
      applicationId: String(r.id),
      orderNumber: String(r.order_number),
      actual,
      expected,
      difference: actual - expected,
      lastOperation:
        r.intent == null
          ? null
          : {
              intent: String(r.intent),
              status: String(r.status),
              at: new Date(r.at as string | Date),
              actorName: String(r.actor_name),
            },
      checked,
      explanation: explain(checked, bool(r.unsettled), readAt, last),
      readAt,
    };
  });
  return { rows, total: Number(result.rows[0]?.total ?? 0) };
}

const bool = (v: unknown) => v === true || v === "t";

function explain(
  checked: boolean,
  unsettled: boolean,
  readAt: Date | null,
  lastAt: Date | null,
): Explanation {
  if (checked) return "checked";
  if (unsettled) return "unsettled";
  return readAt && (!lastAt || readAt >= lastAt) ? "outside" : "stale";
}
