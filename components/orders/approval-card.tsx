"use client";
// One request in the approval queue, with what a supervisor decides on: who the customer is, the order's total now
// and as financed, what was refunded on it already, the agent's own figures against the limit, and the plan as asked
// (items, refund, VAT per rate, expected states, the exact request).
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { formatMoment, quoted } from "@/lib/i18n/format";
import type { ApprovalCard as Card } from "@/lib/operations/types";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { type Decision, DecisionButtons } from "./decision-dialog";
import { PlanDetails } from "./plan-summary";

export function ApprovalCard({
  card,
  staffId,
  busy,
  onDecide,
}: {
  card: Card;
  staffId: string;
  busy: boolean;
  onDecide: (decision: Decision, note: string) => void;
}) {
  const t = useTranslations("approvals");
  const tIntent = useTranslations("intents");
  const tReason = useTranslations("reasons");
  const locale = useLocale() as Locale;
  const { entry: e, plan } = card;
  const m = (n: number) => formatMoney(n, locale);
  const order = e.orderNumber ?? e.applicationId;
  const headingId = `approval-${e.id}`;
  return (
    <li aria-labelledby={headingId} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={headingId} className="text-base font-semibold">
          <Link href={`/applications/${e.applicationId}`} className="text-brand-700 hover:underline">
            {order}
          </Link>{" "}
          <span className="ml-1 font-medium text-slate-900">{tIntent(e.intent)}</span>{" "}
          <span className="ml-1 tabular-nums text-slate-900">{m(e.refund)}</span>
        </h2>
        <span className="ml-auto text-xs text-slate-500">
          <time dateTime={e.createdAt}>{formatMoment(new Date(e.createdAt), locale)}</time>
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700">
        {t("requestedBy", { name: e.actorName })}
        {e.reason && <> · {tReason(e.reason as "other")}</>}
        {e.note && <span className="block text-slate-600 italic">{quoted(e.note, locale)}</span>}
      </p>

      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 rounded-lg bg-slate-50 p-3 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-slate-500">{t("customer")}</dt>
          <dd className="font-medium">{card.customerName ?? "–"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("totalNow")}</dt>
          <dd className="font-medium tabular-nums">{card.total === null ? "–" : m(card.total)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("originalTotal")}</dt>
          <dd className="tabular-nums">{card.originalTotal === null ? "–" : m(card.originalTotal)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("refundedBefore")}</dt>
          <dd className="tabular-nums">{m(card.refundedBefore)}</dd>
        </div>
      </dl>
      {/* The figures above are the order now, the plan below is as asked: say so before Approve, not after. */}
      {card.changedSinceAsked && card.total !== null && (
        <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
          {t("changedSince", { before: m(e.totalBefore), now: m(card.total), name: e.actorName })}
        </p>
      )}
      <p className="mt-2 text-sm text-amber-950">
        {e.earlierRefunds > 0
          ? t("ruleTogether", {
              name: e.actorName,
              earlier: m(e.earlierRefunds),
              total: m(e.earlierRefunds + e.refund),
            })
          : t("rule", { name: e.actorName, refund: m(e.refund) })}
      </p>

      <section aria-label={t("plan")} className="mt-3 min-w-0 [&_code]:break-all">
        <PlanDetails plan={plan} application={card.current} />
      </section>

      <div className="mt-3">
        {e.actorId === staffId ? (
          <p className="text-xs text-slate-600">{t("own")}</p>
        ) : (
          <DecisionButtons
            subject={{
              id: e.id,
              intent: e.intent,
              refund: e.refund,
              // Two requests on one order are told apart by what they ask.
              label: `${order} ${tIntent(e.intent)} ${m(e.refund)}`,
              orderNumber: order,
              actorName: e.actorName,
            }}
            busy={busy}
            onDecide={onDecide}
          />
        )}
      </div>
    </li>
  );
}
