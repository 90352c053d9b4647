// Sending one e-mail over SMTP (nodemailer): to `SMTP_URL`, or in sandbox mode without it to the embedded SMTP
// server, started on first use. Server-only.
import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import type { AppConfig } from "@/lib/config";
import type { Db } from "@/lib/db/client";
import { startSandboxSmtp } from "./sandbox-smtp";

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  /** Marks the message with the operation it belongs to (a header), for whoever reads the mail server's logs. */
  operationId: string;
}

export type SendOutcome = { sent: true; smtpResponse: string } | { sent: false; error: string };

export interface Mailer {
  from: string;
  send: (email: OutgoingEmail) => Promise<SendOutcome>;
}

// Well below the journal's "cut off" age (STALE_SENDING_MS): a claim never outlives its SMTP call.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

/** A mailer over an SMTP URL (`smtp://user:pass@host:587`, `smtps://…:465`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = createTransport({ url, ...TIMEOUTS });
  return mailerOver(transport, from);
}

/** A mailer to a plain SMTP server on this machine (the sandbox's: no TLS, no account). */
export function localMailer(host: string, port: number, from: string): Mailer {
  return mailerOver(createTransport({ host, port, secure: false, ignoreTLS: true, ...TIMEOUTS }), from);
}

function mailerOver(transport: Transporter, from: string): Mailer {
  return {
    from,
    async send(email) {
      try {
        const info = await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          headers: { "X-Skip-Pay-Operation": email.operationId },
        });
        return { sent: true, smtpResponse: String(info.response ?? "") };
      } catch (error) {
        return { sent: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}

const globalForMail = globalThis as unknown as { __mailer?: Promise<Mailer | null> };

/** This process's mailer, per the configuration (null: e-mail is off). The sandbox's server starts once. */
export function getMailer(mail: AppConfig["mail"], db: () => Promise<Db>): Promise<Mailer | null> {
  globalForMail.__mailer ??= (async () => {
    if (mail.kind === "off") return null;
    if (mail.kind === "smtp") return smtpMailer(mail.url, mail.from);
    const smtp = await startSandboxSmtp(await db());
    console.log(
      `[mail] sandbox: customer e-mails go to the embedded SMTP server on ${smtp.host}:${smtp.port}; see /outbox`,
    );
    return localMailer(smtp.host, smtp.port, mail.from);
  })().catch((error) => {
    // Let the next send try again rather than remember a failure to start.
    globalForMail.__mailer = undefined;
    throw error;
  });
  return globalForMail.__mailer;
}
