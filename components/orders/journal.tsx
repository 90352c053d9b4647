"use client";
import { useLocale, useTranslations } from "next-intl";
import { useId, useState } from "react";
import { formatMoment } from "@/lib/i18n/format";
import type { JournalEntry, OperationStatus } from "@/lib/operations/types";
import type { Ledger } from "@/lib/orders/ledger";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { Alert } from "../ui/alert";
import { Badge, type Tone } from "../ui/badge";
import { Button } from "../ui/button";
import { cardClass } from "../ui/class-names";
import { inputClass } from "../ui/field";
import { type Resolve, UnclearOutcome } from "./unclear-outcome";

const STATUS_TONE: Record<OperationStatus, Tone> = {
  pending_approval: "warning",
  rejected: "neutral",
  in_flight: "info",
  succeeded: "success",
  failed: "danger",
  unknown: "warning",
  needs_review: "danger",
};

/** Financed → cancelled → returned → refunded → what the total should be, against what Skip Pay says. */
export function MoneyLedger({ ledger }: { ledger: Ledger }) {
  const t = useTranslations("ledger");
  const locale = useLocale() as Locale;
  const m = (n: number) => formatMoney(n, locale);
  const row = (label: string, value: string, strong = false) => (
    <div className="flex justify-between gap-4 py-1">
      <dt className="text-slate-600">{label}</dt>
      <dd className={`tabular-nums ${strong ? "font-semibold text-slate-900" : "text-slate-800"}`}>
        {value}
      </dd>
    </div>
  );
  return (
    <section aria-labelledby="ledger-heading" className={cardClass}>
      <h2 id="ledger-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      <dl className="mt-3 divide-y divide-slate-100 text-sm">
        {row(t("financed"), m(ledger.financed))}
        {row(t("cancelled"), `− ${m(ledger.cancelled)}`)}
        {row(t("returned"), `− ${m(ledger.returned)}`)}
        {row(t("refunded"), `− ${m(ledger.refunded)}`)}
        {row(t("expected"), m(ledger.expected), true)}
        {row(t("actual"), m(ledger.actual), true)}
      </dl>
      {ledger.drift !== 0 && (
        <Alert
          tone="warning"
          title={t("driftTitle", {
            amount: m(Math.abs(ledger.drift)),
            direction: ledger.drift < 0 ? "lower" : "higher",
          })}
          className="mt-3"
        >
          {t("driftBody")}
        </Alert>
      )}
    </section>
  );
}

/** An operation whose outcome a supervisor must record: said above the form, so nobody repeats it meanwhile. */
export function UnclearOperation({ entry }: { entry: JournalEntry }) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  return (
    <Alert
      tone="warning"
      title={t("needsReviewBanner", {
        intent: tIntent(entry.intent),
        name: entry.actorName,
        at: formatMoment(new Date(entry.startedAt ?? entry.createdAt), locale),
      })}
    >
      <p>{t("needsReviewBannerBody")}</p>
    </Alert>
  );
}

/** "Return by Alena Králová is in progress" / "…outcome is being checked": shown while the application is locked. */
export function ActiveOperation({
  entry,
  onCheck,
  checking,
}: {
  entry: JournalEntry;
  onCheck: () => void;
  checking: boolean;
}) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const locale = useLocale() as Locale;
  return (
    <Alert
      tone="warning"
      title={t(entry.status === "unknown" ? "activeUnknown" : "activeInFlight", {
        intent: tIntent(entry.intent),
        name: entry.actorName,
        at: formatMoment(new Date(entry.startedAt ?? entry.createdAt), locale),
      })}
    >
      <p>{t(entry.status === "unknown" ? "activeUnknownBody" : "activeInFlightBody")}</p>
      <Button size="sm" className="mt-2" onClick={onCheck} pending={checking}>
        {t("checkNow")}
      </Button>
    </Alert>
  );
}

