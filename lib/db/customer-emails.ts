// The customer e-mails' storage (lib/mail sends them): one row per operation, claimed before the SMTP call. The
// database guarantees the "at most one e-mail per operation": the operation id is the primary key, and a claim
// only takes a row that does not exist yet or whose last attempt failed — across every app instance.
import { and, asc, desc, eq, lt, or, sql } from "drizzle-orm";
import type { Db } from "./client";
import { customerEmails, sandboxOutbox } from "./schema";

export type CustomerEmailRow = typeof customerEmails.$inferSelect;
export type OutboxRow = typeof sandboxOutbox.$inferSelect;

export interface EmailClaim {
  operationId: string;
  applicationId: string;
  recipient: string;
  language: "cs" | "en";
  subject: string;
  body: string;
  actorId: string;
  actorName: string;
}

export type ClaimResult =
  | { claimed: true; row: CustomerEmailRow }
  | { claimed: false; row: CustomerEmailRow };

/**
 * Claims the operation's e-mail for sending: a new row, or a failed one taken again (Resend, attempt + 1) — or one
 * whose `sending` claim is older than `staleBefore` (its process stopped mid-send). When the row is being sent or
 * was sent already, nothing is claimed and the caller gets that row: it must not send.
 */
export async function claimCustomerEmail(
  db: Db,
  claim: EmailClaim,
  staleBefore: Date,
  now = new Date(),
): Promise<ClaimResult> {
  const [claimed] = await db
    .insert(customerEmails)
    .values({ ...claim, status: "sending", claimedAt: now })
    .onConflictDoUpdate({
      target: customerEmails.operationId,
      set: {
        status: "sending",
        recipient: claim.recipient,
        language: claim.language,
        subject: claim.subject,
        body: claim.body,
        actorId: claim.actorId,
        actorName: claim.actorName,
        attempt: sql`${customerEmails.attempt} + 1`,
        error: null,
        smtpResponse: null,
        failedAt: null,
        claimedAt: now,
      },
      setWhere: or(
        eq(customerEmails.status, "failed"),
        and(eq(customerEmails.status, "sending"), lt(customerEmails.claimedAt, staleBefore)),
      ),
    })
    .returning();
  if (claimed) return { claimed: true, row: claimed };
  const existing = await findCustomerEmail(db, claim.operationId);
  if (!existing) throw new Error(`customer e-mail of ${claim.operationId} neither claimed nor found`);
  return { claimed: false, row: existing };
}

/** Records the outcome of the claimed attempt (never of an earlier one that answered late). */
export async function settleCustomerEmail(
  db: Db,
  operationId: string,
  attempt: number,
  outcome: { sent: true; smtpResponse: string } | { sent: false; error: string },
): Promise<CustomerEmailRow | null> {
  const now = new Date();
  const [row] = await db
    .update(customerEmails)
    .set(
      outcome.sent
        ? { status: "sent", sentAt: now, smtpResponse: outcome.smtpResponse }
        : { status: "failed", failedAt: now, error: outcome.error },
    )
    .where(
      and(
        eq(customerEmails.operationId, operationId),
        eq(customerEmails.attempt, attempt),
        eq(customerEmails.status, "sending"),
      ),
    )
    .returning();
  return row ?? null;
}

export async function findCustomerEmail(db: Db, operationId: string): Promise<CustomerEmailRow | null> {
  const [row] = await db.select().from(customerEmails).where(eq(customerEmails.operationId, operationId));
  return row ?? null;
}

/** The e-mails of an application's operations, for its timeline. */
export async function customerEmailsFor(db: Db, applicationId: string): Promise<CustomerEmailRow[]> {
  return db
    .select()
    .from(customerEmails)
    .where(eq(customerEmails.applicationId, applicationId))
    .orderBy(asc(customerEmails.claimedAt));
}

// ── The sandbox's outbox (what the embedded SMTP server received) ───────────────────────────────────────────

export async function insertOutboxMessage(db: Db, message: typeof sandboxOutbox.$inferInsert): Promise<void> {
  await db.insert(sandboxOutbox).values(message);
}

/** The newest messages first. */
export async function listOutbox(db: Db, limit = 200): Promise<OutboxRow[]> {
  return db.select().from(sandboxOutbox).orderBy(desc(sandboxOutbox.receivedAt)).limit(limit);
}
