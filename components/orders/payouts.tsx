// The payouts Skip Pay made to the shop for this order (GET …/payments): date, amount, the payment's id and the
// invoice data Skip Pay gives with it. Presentational.
import { useLocale, useTranslations } from "next-intl";
import type { PayoutsState } from "@/lib/applications/payouts";
import { formatDay } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { cardClass } from "../ui/class-names";

/** The spec's dates are days, though its examples carry a time: the day is what staff need. */
function dayOf(value: string, locale: Locale): string {
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? formatDay(value.slice(0, 10), locale) : value;
}

export function Payouts({ payouts }: { payouts: PayoutsState }) {
  const t = useTranslations("payouts");
  const locale = useLocale() as Locale;
  return (
    <section aria-labelledby="payouts-heading" className={cardClass}>
      <h2 id="payouts-heading" className="text-base font-semibold text-slate-900">
        {t("title")}
      </h2>
      {!payouts.ok ? (
        <p className="mt-3 text-sm text-slate-700">{t("unavailable")}</p>
      ) : payouts.payments.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100 text-sm">
          {payouts.payments.map((p) => (
            <li key={p.paymentId} className="py-2">
              <div className="flex justify-between gap-4">
                <span className="text-slate-800">{dayOf(p.date, locale)}</span>
                <span className="font-semibold tabular-nums text-slate-900">
                  {formatMoney(p.value.amount, locale)}
                </span>
              </div>
              <p className="mt-0.5 break-words text-xs text-slate-600">
                {t("payment", { id: p.paymentId })}
                {p.invoice?.dueDate && ` · ${t("dueDate", { date: dayOf(p.invoice.dueDate, locale) })}`}
                {p.invoice?.accountNumber &&
                  ` · ${t("account", {
                    account: [p.invoice.accountNumber.accountNumber, p.invoice.accountNumber.bankCode]
                      .filter(Boolean)
                      .join("/"),
                  })}`}
              </p>
            </li>
          ))}
        </ul>
      )}
      {payouts.ok && !payouts.complete && <p className="mt-2 text-xs text-slate-600">{t("incomplete")}</p>}
    </section>
  );
}
