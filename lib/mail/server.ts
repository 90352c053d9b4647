// The notify service wired to the configuration and the database. Server-only.
import "server-only";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import type { NotifyDeps } from "./notify";
import { getMailer, type Mailer } from "./transport";

export async function getNotifyDeps(): Promise<NotifyDeps> {
  const mail = config().mail;
  const mailer: Mailer | null = await getMailer(mail, getDb).catch((error: Error) => ({
    // The sandbox's SMTP server could not start: the attempt is recorded as failed and can be re-sent.
    from: mail.kind === "off" ? "" : mail.from,
    send: async () => ({
      sent: false as const,
      error: `the sandbox SMTP server did not start: ${error.message}`,
    }),
  }));
  return { db: await getDb(), mailer, shopName: mail.kind === "off" ? undefined : mail.shopName };
}
