// Customer e-mails as the UI sees them (isomorphic; sending is lib/mail/notify.ts, storage lib/db/customer-emails.ts).

export type CustomerEmailStatus = "sending" | "sent" | "failed";

/** The e-mail of one operation: what was sent to whom, by whom, and how it went. */
export interface CustomerEmail {
  operationId: string;
  applicationId: string;
  status: CustomerEmailStatus;
  /** A `sending` claim this old was cut off (its process stopped): it may or may not have gone out. */
  stale: boolean;
  recipient: string;
  language: "cs" | "en";
  subject: string;
  body: string;
  actorName: string;
  attempt: number;
  error: string | null;
  claimedAt: string;
  sentAt: string | null;
  failedAt: string | null;
}

export type NotifyFailureKind =
  /** The input did not validate. */
  | "invalid"
  | "unauthenticated"
  | "forbidden"
  /** No such operation on this application. */
  | "not_found"
  /** Only an operation Skip Pay confirmed has a message for the customer. */
  | "not_succeeded"
  /** The application has no customer e-mail address. */
  | "no_address"
  /** E-mail is not configured (production without SMTP_URL). */
  | "mail_off";

/**
 * The answer to "Send to the customer": the e-mail as it now is — sent, failed (the operation stands; Resend), or
 * already sent or being sent by someone else (`already`: nothing was sent this time).
 */
export type NotifyResult =
  | { ok: true; email: CustomerEmail; already: boolean }
  | { ok: false; failure: { kind: NotifyFailureKind } };

/** How long a claim may stay `sending` before it counts as cut off: far beyond the SMTP client's own timeouts. */
export const STALE_SENDING_MS = 10 * 60_000;