export function Timeline({
  entries,
  staffId,
  canApprove,
  onDecide,
  deciding,
  onResolve,
  lineNames,
}: {
  entries: JournalEntry[];
  staffId: string;
  canApprove: boolean;
  onDecide: (operationId: string, decision: "approve" | "reject", note: string) => void;
  /** The operation a decision or a recorded outcome is being sent for. */
  deciding: string | null;
  onResolve: Resolve;
  lineNames: Record<string, string>;
}) {
  const t = useTranslations("journal");
  return (
    <section aria-labelledby="timeline-heading" className={cardClass}>
      <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol className="mt-3 space-y-3">
          {entries.map((e) => (
            <TimelineEntry
              key={e.id}
              entry={e}
              mayDecide={canApprove && e.status === "pending_approval" && e.actorId !== staffId}
              ownRequest={e.status === "pending_approval" && e.actorId === staffId}
              onDecide={onDecide}
              deciding={deciding === e.id}
              mayResolve={canApprove}
              onResolve={onResolve}
              lineNames={lineNames}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function TimelineEntry({
  entry: e,
  mayDecide,
  ownRequest,
  onDecide,
  deciding,
  mayResolve,
  onResolve,
  lineNames,
}: {
  entry: JournalEntry;
  mayDecide: boolean;
  ownRequest: boolean;
  onDecide: (operationId: string, decision: "approve" | "reject", note: string) => void;
  deciding: boolean;
  mayResolve: boolean;
  onResolve: Resolve;
  lineNames: Record<string, string>;
}) {
  const t = useTranslations("journal");
  const tIntent = useTranslations("intents");
  const tReason = useTranslations("reasons");
  const tStates = useTranslations("states");
  const locale = useLocale() as Locale;
  const [note, setNote] = useState("");
  const noteId = useId();
  const money =
    e.refund > 0
      ? formatMoney(e.refund, locale)
      : e.cancelledValue > 0
        ? formatMoney(e.cancelledValue, locale)
        : null;
  return (
    <li
      className="rounded-lg border border-slate-200 p-3 text-sm"
      aria-label={`${tIntent(e.intent)} — ${t(`status.${e.status}`)}`}
    >
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[e.status]}>{t(`status.${e.status}`)}</Badge>
        <span className="font-semibold text-slate-900">{tIntent(e.intent)}</span>
        {money && <span className="tabular-nums text-slate-700">{money}</span>}
        <span className="ml-auto text-xs text-slate-500">
          <time dateTime={e.createdAt}>{formatMoment(new Date(e.createdAt), locale)}</time>
        </span>
      </div>
      <p className="mt-1 text-slate-700">
        {t("by", { name: e.actorName })} · {tReason(e.reason)}
        {e.note && <span className="block text-slate-600 italic">“{e.note}”</span>}
      </p>
      {e.approvalRequired && e.decidedByName && (
        <p className="mt-1 text-slate-700">
          {t(e.status === "rejected" ? "rejectedBy" : "approvedBy", { name: e.decidedByName })}
          {e.decisionNote && <span className="text-slate-600"> — {e.decisionNote}</span>}
        </p>
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
        mayResolve={mayResolve}
        onResolve={onResolve}
        resolving={deciding}
      />
      <details className="mt-2">
        <summary className="cursor-pointer text-xs font-medium text-slate-600">
          {t("request", { endpoint: e.endpoint })}
        </summary>
        <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2 text-xs">
          {JSON.stringify(e.body, null, 2)}
        </pre>
      </details>
      {ownRequest && <p className="mt-2 text-xs text-slate-600">{t("waitingForOther")}</p>}
      {mayDecide && (
        <div className="mt-3 space-y-2 rounded-md bg-amber-50 p-3">
          <label htmlFor={noteId} className="block text-xs font-medium text-slate-700">
            {t("decisionNote")}
          </label>
          <input
            id={noteId}
            value={note}
            onChange={(ev) => setNote(ev.target.value)}
            className={inputClass}
          />
          <div className="flex gap-2">
            <Button
              size="sm"
              variant="primary"
              pending={deciding}
              onClick={() => onDecide(e.id, "approve", note)}
            >
              {t("approve", { intent: tIntent(e.intent), amount: money ?? "" })}
            </Button>
            <Button size="sm" disabled={deciding} onClick={() => onDecide(e.id, "reject", note)}>
              {t("reject")}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}
