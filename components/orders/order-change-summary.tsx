"use client";
// An order change, old → new: the lines it changes (quantity × unit price = total) and the VAT per rate.
import { useLocale, useTranslations } from "next-intl";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { DeliveryAddress, LineDiff, OrderChangePreview } from "@/lib/orders/plan-types";
import { addressLine, changedLines } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import { RateTable } from "./vat-table";

export function OrderChangeSummary({ change }: { change: OrderChangePreview }) {
  const t = useTranslations("changeOrder");
  const carriers = useTranslations("carriers");
  // Skip Pay's carrier codes by name; a code it adds later shows as it is.
  const carrier = (code: string) => (carriers.has(code as "PPL") ? carriers(code as "PPL") : code);
  const locale = useLocale() as Locale;
  const m = (n: number) => formatMoney(n, locale);
  const side = (s: LineDiff["before"]) =>
    s ? `${formatQuantity(s.quantity, locale)} × ${m(s.unitPrice)} = ${m(s.total)}` : null;
  const changed = changedLines(change);
  const address = (a: DeliveryAddress | null) => (a ? addressLine(a) : t("delivery.noAddress"));
  const delivery = change.delivery;
  const rates = [...new Set([...change.vatBefore, ...change.vatAfter].map((v) => v.rate))].sort(
    (a, b) => b - a,
  );
  return (
    <div className="space-y-3 text-sm">
      {delivery && (
        <dl className="space-y-1 text-xs" aria-label={t("delivery.heading")}>
          {delivery.address && (
            <div>
              <dt className="text-slate-600">{t("delivery.address")}</dt>
              <dd data-testid="change-address">
                <span className="text-slate-500">{address(delivery.address.before)}</span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> {t("becomes")} </span>
                <span className="font-medium text-slate-900">{address(delivery.address.after)}</span>
              </dd>
            </div>
          )}
          {delivery.carrier && (
            <div>
              <dt className="text-slate-600">{t("delivery.carrier")}</dt>
              <dd data-testid="change-carrier">
                <span className="text-slate-500">
                  {delivery.carrier.before ? carrier(delivery.carrier.before) : t("delivery.noCarrier")}
                </span>
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> {t("becomes")} </span>
                <span className="font-medium text-slate-900">{carrier(delivery.carrier.after)}</span>
              </dd>
            </div>
          )}
        </dl>
      )}
      {changed.length > 0 && (
        <ul
          className="divide-y divide-slate-100 rounded-md border border-slate-200"
          aria-label={t("changedLines")}
        >
          {changed.map((d) => (
            <li key={d.key} className="px-3 py-1.5" data-testid="change-line">
              <span className="font-medium">{d.name}</span>{" "}
              <span className="font-mono text-xs text-slate-500">{d.code}</span>
              <span className="block text-xs tabular-nums text-slate-700">
                {d.before ? (
                  <span className={d.after ? "text-slate-500" : "line-through"}>{side(d.before)}</span>
                ) : (
                  <span className="font-medium text-emerald-800">{t("new")}</span>
                )}
                <span aria-hidden="true"> → </span>
                <span className="sr-only"> {t("becomes")} </span>
                {d.after ? (
                  <span className="font-medium text-slate-900">{side(d.after)}</span>
                ) : (
                  <span className="font-medium text-red-800">{t("removed")}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      <RateTable
        caption={t("vatCaption")}
        headers={[t("vatRateHeader"), t("vatBefore"), t("vatAfter")]}
        rows={rates.map((rate) => {
          const cell = (v?: { gross: number; vat: number }) =>
            v ? t("vatCell", { gross: m(v.gross), vat: m(v.vat) }) : "—";
          return {
            rate,
            cells: [
              cell(change.vatBefore.find((v) => v.rate === rate)),
              cell(change.vatAfter.find((v) => v.rate === rate)),
            ],
          };
        })}
      />
    </div>
  );
}
