// Reports over the operation journal: what was cancelled, returned and refunded in a range of Prague days, in
// total, split by operation, reason, staff member and financing type, and per day or week. Only operations that
// went through at Skip Pay count, on the day they finished. One statement (grouping sets) reads the range once.
import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import { type Bucket, bucketStarts, type DayRange, type Dimension } from "./range";

export interface Figures {
  /** Value of goods cancelled (minor units). */
  cancelled: number;
  /** Refunded for returned goods (minor units). */
  returned: number;
  /** Amount-only refunds (minor units). */
  refunded: number;
  /** Operations that went through. */
  count: number;
}

export interface SplitRow extends Figures {
  /** The split's value: an intent, a reason ("" = none), a staff member's id, a financing type ("" = unknown). */
  key: string;
  /** What the row is called (a staff member's name; otherwise the key, which the page translates). */
  label: string;
}

export interface BucketRow extends Figures {
  /** The bucket's first day (YYYY-MM-DD, Prague). */
  start: string;
}

export interface Report {
  totals: Figures;
  splits: Record<Dimension, SplitRow[]>;
  series: BucketRow[];
}

export const ZERO: Figures = { cancelled: 0, returned: 0, refunded: 0, count: 0 };

/** The journal rows a report counts: succeeded, finished within the days (bounds are constants to the planner). */
export function inRange(range: DayRange) {
  return sql`${operations.status} = 'succeeded'
    and ${operations.finishedAt} >= (${range.from}::date)::timestamp at time zone 'Europe/Prague'
    and ${operations.finishedAt} < (${range.to}::date + 1)::timestamp at time zone 'Europe/Prague'`;
}

type Raw = Record<string, unknown>;
const figures = (r: Raw): Figures => ({
  cancelled: Number(r.cancelled ?? 0),
  returned: Number(r.returned ?? 0),
  refunded: Number(r.refunded ?? 0),
  count: Number(r.n ?? 0),
});

/**
 * Memory for the statement's sorts and hash tables: a month of a busy shop's journal (≈ 50k operations) spilled to
 * disk under PostgreSQL's default 4 MB (bench R23); set for the report's own transaction only.
 */
const REPORT_WORK_MEM = "32MB";

export async function report(db: Db, range: DayRange, bucket: Bucket): Promise<Report> {
  const unit = sql.raw(bucket === "day" ? "'day'" : "'week'");
  // The bucket is grouped as a date and written as text only for the few rows that come out (not per operation).
  const statement = sql`
    with r as (
      select ${operations.intent} as intent,
        coalesce(${operations.reason}, '') as reason,
        ${operations.actorId} as actor_id,
        ${operations.actorName} as actor_name,
        coalesce(${applications.financingType}, '') as ftype,
        date_trunc(${unit}, ${operations.finishedAt} at time zone 'Europe/Prague')::date as day,
        ${operations.cancelledValue} as cancelled_value,
        ${operations.refund} as refund
      from ${operations} left join ${applications} on ${applications.id} = ${operations.applicationId}
      where ${inRange(range)}
    )
    select intent, reason, actor_id, max(actor_name) as actor_name, ftype, to_char(day, 'YYYY-MM-DD') as bucket,
      count(*) as n,
      coalesce(sum(cancelled_value), 0)::bigint as cancelled,
      coalesce(sum(refund) filter (where intent in ('return', 'return-all')), 0)::bigint as returned,
      coalesce(sum(refund) filter (where intent = 'refund'), 0)::bigint as refunded
    from r
    group by grouping sets ((), (intent), (reason), (actor_id), (ftype), (day))`;
  const result = (await db.transaction(async (tx) => {
    await tx.execute(sql.raw(`set local work_mem = '${REPORT_WORK_MEM}'`));
    return tx.execute(statement);
  })) as unknown as { rows: Raw[] };

  let totals: Figures = ZERO;
  const splits: Record<Dimension, SplitRow[]> = { operation: [], reason: [], staff: [], type: [] };
  const byBucket = new Map<string, Figures>();
  for (const r of result.rows) {
    // In each grouping set only its own column is not null (the others were coalesced to "" where they can be null).
    if (r.intent != null)
      splits.operation.push({ key: String(r.intent), label: String(r.intent), ...figures(r) });
    else if (r.reason != null)
      splits.reason.push({ key: String(r.reason), label: String(r.reason), ...figures(r) });
    else if (r.actor_id != null)
      splits.staff.push({ key: String(r.actor_id), label: String(r.actor_name ?? ""), ...figures(r) });
    else if (r.ftype != null)
      splits.type.push({ key: String(r.ftype), label: String(r.ftype), ...figures(r) });
    else if (r.bucket != null) byBucket.set(String(r.bucket), figures(r));
    else totals = figures(r);
  }
  // Largest first by money, then by count: what staff look for first.
  const weight = (f: Figures) => f.cancelled + f.returned + f.refunded;
  for (const rows of Object.values(splits))
    rows.sort((a, b) => weight(b) - weight(a) || b.count - a.count || a.label.localeCompare(b.label));
  // Every bucket of the range, the empty ones as zeros: a chart with gaps would hide the quiet days.
  const series = bucketStarts(range, bucket).map((start) => ({ start, ...(byBucket.get(start) ?? ZERO) }));
  return { totals, splits, series };
}
