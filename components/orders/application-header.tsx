"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatDay } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { ITEM_STATE_TONE, stateExplanation } from "@/lib/orders/presentation";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { ApplicationStateBadges } from "../applications/state-badges";
import { Badge } from "../ui/badge";
import { cardClass } from "../ui/class-names";

/** Who, what and where the application stands: order number, customer, states in plain words, totals. */
export function ApplicationHeader({
  application,
  originalTotal,
}: {
  application: ApplicationResponse;
  originalTotal: number;
}) {
  const t = useTranslations("application");
  const tStates = useTranslations("states");
  const tItem = useTranslations("itemStates");
  const tFinancing = useTranslations("financingTypes");
  const locale = useLocale() as Locale;
  const { order, customer } = application;
  const name = customer.fullName || [customer.firstName, customer.lastName].filter(Boolean).join(" ");
  const reduced = originalTotal - order.totalPrice.amount;
  const date = (d: string | null | undefined) => (d ? formatDay(d, locale) : null);
  return (
    <section aria-labelledby="application-heading" className={cardClass}>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-0 space-y-1">
          <p className="text-xs font-medium tracking-wide text-slate-500 uppercase">{t("eyebrow")}</p>
          <h1 id="application-heading" className="text-2xl font-semibold tracking-tight text-slate-900">
            {t("title", { number: order.number })}
          </h1>
          <p className="text-sm text-slate-600">
            <span className="font-medium text-slate-800">{name}</span>
            {customer.email && <> · {customer.email}</>}
            {customer.phone && <> · {customer.phone}</>}
          </p>
        </div>
        <div className="sm:text-right">
          <p className="text-xs font-medium text-slate-500">{t("currentTotal")}</p>
          <p className="text-2xl font-semibold tabular-nums text-slate-900" data-testid="current-total">
            {formatMoney(order.totalPrice.amount, locale, order.totalPrice.currency)}
          </p>
          {reduced !== 0 && (
            <p className="text-xs text-slate-500 tabular-nums">
              {t("originalTotal", { amount: formatMoney(originalTotal, locale) })} ·{" "}
              {t("reducedBy", { amount: formatMoney(reduced, locale) })}
            </p>
          )}
        </div>
      </div>

      <div className="mt-4 rounded-lg bg-slate-50 px-4 py-3">
        <div className="flex flex-wrap items-center gap-2">
          <ApplicationStateBadges state={application.state} stateReason={application.stateReason} />
          <span className="text-sm text-slate-700" data-testid="state-explanation">
            {tStates(`explain.${stateExplanation(application)}` as "explain.READY_SHIPPED")}
          </span>
        </div>
      </div>

      <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <dt className="text-xs text-slate-500">{t("financing")}</dt>
          <dd className="font-medium text-slate-800">{tFinancing(application.type)}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("orderState")}</dt>
          <dd>
            <Badge tone={ITEM_STATE_TONE[order.state]}>{tItem(order.state)}</Badge>
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("variableSymbol")}</dt>
          <dd className="font-mono text-slate-800">{order.variableSymbols?.[0] ?? "–"}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("applicationId")}</dt>
          <dd className="font-mono text-slate-800">{application.id}</dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("sent")}</dt>
          <dd className="text-slate-800">
            {date(order.sentDate) ?? "–"}
            {order.deliveryTrackingNumber && (
              <span className="block font-mono text-xs text-slate-500">{order.deliveryTrackingNumber}</span>
            )}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">{t("delivered")}</dt>
          <dd className="text-slate-800">{date(order.deliveryDate) ?? "–"}</dd>
        </div>
      </dl>
    </section>
  );
}
