// The admin's own index of applications (Skip Pay has no list endpoint): upserted from every Skip Pay response
// that carries an application, listed with filters, sorting and pages — a page at a time by keyset, so the list
// costs the same on its first page and its ten-thousandth, with a million applications or with ten.
import "server-only";
import { and, eq, getTableColumns, isNull, lt, or, type SQL, sql, type WithSubquery } from "drizzle-orm";
import type { Sort } from "@/lib/list-options";
import type {
  ApplicationResponse,
  ApplicationState,
  FinancingType,
  StateReason,
} from "@/lib/skippay/schemas";
import type { Db } from "./client";
import { applications, operations } from "./schema";
import { searchPatterns, searchText } from "./search-text";
import { sortName } from "./sort-name";

export type IndexedApplication = typeof applications.$inferSelect;

function customerName(c: ApplicationResponse["customer"]): string | null {
  return c.fullName || [c.firstName, c.lastName].filter(Boolean).join(" ") || null;
}

/**
 * Records what Skip Pay just said about an application, in answer to a request sent at `readAt`. Answers can
 * arrive out of order (two notifications read the application side by side, the first one's read finishes last):
 * an answer to a request sent before the one the row holds changes nothing. `alongside` is a data-modifying CTE
 * (`db.$with`) made part of the same statement: both happen, or neither, in one round trip.
 */
export async function upsertApplication(
  db: Db,
  app: ApplicationResponse,
  readAt: Date,
  alongside?: WithSubquery,
): Promise<void> {
  const identity = {
    orderNumber: app.order.number,
    variableSymbol: app.order.variableSymbols?.[0] ?? null,
    customerName: customerName(app.customer),
    customerEmail: app.customer.email ?? null,
    customerPhone: app.customer.phone ?? null,
  };
  const values = {
    ...identity,
    searchText: searchText({ id: app.id, ...identity }),
    customerSort: sortName(identity.customerName),
    financingType: app.type,
    state: app.state,
    stateReason: app.stateReason,
    orderState: app.order.state,
    totalAmount: app.order.totalPrice.amount,
    currency: app.order.totalPrice.currency,
    // The order as financed: every item on it, cancelled and returned ones at their price — the order page's ledger
    // sum. An order change (PUT …/order) changes the items, and with them this.
    originalTotalAmount: app.order.items.reduce((sum, i) => sum + i.totalPrice.amount, 0),
    updatedAt: new Date(),
    readAt,
  };
  // Most reads change nothing (every page view reads the application). Then a plain read of the row is all it
  // costs: the upsert below would lock the row even when its WHERE leaves it as it is — a write, with WAL, per view.
  if (!alongside) {
    const [row] = await db
      .select({
        readAt: applications.readAt,
        ...Object.fromEntries(TRACKED.map((c) => [c, applications[c]])),
      })
      .from(applications)
      .where(eq(applications.id, app.id));
    const existing = row as (Record<(typeof TRACKED)[number], unknown> & { readAt: Date | null }) | undefined;
    if (
      existing &&
      ((existing.readAt && existing.readAt > readAt) || TRACKED.every((c) => existing[c] === values[c]))
    )
      return;
  }
  await (alongside ? db.with(alongside) : db)
    .insert(applications)
    .values({ id: app.id, ...values })
    .onConflictDoUpdate({
      target: applications.id,
      set: values,
      // Most reads change nothing: then no row is written, and "updated" keeps meaning "last changed".
      setWhere: sql`(${applications.readAt} is null or ${applications.readAt} <= excluded.read_at) and (${sql.join(
        TRACKED.map((c) => sql`${applications[c]}`),
        sql`, `,
      )}) is distinct from (${sql.join(
        TRACKED.map((c) => sql.raw(`excluded.${applications[c].name}`)),
        sql`, `,
      )})`,
    });
}

/**
 * Skip Pay answered a request sent at `readAt` with what the index holds already: only the read time moves (a
 * deliberate re-read; a page view leaves even that, so that reading costs no write).
 */
