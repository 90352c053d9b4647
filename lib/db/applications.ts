// The admin's own index of applications (Skip Pay has no list endpoint): upserted from every Skip Pay response
// that carries an application, listed with filters, sorting and pages.
import "server-only";
import { and, asc, desc, eq, ilike, or, type SQL, sql, type WithSubquery } from "drizzle-orm";
import type { ApplicationResponse, ApplicationState } from "@/lib/skippay/schemas";
import type { Db } from "./client";
import { applications } from "./schema";

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
  const values = {
    orderNumber: app.order.number,
    variableSymbol: app.order.variableSymbols?.[0] ?? null,
    customerName: customerName(app.customer),
    customerEmail: app.customer.email ?? null,
    financingType: app.type,
    state: app.state,
    stateReason: app.stateReason,
    orderState: app.order.state,
    totalAmount: app.order.totalPrice.amount,
    currency: app.order.totalPrice.currency,
    updatedAt: new Date(),
    readAt,
  };
  // The original total is the sum of every item ever on the order (cancelled and returned ones keep their price).
  const originalTotal = app.order.items.reduce((sum, i) => sum + i.totalPrice.amount, 0);
  await (alongside ? db.with(alongside) : db)
    .insert(applications)
    .values({ id: app.id, ...values, originalTotalAmount: originalTotal })
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

/** The columns a Skip Pay answer can change (everything but the timestamps and the original total). */
const TRACKED = [
  "orderNumber",
  "variableSymbol",
  "customerName",
  "customerEmail",
  "financingType",
  "state",
  "stateReason",
  "orderState",
  "totalAmount",
  "currency",
] as const;

export async function findIndexed(db: Db, term: string): Promise<IndexedApplication | null> {
  const [row] = await db
    .select()
    .from(applications)
    .where(
      or(
        eq(applications.id, term),
        eq(applications.orderNumber, term),
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

export const SORTS = [
  "updated",
  "-updated",
  "total",
  "-total",
  "order",
  "-order",
  "customer",
  "-customer",
] as const;
export type Sort = (typeof SORTS)[number];

export interface ListFilters {
  q?: string;
  state?: ApplicationState;
  sort: Sort;
  page: number;
  pageSize: number;
}

const SORT_COLUMNS = {
  updated: applications.updatedAt,
  total: applications.totalAmount,
  order: applications.orderNumber,
  customer: applications.customerName,
} as const;

export async function listApplications(
  db: Db,
  filters: ListFilters,
): Promise<{ rows: IndexedApplication[]; total: number }> {
  const where: SQL[] = [];
  if (filters.state) where.push(eq(applications.state, filters.state));
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(applications.orderNumber, like),
      ilike(applications.customerName, like),
      ilike(applications.customerEmail, like),
      ilike(applications.id, like),
      ilike(applications.variableSymbol, like),
    );
    if (match) where.push(match);
  }
  const condition = where.length > 0 ? and(...where) : undefined;
  const descending = filters.sort.startsWith("-");
  const column = SORT_COLUMNS[filters.sort.replace("-", "") as keyof typeof SORT_COLUMNS];
  const rows = await db
    .select()
    .from(applications)
    .where(condition)
    .orderBy(descending ? desc(column) : asc(column), desc(applications.updatedAt), asc(applications.id))
    .limit(filters.pageSize)
    .offset((filters.page - 1) * filters.pageSize);
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(applications).where(condition);
  return { rows, total: Number(count?.n ?? 0) };
}
