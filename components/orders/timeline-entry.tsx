"use client";
// One operation on the timeline: who did what and why, with what money, what Skip Pay answered, its approval, an
// unclear outcome's evidence — and the message for the customer, for whoever talks to them later.
import { useLocale, useTranslations } from "next-intl";
import { can, mayDecide } from "@/lib/auth/roles";
import { formatMoment, quoted } from "@/lib/i18n/format";
import type { JournalEntry, OperationStatus, TimelineNote } from "@/lib/operations/types";
import { factsOfEntry } from "@/lib/orders/customer-message";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { Badge, type Tone } from "../ui/badge";
import { type EmailControl, EmailRecord, SendToCustomer } from "./customer-email";
import { CustomerMessage } from "./customer-message";
import { DecisionButtons } from "./decision-dialog";
import { StaleDiff } from "./stale-diff";
import type { WorkspaceStaff } from "./types";
import { UnclearOutcome } from "./unclear-outcome";

export const STATUS_TONE: Record<OperationStatus, Tone> = {
  pending_approval: "warning",
  rejected: "neutral",
  in_flight: "info",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  needs_review: "danger",
  needs_reconfirmation: "warning",
  withdrawn: "neutral",
};

/** How a decided request's decision reads (the decision time with it). */
export const DECIDED: Partial<Record<OperationStatus, string>> = {
  rejected: "rejectedBy",
  needs_reconfirmation: "approvedChangedBy",
  // Decided and then withdrawn: it was sent back on a changed order first.
  withdrawn: "approvedChangedBy",
};

