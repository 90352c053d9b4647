import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { OutboxList } from "@/components/mail/outbox-list";
import { requirePageStaff } from "@/lib/auth/session";
import { config } from "@/lib/config";
import { getDb } from "@/lib/db/client";
import { listOutbox } from "@/lib/db/customer-emails";
import type { Locale } from "@/lib/orders/money";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("outbox");
  return { title: t("title") };
}

/** Sandbox only: what the embedded SMTP server received — the e-mails customers would have got. */
export default async function OutboxPage() {
  // Production mail goes to a real server; this page (and its table) is the sandbox's alone.
  if (config().mail.kind !== "sandbox") notFound();
  await requirePageStaff("view", "/outbox");
  const t = await getTranslations("outbox");
  const messages = await listOutbox(await getDb());
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      </div>
      <OutboxList
        locale={(await getLocale()) as Locale}
        messages={messages.map((m) => ({
          id: m.id,
          to: m.toHeader || m.envelopeTo.join(", "),
          from: m.fromHeader || m.envelopeFrom,
          subject: m.subject,
          body: m.body,
          receivedAt: m.receivedAt.toISOString(),
        }))}
      />
    </div>
  );
}
