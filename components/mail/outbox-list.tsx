// The sandbox's outbox: each e-mail the embedded SMTP server received, newest first — to, from, subject, time and
// the text as the customer would read it.
import { getTranslations } from "next-intl/server";
import { formatMoment } from "@/lib/i18n/format";
import type { Locale } from "@/lib/orders/money";
import { cardClass } from "../ui/class-names";

export interface OutboxMessage {
  id: string;
  to: string;
  from: string;
  subject: string;
  body: string;
  receivedAt: string;
}

export async function OutboxList({ messages, locale }: { messages: OutboxMessage[]; locale: Locale }) {
  const t = await getTranslations("outbox");
  if (messages.length === 0) return <p className="text-sm text-slate-600">{t("empty")}</p>;
  return (
    <section aria-label={t("title")} className="space-y-3">
      <p className="text-sm text-slate-600">{t("count", { count: messages.length })}</p>
      <ol className="space-y-3">
        {messages.map((m) => (
          <li key={m.id} aria-label={m.subject} className={cardClass}>
            <h2 className="text-base font-semibold break-words text-slate-900">{m.subject}</h2>
            <dl className="mt-2 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
              <dt className="text-slate-500">{t("to")}</dt>
              <dd className="break-words text-slate-800">{m.to}</dd>
              <dt className="text-slate-500">{t("from")}</dt>
              <dd className="break-words text-slate-800">{m.from}</dd>
              <dt className="text-slate-500">{t("received")}</dt>
              <dd className="text-slate-800">
                <time dateTime={m.receivedAt}>{formatMoment(new Date(m.receivedAt), locale)}</time>
              </dd>
            </dl>
            <pre className="mt-3 rounded-md bg-slate-50 p-3 font-sans text-sm whitespace-pre-wrap text-slate-800">
              {m.body}
            </pre>
          </li>
        ))}
      </ol>
    </section>
  );
}
