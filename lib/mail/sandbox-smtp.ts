// Sandbox only: an SMTP server in this process, on a loopback port, that keeps every message it receives in the
// database (the Outbox page lists them) and delivers nothing. It stands in for a mail provider as /sandbox stands
// in for Skip Pay, so the whole notify flow runs with no account anywhere. Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { type AddressObject, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { Db } from "@/lib/db/client";
import { insertOutboxMessage } from "@/lib/db/customer-emails";

export interface SandboxSmtp {
  host: string;
  port: number;
  close: () => Promise<void>;
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).map((x) => x.text).join(", ");

/** Starts the server on `127.0.0.1:port` (0: any free port). */
export function startSandboxSmtp(db: Db, port = 0): Promise<SandboxSmtp> {
  const host = "127.0.0.1";
  const server = new SMTPServer({
    // Loopback only, no account: the app's own transport is the one client.
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: 1024 * 1024,
    logger: false,
    banner: "Skip Pay Orders sandbox outbox (nothing is delivered)",
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          if (stream.sizeExceeded) throw Object.assign(new Error("message too large"), { responseCode: 552 });
          await insertOutboxMessage(db, {
            id: randomUUID(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            fromHeader: addresses(mail.from),
            toHeader: addresses(mail.to),
            subject: mail.subject ?? "",
            body: mail.text ?? "",
            messageId: mail.messageId ?? null,
          });
        })
        .then(
          () => callback(),
          (error: Error) => callback(error),
        );
    },
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      // A broken client connection is that client's problem, never the app's.
      server.on("error", (error) => console.warn(`[mail] sandbox SMTP server: ${error.message}`));
      const address = server.server.address() as AddressInfo;
      resolve({
        host,
        port: address.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
