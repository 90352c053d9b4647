"use client";
// "Send to the customer": the button under the customer message, what became of the e-mail (sent, failed with
// Resend, cut off), and the record on the operation's timeline entry. The server sends at most one e-mail per
// operation whatever is clicked; the page also ignores a second click while the first is on its way.
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useRef, useState } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { CustomerEmail, NotifyFailureKind, NotifyResult } from "@/lib/mail/types";
import type { Locale } from "@/lib/orders/money";
import { Badge, type Tone } from "../ui/badge";
import { Button } from "../ui/button";
import { useHydrated } from "../ui/use-hydrated";

/** What the send controls of one operation need. */
export interface EmailControl {
  email: CustomerEmail | null;
  recipient: string | null;
  /** E-mail is set up on this server. */
  mailOn: boolean;
  /** The signed-in person may send (operate). */
  maySend: boolean;
  pending: boolean;
  /** The last answer said nothing was sent because it already had been. */
  already: boolean;
  failure: NotifyFailureKind | null;
  send: (language: Locale) => void;
}

/** The e-mails of the page's operations: the journal's, updated at once by each send's own answer. */
export function useCustomerEmails({
  notify,
  emails,
  applicationId,
  recipient,
  mailOn,
  maySend,
  refreshJournal,
}: {
  notify: (input: unknown) => Promise<NotifyResult>;
  emails: CustomerEmail[];
  applicationId: string;
  recipient: string | null;
  mailOn: boolean;
  maySend: boolean;
  refreshJournal: () => Promise<unknown>;
}) {
  const [answers, setAnswers] = useState<Record<string, NotifyResult>>({});
  const [pending, setPending] = useState<Record<string, boolean>>({});
  // A double click arrives before React has re-rendered the disabled button: the ref sees it at once.
  const inFlight = useRef(new Set<string>());

  const send = useCallback(
    async (operationId: string, language: Locale) => {
      if (inFlight.current.has(operationId)) return;
      inFlight.current.add(operationId);
      setPending((p) => ({ ...p, [operationId]: true }));
      try {
        const answer = await notify({ applicationId, operationId, language });
        setAnswers((a) => ({ ...a, [operationId]: answer }));
      } catch {
        setAnswers((a) => ({ ...a, [operationId]: { ok: false, failure: { kind: "invalid" } } }));
      } finally {
        inFlight.current.delete(operationId);
        setPending((p) => ({ ...p, [operationId]: false }));
        void refreshJournal();
      }
    },
    [notify, applicationId, refreshJournal],
  );

  return (operationId: string): EmailControl => {
    const journal = emails.find((e) => e.operationId === operationId) ?? null;
    const answer = answers[operationId];
    const answered = answer?.ok ? answer.email : null;
    // The newer of the two: a send's answer arrives before the journal is read again.
    const email =
      answered &&
      (!journal ||
        answered.attempt > journal.attempt ||
        (answered.attempt === journal.attempt && journal.status === "sending"))
        ? answered
        : journal;
    return {
      email,
      recipient,
      mailOn,
      maySend,
      pending: !!pending[operationId],
      already: !!(answer?.ok && answer.already),
      failure: answer && !answer.ok ? answer.failure.kind : null,
      send: (language) => void send(operationId, language),
    };
  };
}

/** Under the customer message: the button, and what became of the e-mail. */
export function SendToCustomer({ control: c, language }: { control: EmailControl; language: Locale }) {
  const t = useTranslations("customerEmail");
  const locale = useLocale() as Locale;
  const live = useHydrated();
  const at = (iso: string) => formatMoment(new Date(iso), locale);
  const e = c.email;
  const mayRetry = !e || e.status === "failed" || e.stale;
  let status: React.ReactNode = null;
  if (e?.status === "sent" && e.sentAt)
    status = <p>{t("sent", { email: e.recipient, at: at(e.sentAt), name: e.actorName })}</p>;
  else if (e?.status === "failed")
    status = <p className="text-red-800">{t("failed", { email: e.recipient, error: e.error ?? "" })}</p>;
  else if (e?.stale)
    status = <p className="text-amber-900">{t("stale", { email: e.recipient, at: at(e.claimedAt) })}</p>;
  else if (e?.status === "sending" || c.pending)
    status = <p>{t("sending", { email: e?.recipient ?? c.recipient ?? "" })}</p>;

  let action: React.ReactNode = null;
  if (!c.maySend) action = null;
  else if (!c.mailOn) action = <p className="text-slate-600">{t("mailOff")}</p>;
  else if (!c.recipient && !e) action = <p className="text-slate-600">{t("noAddress")}</p>;
  else if (mayRetry)
    action = (
      <div className="flex flex-wrap items-center gap-3">
        <Button
          size="sm"
          variant="primary"
          pending={c.pending}
          disabled={!live}
          onClick={() => c.send(language)}
        >
          {e ? t("resend") : t("send")}
        </Button>
        {!e && c.recipient && <span className="text-slate-600">{t("to", { email: c.recipient })}</span>}
      </div>
    );

  return (
    <div className="mt-3 space-y-2 border-t border-slate-200 pt-3 text-sm">
      {action}
      <div aria-live="polite" className="space-y-1 text-slate-700">
        {status}
        {c.already && <p>{t("already")}</p>}
        {c.failure && <p className="text-red-800">{t(`failures.${c.failure}`)}</p>}
      </div>
    </div>
  );
}

const TONE: Record<CustomerEmail["status"], Tone> = { sending: "info", sent: "success", failed: "danger" };

/** On the operation's timeline entry: the e-mail — sent or failed, to whom, when, by whom, and its text. */
export function EmailRecord({ email: e }: { email: CustomerEmail }) {
  const t = useTranslations("customerEmail");
  const locale = useLocale() as Locale;
  const when = e.sentAt ?? e.failedAt ?? e.claimedAt;
  return (
    <div className="mt-2 rounded-md bg-slate-50 p-2" data-testid="customer-email-record">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-800">{t("record")}</span>
        <Badge tone={e.stale ? "warning" : TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
        {e.attempt > 1 && <span className="text-xs text-slate-500">{t("attempt", { n: e.attempt })}</span>}
      </p>
      <p className="mt-1 text-slate-700">
        {t("recordTo", {
          email: e.recipient,
          at: formatMoment(new Date(when), locale),
          name: e.actorName,
        })}
      </p>
      {e.status === "failed" && e.error && <p className="mt-1 text-red-800">{e.error}</p>}
      <details className="mt-1">
        <summary className="cursor-pointer text-xs font-medium text-slate-600">{t("textSent")}</summary>
        <pre lang={e.language} className="mt-1 whitespace-pre-wrap rounded bg-white p-2 font-sans text-xs">
          {`${e.subject}\n\n${e.body}`}
        </pre>
      </details>
    </div>
  );
}