export async function markRead(db: Db, id: string, readAt: Date): Promise<void> {
  await db
    .update(applications)
    .set({ readAt })
    .where(and(eq(applications.id, id), or(isNull(applications.readAt), lt(applications.readAt, readAt))));
}

/** The columns a Skip Pay answer can change (everything but the timestamps). */
const TRACKED = [
  "orderNumber",
  "variableSymbol",
  "customerName",
  "customerEmail",
  "customerPhone",
  "searchText",
  "customerSort",
  "financingType",
  "state",
  "stateReason",
  "orderState",
  "totalAmount",
  "currency",
  "originalTotalAmount",
] as const;

/**
 * The application a search term names exactly — its id, order number or variable symbol, whatever the case — or
 * null. Each comparison has its own index (lower(id), lower(order_number), variable_symbol).
 */
export async function findIndexed(db: Db, term: string): Promise<IndexedApplication | null> {
  const lower = term.toLowerCase();
  const [row] = await db
    .select()
    .from(applications)
    .where(
      or(
        sql`lower(${applications.id}) = ${lower}`,
        sql`lower(${applications.orderNumber}) = ${lower}`,
        eq(applications.variableSymbol, term),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Whether the admin has seen this application (from a Skip Pay answer or notification). */
export async function isIndexed(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: applications.id }).from(applications).where(eq(applications.id, id));
  return !!row;
}

/**
 * Each sort as the SQL it orders by, with how its value is written into a cursor and read back. Every one has an
 * index on (this expression, id) in lib/db/schema.ts, and the cursor's text round-trips exactly (a timestamp keeps
 * its microseconds, which a JavaScript Date would lose).
 */
const SORT_KEYS = {
  updated: {
    expr: sql`${applications.updatedAt}`,
    text: sql`to_char(${applications.updatedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    read: (v: string) => sql`${v}::timestamptz`,
    valid: (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(v),
  },
  total: {
    expr: sql`${applications.totalAmount}`,
    text: sql`${applications.totalAmount}::text`,
    read: (v: string) => sql`${v}::bigint`,
    valid: (v: string) => /^-?\d{1,18}$/.test(v),
  },
  order: {
    expr: sql`${applications.orderNumber}`,
    text: sql`${applications.orderNumber}`,
    read: (v: string) => sql`${v}::text`,
    valid: () => true,
  },
  customer: {
    expr: sql`${applications.customerSort} collate "C"`,
    text: sql`${applications.customerSort}`,
    read: (v: string) => sql`${v}::text`,
    // A key (lib/db/sort-name.ts), not a name: a link made before the key existed starts from the first page.
    valid: (v: string) => /^[ 0-9A-Z[\\\]^_~]*$/.test(v),
  },
} as const;

/** A row's place in one sort order: its sort value (as text) and its id, the tie-break. */
export interface Cursor {
  sort: Sort;
  value: string;
  id: string;
}

/** A cursor as a URL parameter: opaque to staff, short, and safe in a query string. */
export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.value, cursor.id])).toString("base64url");
}

/** The cursor in a URL parameter, or null when it is not one (edited by hand, or made for another sort). */
export function decodeCursor(param: string | undefined, sort: Sort): Cursor | null {
  if (!param || param.length > 2_000) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(param, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((p) => typeof p === "string"))
      return null;
    const [forSort, value, id] = parsed as [string, string, string];
    if (forSort !== sort || !SORT_KEYS[keyOf(sort)].valid(value)) return null;
    return { sort, value, id };
  } catch {
    return null;
  }
}

const keyOf = (sort: Sort) => sort.replace("-", "") as keyof typeof SORT_KEYS;

/** The state filter takes an application state ("READY") or a substate ("READY_TO_SHIP"). */
export type StateFilter = ApplicationState | StateReason;

export interface ListFilters {
  q?: string;
  state?: StateFilter;
  type?: FinancingType;
  /** Last updated on or after this day / on or before this day (YYYY-MM-DD, Prague time). */
  from?: string;
  to?: string;
  /** Only applications with a succeeded operation like this (a report's figure links here: lib/reports). */
  operation?: OperationFilter;
  sort: Sort;
}

/** The operations behind a report's figure: finished in these Prague days, of this kind, reason, actor, type. */
export interface OperationFilter {
  from: string;
  to: string;
  /** cancelled: cancelled some value; returned: a return; refunded: an amount-only refund; absent: any. */
  metric?: "cancelled" | "returned" | "refunded";
  intent?: string;
  /** "" = none given. */
  reason?: string;
  actorId?: string;
  /** The application's financing type; "" = unknown. */
  financingType?: string;
}

function operationCondition(f: OperationFilter): SQL {
  const where: SQL[] = [
    sql`o.application_id = ${applications.id}`,
    sql`o.status = 'succeeded'`,
    sql`o.finished_at >= (${f.from}::date)::timestamp at time zone 'Europe/Prague'`,
    sql`o.finished_at < (${f.to}::date + 1)::timestamp at time zone 'Europe/Prague'`,
  ];
  if (f.metric === "cancelled") where.push(sql`o.cancelled_value > 0`);
  if (f.metric === "returned") where.push(sql`o.intent in ('return', 'return-all')`);
  if (f.metric === "refunded") where.push(sql`o.intent = 'refund'`);
  if (f.intent) where.push(sql`o.intent = ${f.intent}`);
  if (f.reason !== undefined) where.push(sql`coalesce(o.reason, '') = ${f.reason}`);
  if (f.actorId) where.push(sql`o.actor_id = ${f.actorId}`);
  const type =
    f.financingType === undefined
      ? undefined
      : f.financingType === ""
        ? sql`${applications.financingType} is null`
        : eq(applications.financingType, f.financingType);
  const exists = sql`exists (select 1 from ${operations} o where ${sql.join(where, sql` and `)})`;
  return type ? sql`(${type} and ${exists})` : exists;
}

/** Which page: the first, the last, the one after a row, or the one before a row. */
export type PageAt =
  | { at: "first" }
  | { at: "last" }
  | { at: "after"; cursor: Cursor }
  | { at: "before"; cursor: Cursor };

export interface ListPage {
  rows: IndexedApplication[];
  /** The cursors of the first and the last row shown (for the links to the pages before and after). */
  firstCursor: Cursor | null;
  lastCursor: Cursor | null;
  /** How many rows come before the first shown and after the last; null: more than `countLimit`. */
  before: number | null;
  after: number | null;
  /**
   * All rows matching: exact when both sides were counted; else PostgreSQL's estimate (never below what was seen)
   * for filters, whose statistics it keeps; for a search, whose estimate is a guess from a sample of the rows,
   * only what was seen: at least this many.
   */
  total: { value: number; kind: "exact" | "about" | "atLeast" };
  /** The search term was too short to search names, e-mails and phones: only exact matches were listed. */
  searchTooShort: boolean;
  /** How far each side was counted. */
  countLimit: number;
}

/**
 * How far the pager counts on each side of a page: 40 pages. Counting is what a list page costs at a million rows
 * (an exact total reads every matching index entry), and what it costs must not grow with the table: beyond this
 * the pager says "about" and uses PostgreSQL's own estimate (bench/results.md, P5).
 */
export const COUNT_LIMIT = 1_000;
/**
 * The same for a search: 4 pages. A search is checked row by row (its text is not in the order's index), so a
 * common word ("novakova", 3 % of a million rows) costs a row read for every 30 rows walked.
 */
export const SEARCH_COUNT_LIMIT = 100;

/** The WHERE clause of a filtered list, as SQL (undefined when nothing is filtered). */
function conditionOf(filters: ListFilters): { where: SQL | undefined; searchTooShort: boolean } {
  const where: SQL[] = [];
  const { state } = filters;
  if (state) {
    // "REJECTED" is both a state and its only substate: filter by the state.
    const isState = (["PROCESSING", "READY", "REJECTED", "CANCELLED"] as string[]).includes(state);
    where.push(isState ? eq(applications.state, state) : eq(applications.stateReason, state));
  }
  if (filters.type) where.push(eq(applications.financingType, filters.type));
  if (filters.operation) where.push(operationCondition(filters.operation));
  // A day in Prague, as the list shows dates; the bounds are constants to the planner, so the indexes serve them.
  if (filters.from)
    where.push(
      sql`${applications.updatedAt} >= (${filters.from}::date)::timestamp at time zone 'Europe/Prague'`,
    );
  if (filters.to)
    where.push(
      sql`${applications.updatedAt} < (${filters.to}::date + 1)::timestamp at time zone 'Europe/Prague'`,
    );
  let searchTooShort = false;
  const q = filters.q?.trim();
  if (q) {
    const alternatives = searchPatterns(q);
    if (alternatives.length > 0) {
      // `strpos` is not a trigram lookup: it checks the rows the patterns found (search-text.ts says why).
      const match = or(
        ...alternatives.map((a) =>
          and(
            ...a.like.map((p) => sql`${applications.searchText} like ${p}`),
            ...a.contains.map((text) => sql`strpos(${applications.searchText}, ${text}) > 0`),
          ),
        ),
      );
      if (match) where.push(match);
    } else {
      // Too short to search partially: what it names exactly (each comparison has an index).
      searchTooShort = true;
      const exact = or(
        sql`lower(${applications.id}) = ${q.toLowerCase()}`,
        sql`lower(${applications.orderNumber}) = ${q.toLowerCase()}`,
        eq(applications.variableSymbol, q),
      );
      if (exact) where.push(exact);
    }
  }
  return { where: where.length > 0 ? and(...where) : undefined, searchTooShort };
}

/**
 * One page of the applications matching `filters`, found by keyset: the rows after (or before) a cursor in the
 * chosen order, read from the index of that order — never `OFFSET`, which would read and skip every row before the
 * page. How many rows lie on either side is counted up to `countLimit`.
 *
 * One statement: the walk from the cursor takes the keys of up to `countLimit` rows beyond the page (an index-only
 * scan where the filters allow), which gives both the page and how many follow it; the other side is counted by a
 * walk of its own from the cursor the other way; only the page's rows are then read whole. Both walks stop at
 * their limit, so a page costs the same in a table of ten thousand rows or of a million.
 */
export async function listApplications(
  db: Db,
  filters: ListFilters,
  page: PageAt,
  pageSize: number,
  countLimit = filters.q?.trim() ? SEARCH_COUNT_LIMIT : COUNT_LIMIT,
): Promise<ListPage> {
  const { where, searchTooShort } = conditionOf(filters);
  const key = SORT_KEYS[keyOf(filters.sort)];
  const descending = filters.sort.startsWith("-");
  const position = (cursor: Cursor, op: "<" | "<=" | ">" | ">=") =>
    sql`(${key.expr}, ${applications.id}) ${sql.raw(op)} (${key.read(cursor.value)}, ${cursor.id})`;
  /** Rows strictly after the cursor in display order, or strictly before it; and their complements. */
  const afterCursor = (cursor: Cursor) => position(cursor, descending ? "<" : ">");
  const beforeCursor = (cursor: Cursor) => position(cursor, descending ? ">" : "<");
  const notAfterCursor = (cursor: Cursor) => position(cursor, descending ? ">=" : "<=");
  const notBeforeCursor = (cursor: Cursor) => position(cursor, descending ? "<=" : ">=");
  /** ORDER BY for a walk in display order (forwards) or against it. */
  const walk = (forwards: boolean) => {
    const dir = sql.raw(forwards === !descending ? "asc" : "desc");
    return sql`${key.expr} ${dir}, ${applications.id} ${dir}`;
  };

  // The page is read forwards, or backwards for the last page and the page before a cursor.
  const backwards = page.at === "last" || page.at === "before";
  const pageCondition =
    page.at === "after"
      ? afterCursor(page.cursor)
      : page.at === "before"
        ? beforeCursor(page.cursor)
        : undefined;
  // The other side of the cursor, walked away from it (nothing on the other side of the first or last page).
  const otherSide =
    page.at === "after"
      ? { condition: notAfterCursor(page.cursor), forwards: false }
      : page.at === "before"
        ? { condition: notBeforeCursor(page.cursor), forwards: true }
        : null;
  const wide = countLimit + pageSize;
  const whereSql = (extra?: SQL) => and(where, extra) ?? sql`true`;
  const behind = otherSide
    ? sql`(select count(*) from (select 1 from ${applications} where ${whereSql(otherSide.condition)}
        order by ${walk(otherSide.forwards)} limit ${countLimit}) s)`
    : sql`0`;
  const pageDir = sql.raw(!backwards === !descending ? "asc" : "desc");
  const result = (await db.execute(sql`
    with page_keys as materialized (
      select ${applications.id} as id, ${key.expr} as k, ${key.text} as cursor
      from ${applications} where ${whereSql(pageCondition)}
      order by ${walk(!backwards)} limit ${wide}
    )
    select c.ahead, c.behind, p.cursor, ${applications}.*
    from (select (select count(*) from page_keys) as ahead, ${behind} as behind) c
    left join (select id, k, cursor from page_keys order by k ${pageDir}, id ${pageDir} limit ${pageSize}) p on true
    left join ${applications} on ${applications.id} = p.id
    order by p.k ${pageDir}, p.id ${pageDir}`)) as unknown as { rows: Record<string, unknown>[] };

  const found = result.rows.filter((r) => r.cursor !== null && r.cursor !== undefined);
  const ahead = Number(result.rows[0]?.ahead ?? 0);
  let ordered = backwards ? found.reverse() : found;
  // The last page holds what is left after whole pages from the start, as "Next" would have reached it (26 rows
  // end on a page of one, not on rows 2–26) — when the list was counted to its end.
  if (page.at === "last" && ahead < wide)
    ordered = ordered.slice(ordered.length - ((ahead - 1) % pageSize) - 1);
  const rows = ordered.map(fromRow);
  const n = rows.length;
  const other = Number(result.rows[0]?.behind ?? 0);
  // The walk with the page in it less the page; a count that reached its limit is "many" (null).
  const pageSide = ahead >= wide ? null : Math.max(0, ahead - n);
  const otherSideCount = other >= countLimit ? null : other;
  const before = backwards ? pageSide : page.at === "first" ? 0 : otherSideCount;
  const after = backwards ? (page.at === "last" ? 0 : otherSideCount) : pageSide;
  const cursorOf = (i: number): Cursor | null => {
    const r = ordered[i];
    return r ? { sort: filters.sort, value: String(r.cursor), id: String(r.id) } : null;
  };
  let total: ListPage["total"];
  if (before !== null && after !== null) total = { value: before + n + after, kind: "exact" };
  else {
    const seen = (before ?? countLimit) + n + (after ?? countLimit);
    total = filters.q?.trim()
      ? { value: seen, kind: "atLeast" }
      : { value: Math.max(seen, await estimate(db, where)), kind: "about" };
  }
  return {
    rows,
    firstCursor: cursorOf(0),
    lastCursor: cursorOf(n - 1),
    before,
    after,
    total,
    searchTooShort,
    countLimit,
  };
}

const COLUMNS = Object.entries(getTableColumns(applications));

/** A row as the driver returned it (snake_case, raw values) as the typed row Drizzle would have made. */
function fromRow(raw: Record<string, unknown>): IndexedApplication {
  return Object.fromEntries(
    COLUMNS.map(([property, column]) => {
      const value = raw[column.name];
      return [property, value === null || value === undefined ? null : column.mapFromDriverValue(value)];
    }),
  ) as IndexedApplication;
}

/** PostgreSQL's estimate of how many rows match (its plan's row count): cheap, and close for these filters. */
async function estimate(db: Db, where: SQL | undefined): Promise<number> {
  const result = (await db.execute(
    sql`explain (format json) select 1 from ${applications} where ${where ?? sql`true`}`,
  )) as unknown as { rows: Record<string, unknown>[] };
  const plan = Object.values(result.rows[0] ?? {})[0];
  const parsed = (typeof plan === "string" ? JSON.parse(plan) : plan) as {
    Plan?: { "Plan Rows"?: number };
  }[];
  return Math.round(parsed[0]?.Plan?.["Plan Rows"] ?? 0);
}
