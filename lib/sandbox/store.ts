// Persistence of the sandbox in the app's database. Every change to an application happens inside one
// transaction that locks its row (SELECT … FOR UPDATE), so concurrent requests apply one after the other —
// on PostgreSQL by the row lock, on PGlite because it runs one transaction at a time.
import { randomBytes } from "node:crypto";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { SandboxError } from "./errors";
import type { SandboxApplication } from "./model";
import type { Change } from "./rules";
import { sandboxApplications, sandboxEvents, sandboxFaults, sandboxTokens } from "./schema";

export interface EventInput {
  applicationId: string | null;
  method: string;
  path: string;
  status: number;
  operation: string;
  changed: boolean;
  request?: unknown;
  outcome?: unknown;
  fault?: string | null;
}

export type SandboxEvent = typeof sandboxEvents.$inferSelect;

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

function insertEvent(db: Db | Tx, e: EventInput) {
  return db.insert(sandboxEvents).values({
    applicationId: e.applicationId,
    method: e.method,
    path: e.path,
    status: e.status,
    operation: e.operation,
    changed: e.changed,
    request: e.request ?? null,
    outcome: e.outcome ?? null,
    fault: e.fault ?? null,
  });
}

export async function recordEvent(db: Db, e: EventInput): Promise<void> {
  await insertEvent(db, e);
}

/** A new application id in the style of Skip Pay's (10 hex characters). */
export function newApplicationId(): string {
  return randomBytes(5).toString("hex");
}

/**
 * Stores a new application. When one with the same order number (and merchant) exists, nothing is stored and
 * that one is returned instead — the API's duplicate detection (200 with the original).
 */
export async function insertApplication(
  db: Db,
  app: SandboxApplication,
  event: Omit<EventInput, "applicationId" | "changed" | "operation">,
): Promise<{ created: boolean; app: SandboxApplication }> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(sandboxApplications)
      .values({
        id: app.id,
        orderNumber: app.order.number,
        merchantId: app.order.merchantId ?? "",
        variableSymbols: app.order.variableSymbols,
        data: app,
      })
      .onConflictDoNothing({ target: [sandboxApplications.orderNumber, sandboxApplications.merchantId] })
      .returning({ id: sandboxApplications.id });
    if (inserted.length === 0) {
      const [existing] = await tx
        .select({ data: sandboxApplications.data })
        .from(sandboxApplications)
        .where(
          and(
            eq(sandboxApplications.orderNumber, app.order.number),
            eq(sandboxApplications.merchantId, app.order.merchantId ?? ""),
          ),
        );
      if (!existing) throw new Error("duplicate application vanished");
      await insertEvent(tx, {
        ...event,
        applicationId: existing.data.id,
        status: 200,
        operation: "create-duplicate",
        changed: false,
      });
      return { created: false, app: existing.data };
    }
    await insertEvent(tx, { ...event, applicationId: app.id, operation: "create", changed: true });
    return { created: true, app };
  });
}

export async function loadApplication(db: Db, id: string): Promise<SandboxApplication | null> {
  const [row] = await db
    .select({ data: sandboxApplications.data })
    .from(sandboxApplications)
    .where(eq(sandboxApplications.id, id));
  return row?.data ?? null;
}

/** `GET /financing/v1/orders`: every given criterion must match. */
export async function findApplication(
  db: Db,
  criteria: { orderNumber?: string; variableSymbol?: string; applicationId?: string },
): Promise<SandboxApplication | null> {
  const conditions = [];
  if (criteria.applicationId) conditions.push(eq(sandboxApplications.id, criteria.applicationId));
  if (criteria.orderNumber) conditions.push(eq(sandboxApplications.orderNumber, criteria.orderNumber));
  if (criteria.variableSymbol) {
    conditions.push(sql`${criteria.variableSymbol} = any(${sandboxApplications.variableSymbols})`);
  }
  const [row] = await db
    .select({ data: sandboxApplications.data })
    .from(sandboxApplications)
    .where(and(...conditions))
    .orderBy(asc(sandboxApplications.createdAt))
    .limit(1);
  return row?.data ?? null;
}

export type MutationResult =
  | { ok: true; change: Change; before: SandboxApplication }
  | { ok: false; error: SandboxError }
  | { ok: false; error: null };

