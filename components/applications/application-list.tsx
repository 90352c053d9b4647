import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type { IndexedApplication } from "@/lib/db/applications";
import { formatMoment } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { ApplicationState, StateReason } from "@/lib/skippay/schemas";
import { ApplicationStateBadges } from "./state-badges";

/** The applications the admin knows, as a table that becomes cards on a phone. */
export function ApplicationList({ rows }: { rows: IndexedApplication[] }) {
  const t = useTranslations("list");
  const tFinancing = useTranslations("financingTypes");
  const format = useFormatter();
  const locale = useLocale() as Locale;
  const cell = "px-4 py-3 max-md:flex max-md:justify-between max-md:gap-3 max-md:px-0 max-md:py-0.5";
  const label = (text: string) => (
    <span aria-hidden="true" className="text-xs text-slate-500 md:hidden">
      {text}
    </span>
  );
  return (
    <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
      <table className="w-full text-sm">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase max-md:hidden">
          <tr>
            <th scope="col" className="px-4 py-2.5">
              {t("order")}
            </th>
            <th scope="col" className="px-4 py-2.5">
              {t("customer")}
            </th>
            <th scope="col" className="px-4 py-2.5">
              {t("state")}
            </th>
            <th scope="col" className="px-4 py-2.5 text-right">
              {t("total")}
            </th>
            <th scope="col" className="px-4 py-2.5">
              {t("financing")}
            </th>
            <th scope="col" className="px-4 py-2.5">
              {t("updated")}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr
              key={row.id}
              className="hover:bg-slate-50 max-md:block max-md:space-y-1 max-md:px-4 max-md:py-3"
            >
              <th scope="row" className="px-4 py-3 text-left font-medium max-md:block max-md:p-0">
                <Link href={`/applications/${row.id}`} className="text-brand-700 hover:underline">
                  {row.orderNumber}
                </Link>
                <span className="block font-mono text-xs font-normal text-slate-500">{row.id}</span>
              </th>
              <td className={cell}>
                {label(t("customer"))}
                <span>
                  {row.customerName ?? "–"}
                  {row.customerEmail && (
                    <span className="block text-xs text-slate-500 max-md:hidden">{row.customerEmail}</span>
                  )}
                  {row.customerPhone && (
                    <span className="block text-xs text-slate-500 tabular-nums max-md:hidden">
                      {row.customerPhone}
                    </span>
                  )}
                </span>
              </td>
              <td className={cell}>
                {label(t("state"))}
                <ApplicationStateBadges
                  state={row.state as ApplicationState}
                  stateReason={row.stateReason as StateReason}
                />
              </td>
              <td className={`${cell} text-right tabular-nums`}>
                {label(t("total"))}
                <span>
                  <span className="font-medium">{formatMoney(row.totalAmount, locale, row.currency)}</span>
                  {row.totalAmount !== row.originalTotalAmount && (
                    <span className="block text-xs text-slate-500 line-through">
                      {formatMoney(row.originalTotalAmount, locale, row.currency)}
                    </span>
                  )}
                </span>
              </td>
              <td className={cell}>
                {label(t("financing"))}
                {row.financingType ? tFinancing(row.financingType as "DEFERRED_PAYMENT") : "–"}
              </td>
              <td className={`${cell} text-slate-600`}>
                {label(t("updated"))}
                <time dateTime={row.updatedAt.toISOString()} title={formatMoment(row.updatedAt, locale)}>
                  {format.relativeTime(row.updatedAt)}
                </time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