export function TimelineEntry({
  entry: e,
  staff,
  application,
  lineNames,
  busy,
  email,
  language,
  onDecide,
  onResolve,
}: {
  entry: JournalEntry;
  /** The operation's customer e-mail and its send controls. */
  email: EmailControl;
  language: Locale;
  staff: WorkspaceStaff;
  application: ApplicationResponse;
  lineNames: Record<string, string>;
  busy: boolean;
  onDecide: (decision: "approve" | "reject", note: string) => void;
  onResolve: (outcome: "applied" | "not_applied", note: string) => void;
}) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const tReason = useTranslations("reasons");
  const tCancel = useTranslations("cancelReasons");
  const tStates = useTranslations("states");
  const locale = useLocale() as Locale;
  const money = e.refund > 0 ? e.refund : e.cancelledValue > 0 ? e.cancelledValue : null;
  const reason = e.reason
    ? e.intent === "cancel-application"
      ? tCancel(e.reason as "APPLICATION_CANCELLED_OTHER")
      : tReason(e.reason as "other")
    : null;
  const facts = e.status === "succeeded" ? factsOfEntry(e, application) : null;
  const at = (iso: string) => formatMoment(new Date(iso), locale);
  return (
    <li
      className="rounded-lg border border-slate-200 p-3 text-sm"
      aria-label={`${tIntent(e.intent)} — ${t(`status.${e.status}`)}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
        <span className="font-semibold text-slate-900">{tIntent(e.intent)}</span>
        {e.intent === "change-order" && e.totalAfter !== null ? (
          // A change may lower or raise the total: the amount alone would not say which.
          <span className="tabular-nums text-slate-700">
            {formatMoney(e.totalBefore, locale)} → {formatMoney(e.totalAfter, locale)}
          </span>
        ) : (
          money !== null && <span className="tabular-nums text-slate-700">{formatMoney(money, locale)}</span>
        )}
        <span className="ml-auto text-xs text-slate-500">
          <time dateTime={e.createdAt}>{at(e.createdAt)}</time>
        </span>
      </div>
      <p className="mt-1 text-slate-700">
        {t("by", { name: e.actorName })}
        {reason && <> · {reason}</>}
        {e.note && <span className="block text-slate-600 italic">{quoted(e.note, locale)}</span>}
      </p>
      {e.approvalRequired && e.decidedByName && e.decidedAt && (
        <p className="mt-1 text-slate-700">
          {t(DECIDED[e.status] ?? "approvedBy", { name: e.decidedByName, at: at(e.decidedAt) })}
          {e.decisionNote && <span className="text-slate-600"> — {quoted(e.decisionNote, locale)}</span>}
        </p>
      )}
      {e.status === "withdrawn" && e.finishedAt && (
        <p className="mt-1 text-slate-700">{t("withdrawnBy", { name: e.actorName, at: at(e.finishedAt) })}</p>
      )}
      {e.status === "needs_reconfirmation" && e.orderChange && (
        <div className="mt-2 space-y-1 rounded-md bg-amber-50 p-3 text-amber-950">
          <StaleDiff change={e.orderChange} />
          <p className="text-xs font-medium">{t("backWith", { name: e.actorName })}</p>
        </div>
      )}
      {e.response && (
        <p className="mt-1 text-slate-700">
          {t("answer", {
            state: tStates(`state.${e.response.state}` as "state.READY"),
            substate: tStates(`substate.${e.response.stateReason}` as "substate.READY_TO_SHIP"),
            total: formatMoney(e.response.total, locale),
          })}
        </p>
      )}
      {e.error && (
        <p className="mt-1 text-red-800">
          {t("error", { kind: e.error.kind, message: e.error.message })}
          {e.ticketId && (
            <span className="block text-xs text-slate-600">{t("ticket", { ticket: e.ticketId })}</span>
          )}
        </p>
      )}
      {e.reconciliation && !e.resolvedAt && (
        <p className="mt-1 text-slate-700">{t(`reconciled.${e.reconciliation}`)}</p>
      )}
      <UnclearOutcome
        entry={e}
        lineNames={lineNames}
        mayResolve={can(staff.role, "approve")}
        onResolve={(_, outcome, note) => onResolve(outcome, note)}
        resolving={busy}
      />
      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          {t("request", { endpoint: e.endpoint })}
        </summary>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
          {JSON.stringify(e.body, null, 2)}
        </pre>
      </details>
      {email.email && <EmailRecord email={email.email} />}
      {facts && (
        <details className="mt-2">
          <summary className="cursor-pointer text-xs font-medium text-slate-600">
            {t("customerMessage")}
          </summary>
          <CustomerMessage
            facts={facts}
            compact
            defaultLanguage={email.email?.language ?? language}
            send={(chosen) => <SendToCustomer control={email} language={chosen} />}
          />
        </details>
      )}
      {e.status === "pending_approval" && e.actorId === staff.id && (
        <p className="mt-2 text-xs text-slate-600">{t("waitingForOther", { role: staff.role })}</p>
      )}
      {mayDecide(staff, e) && (
        <div className="mt-3 rounded-md bg-amber-50 p-3">
          <DecisionButtons
            subject={{
              id: e.id,
              intent: e.intent,
              refund: e.refund,
              label: `${tIntent(e.intent)} ${formatMoney(e.refund, locale)}`,
              orderNumber: e.orderNumber ?? e.applicationId,
              actorName: e.actorName,
            }}
            busy={busy}
            onDecide={onDecide}
          />
        </div>
      )}
    </li>
  );
}

/** A note staff added: a difference in the total they checked. */
export function NoteEntry({ note }: { note: TimelineNote }) {
  const t = useTranslations("journal");
  const locale = useLocale() as Locale;
  return (
    <li className="rounded-lg border border-slate-200 p-3 text-sm" aria-label={t("driftChecked")}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">{t("noteBadge")}</Badge>
        <span className="font-semibold text-slate-900">{t("driftChecked")}</span>
        <span className="ml-auto text-xs text-slate-500">
          <time dateTime={note.createdAt}>{formatMoment(new Date(note.createdAt), locale)}</time>
        </span>
      </div>
      <p className="mt-1 text-slate-700">
        {t("driftCheckedBy", {
          name: note.actorName,
          amount: formatMoney(Math.abs(note.drift), locale),
          direction: note.drift < 0 ? "lower" : "higher",
        })}
        {note.note && <span className="block text-slate-600 italic">{quoted(note.note, locale)}</span>}
      </p>
    </li>
  );
}