/**
 * Applies `apply` to the application under a row lock and records the attempt in its history — the change when
 * it succeeds, the refusal when it throws a SandboxError. `error: null` means no such application.
 */
export async function mutateApplication(
  db: Db,
  id: string,
  event: Omit<EventInput, "applicationId" | "changed" | "status">,
  apply: (app: SandboxApplication) => Change,
): Promise<MutationResult> {
  return db.transaction(async (tx): Promise<MutationResult> => {
    const [row] = await tx
      .select({ data: sandboxApplications.data })
      .from(sandboxApplications)
      .where(eq(sandboxApplications.id, id))
      .for("update");
    if (!row) return { ok: false, error: null };
    let change: Change;
    try {
      change = apply(row.data);
    } catch (error) {
      if (!(error instanceof SandboxError)) throw error;
      await insertEvent(tx, {
        ...event,
        applicationId: id,
        status: error.status,
        changed: false,
        outcome: { code: error.code, message: error.message, attribute: error.attribute ?? null },
      });
      return { ok: false, error };
    }
    await tx
      .update(sandboxApplications)
      .set({
        data: change.app,
        variableSymbols: change.app.order.variableSymbols,
        version: sql`${sandboxApplications.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(sandboxApplications.id, id));
    await insertEvent(tx, {
      ...event,
      applicationId: id,
      status: 200,
      changed: true,
      outcome: change.summary,
    });
    return { ok: true, change, before: row.data };
  });
}

export async function listEvents(db: Db, applicationId: string): Promise<SandboxEvent[]> {
  return db
    .select()
    .from(sandboxEvents)
    .where(eq(sandboxEvents.applicationId, applicationId))
    .orderBy(asc(sandboxEvents.id));
}

export async function countApplications(db: Db): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(sandboxApplications);
  return Number(row?.n ?? 0);
}

// ── Tokens ───────────────────────────────────────────────────────────────────────────────────────────────────

export async function issueToken(db: Db, ttlSeconds: number, now: Date): Promise<string> {
  // Opaque, 40+ characters like the real ones.
  const token = randomBytes(32).toString("base64url");
  await db.insert(sandboxTokens).values({ token, expiresAt: new Date(now.getTime() + ttlSeconds * 1000) });
  return token;
}

/** When a token issued here expires, or null when it is unknown or already expired. */
export async function tokenExpiry(db: Db, token: string, now: Date): Promise<Date | null> {
  const [row] = await db
    .select({ expiresAt: sandboxTokens.expiresAt })
    .from(sandboxTokens)
    .where(and(eq(sandboxTokens.token, token), gt(sandboxTokens.expiresAt, now)));
  return row?.expiresAt ?? null;
}

// ── Faults ───────────────────────────────────────────────────────────────────────────────────────────────────

export type FaultKind =
  | "500"
  | "503"
  | "429"
  | "401"
  | "timeout"
  | "reset"
  | "malformed"
  | "applied-then-500";

export async function addFault(
  db: Db,
  fault: { method?: string | null; pathPrefix: string; kind: FaultKind; count: number },
) {
  const [row] = await db
    .insert(sandboxFaults)
    .values({
      method: fault.method ?? null,
      pathPrefix: fault.pathPrefix,
      kind: fault.kind,
      remaining: fault.count,
    })
    .returning();
  return row;
}

export async function listFaults(db: Db) {
  return db.select().from(sandboxFaults).where(gt(sandboxFaults.remaining, 0)).orderBy(asc(sandboxFaults.id));
}

export async function clearFaults(db: Db): Promise<void> {
  await db.delete(sandboxFaults);
}

/** Consumes one use of the oldest fault matching this request, atomically; null when none matches. */
export async function takeFault(db: Db, method: string, path: string): Promise<FaultKind | null> {
  const rows = (await db.execute(sql`
    update sandbox_faults set remaining = remaining - 1
    where id = (
      select id from sandbox_faults
      where remaining > 0 and (method is null or method = ${method}) and starts_with(${path}, path_prefix)
      order by id limit 1 for update skip locked
    )
    returning kind`)) as unknown as { rows: { kind: FaultKind }[] };
  return rows.rows[0]?.kind ?? null;
}
