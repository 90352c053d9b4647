// The operations of a range of Prague days for the CSV export, read in keyset batches on (finished_at, id) so a
// year of the journal never sits in memory: each batch is one indexed range scan from where the last one stopped.
import "server-only";
import { and, asc, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import { givesMoneyBack } from "@/lib/orders/ledger";
import type { Locale } from "@/lib/orders/money";
import type { LineChange, VatShare } from "@/lib/orders/plan-types";
import { csvAmount, csvLine, csvMoment, csvQuantity, SEPARATOR, safeText } from "./csv";
import type { DayRange } from "./range";

export interface ExportRow {
  id: string;
  finishedAt: Date;
  orderNumber: string | null;
  variableSymbol: string | null;
  applicationId: string;
  intent: string;
  changes: Pick<LineChange, "name" | "code" | "quantity">[];
  refund: number;
  vat: VatShare[];
  financingType: string | null;
  actorName: string;
  /** Who approved (or rejected) it, when it needed a second pair of eyes. */
  approverName: string | null;
  reason: string | null;
  ticketId: string | null;
  /** The journal's status: succeeded, failed, rejected, needs_review. */
  status: string;
}

export const EXPORT_BATCH = 1_000;

type Cursor = { at: string; id: string };

function selectBatch(db: Db, range: DayRange, after: Cursor | null, batch: number) {
  return db
    .select({
      id: operations.id,
      finishedAt: operations.finishedAt,
      cursor: sql<string>`${operations.finishedAt}::text`,
      orderNumber: sql<string | null>`coalesce(${operations.orderNumber}, ${applications.orderNumber})`,
      variableSymbol: applications.variableSymbol,
      applicationId: operations.applicationId,
      intent: operations.intent,
      changes: sql<ExportRow["changes"] | null>`${operations.plan}->'changes'`,
      refund: operations.refund,
      vat: sql<VatShare[] | null>`${operations.plan}->'vat'`,
      financingType: applications.financingType,
      actorName: operations.actorName,
      approverName: operations.decidedByName,
      reason: operations.reason,
      ticketId: operations.ticketId,
      status: operations.status,
    })
    .from(operations)
    .leftJoin(applications, sql`${applications.id} = ${operations.applicationId}`)
    .where(
      and(
        isNotNull(operations.finishedAt),
        sql`${operations.finishedAt} >= (${range.from}::date)::timestamp at time zone 'Europe/Prague'`,
        sql`${operations.finishedAt} < (${range.to}::date + 1)::timestamp at time zone 'Europe/Prague'`,
        after
          ? sql`(${operations.finishedAt}, ${operations.id}) > (${after.at}::timestamptz, ${after.id})`
          : undefined,
      ),
    )
    .orderBy(asc(operations.finishedAt), asc(operations.id))
    .limit(batch);
}

type BatchRows = Awaited<ReturnType<ReturnType<typeof selectBatch>["execute"]>>;

/**
 * Every operation that finished in the days (whatever its outcome), oldest first, `batch` rows at a time. The next
 * batch is asked for before this one is handed on, so the database reads it while the caller writes this one.
 */
export async function* exportBatches(
  db: Db,
  range: DayRange,
  batch: number = EXPORT_BATCH,
): AsyncGenerator<ExportRow[]> {
  // The cursor keeps finished_at as PostgreSQL's text: a JS Date would drop the microseconds and skip or repeat rows.
  // `execute()` sends the statement now (a query builder alone waits until it is awaited).
  const fetch = (after: Cursor | null): Promise<BatchRows> => selectBatch(db, range, after, batch).execute();
  let pending: Promise<BatchRows> | null = fetch(null);
  try {
    while (pending) {
      const rows: BatchRows = await pending;
      const last = rows[rows.length - 1];
      pending = last && rows.length === batch ? fetch({ at: last.cursor, id: last.id }) : null;
      if (rows.length === 0) return;
      yield rows.map(({ cursor: _, finishedAt, changes, vat, ...r }) => ({
        ...r,
        finishedAt: finishedAt ?? new Date(0),
        changes: (changes ?? []).map(({ name, code, quantity }) => ({ name, code, quantity })),
        vat: vat ?? [],
      }));
    }
  } finally {
    // A download cancelled mid-way: the batch asked for ahead is not wanted, and its failure is no one's.
    await pending?.catch(() => undefined);
  }
}

export const EXPORT_COLUMNS = [
  "finishedAt",
  "orderNumber",
  "variableSymbol",
  "applicationId",
  "operation",
  "items",
  "refund",
  "vat",
  "financingType",
  "actor",
  "approver",
  "reason",
  "ticketId",
  "outcome",
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** How codes read in the file (the route passes the locale's words; a code without a word stays a code). */
export interface ExportLabels {
  column: (c: ExportColumn) => string;
  intent: (code: string) => string;
  reason: (code: string) => string;
  financingType: (code: string) => string;
  outcome: (code: string) => string;
}

export function exportHeader(labels: ExportLabels, locale: Locale): string {
  return csvLine(
    EXPORT_COLUMNS.map((c) => labels.column(c)),
    SEPARATOR[locale],
  );
}

/** One operation as one CSV line. */
export function exportLine(row: ExportRow, labels: ExportLabels, locale: Locale): string {
  const text = (v: string | null) => safeText(v ?? "");
  // Only money given back has an amount, as the report sums it: a rejected request, a failed call or an order change
  // keeps its row and its outcome, so the column summed in a spreadsheet agrees with the report.
  const counted = row.status === "succeeded" && givesMoneyBack(row.intent);
  return csvLine(
    [
      csvMoment(row.finishedAt),
      text(row.orderNumber),
      text(row.variableSymbol),
      text(row.applicationId),
      labels.intent(row.intent),
      text(row.changes.map((c) => `${c.name} (${c.code}) × ${csvQuantity(c.quantity, locale)}`).join(" | ")),
      counted ? csvAmount(row.refund, locale) : "",
      // The VAT contained in the refund, per rate: "21 %: 260,17 | 12 %: 42,75".
      counted
        ? row.vat
            .map(
              (v) =>
                `${String(v.rate).replace(".", locale === "cs" ? "," : ".")} %: ${csvAmount(v.vat, locale)}`,
            )
            .join(" | ")
        : "",
      row.financingType ? labels.financingType(row.financingType) : "",
      text(row.actorName),
      text(row.approverName),
      row.reason ? labels.reason(row.reason) : "",
      text(row.ticketId),
      labels.outcome(row.status),
    ],
    SEPARATOR[locale],
  );
}
