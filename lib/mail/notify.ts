// "Send to the customer": the customer message of an operation Skip Pay confirmed, e-mailed to the application's
// customer — at most once per operation. The e-mail is claimed in the database before the SMTP call, its outcome
// recorded after; a failure is recorded and may be re-sent (claimed again). Nothing here touches the operation.
// Server-only.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import {
  type CustomerEmailRow,
  claimCustomerEmail,
  customerEmailsFor,
  settleCustomerEmail,
} from "@/lib/db/customer-emails";
import { applications } from "@/lib/db/schema";
import { findOperation, toEntry } from "@/lib/operations/journal";
import { customerSubject } from "@/lib/orders/customer-email";
import { customerMessage, factsOfEntry } from "@/lib/orders/customer-message";
import type { FinancingType } from "@/lib/skippay/schemas";
import type { Mailer } from "./transport";
import { type CustomerEmail, type NotifyResult, STALE_SENDING_MS } from "./types";

export interface NotifyDeps {
  db: Db;
  /** null: e-mail is off (production without SMTP_URL). */
  mailer: Mailer | null;
  /** The shop's name the e-mail signs off with (SHOP_NAME, else MAIL_FROM's name). */
  shopName?: string;
  now?: () => Date;
}

export function toCustomerEmail(row: CustomerEmailRow, now = new Date()): CustomerEmail {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    operationId: row.operationId,
    applicationId: row.applicationId,
    status: row.status,
    stale: row.status === "sending" && now.getTime() - row.claimedAt.getTime() > STALE_SENDING_MS,
    recipient: row.recipient,
    language: row.language,
    subject: row.subject,
    body: row.body,
    actorName: row.actorName,
    attempt: row.attempt,
    error: row.error,
    claimedAt: row.claimedAt.toISOString(),
    sentAt: iso(row.sentAt),
    failedAt: iso(row.failedAt),
  };
}

/** The e-mails of an application's operations, for its timeline. */
export async function customerEmails(db: Db, applicationId: string): Promise<CustomerEmail[]> {
  const now = new Date();
  return (await customerEmailsFor(db, applicationId)).map((r) => toCustomerEmail(r, now));
}

/**
 * Sends the message of `operationId` (on `applicationId`) in `language` to the customer's address, as `actor`.
 * The text is worded here from the journal and the admin's index — never taken from the browser.
 */
export async function notifyCustomer(
  deps: NotifyDeps,
  actor: { id: string; name: string },
  input: { applicationId: string; operationId: string; language: "cs" | "en" },
): Promise<NotifyResult> {
  const { db, mailer } = deps;
  const now = deps.now ?? (() => new Date());
  const operation = await findOperation(db, input.operationId);
  if (!operation || operation.applicationId !== input.applicationId)
    return { ok: false, failure: { kind: "not_found" } };
  if (operation.status !== "succeeded") return { ok: false, failure: { kind: "not_succeeded" } };
  // The index is written from every Skip Pay answer, the operation's own included: no Skip Pay call needed here.
  const [indexed] = await db.select().from(applications).where(eq(applications.id, operation.applicationId));
  if (!indexed) return { ok: false, failure: { kind: "not_found" } };
  const recipient = indexed.customerEmail?.trim();
  if (!recipient) return { ok: false, failure: { kind: "no_address" } };
  if (!mailer) return { ok: false, failure: { kind: "mail_off" } };
  const facts = factsOfEntry(toEntry(operation), {
    type: (indexed.financingType ?? "DEFERRED_PAYMENT") as FinancingType,
    order: { number: indexed.orderNumber },
  });
  if (!facts) return { ok: false, failure: { kind: "not_succeeded" } };

  const subject = customerSubject(input.language, facts.orderNumber);
  const body = customerMessage(input.language, facts, deps.shopName);
  const claim = await claimCustomerEmail(
    db,
    {
      operationId: operation.id,
      applicationId: operation.applicationId,
      recipient,
      language: input.language,
      subject,
      body,
      actorId: actor.id,
      actorName: actor.name,
    },
    new Date(now().getTime() - STALE_SENDING_MS),
    now(),
  );
  // Sent already, or being sent right now (a double click, another tab or instance): send nothing.
  if (!claim.claimed) return { ok: true, email: toCustomerEmail(claim.row, now()), already: true };

  const outcome = await mailer.send({ to: recipient, subject, text: body, operationId: operation.id });
  if (!outcome.sent) console.warn(`[mail] e-mail for operation ${operation.id} failed: ${outcome.error}`);
  const settled = await settleCustomerEmail(db, operation.id, claim.row.attempt, outcome);
  return { ok: true, email: toCustomerEmail(settled ?? claim.row, now()), already: false };
}
