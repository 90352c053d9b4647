"use client";
import { useLocale, useTranslations } from "next-intl";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { Plan } from "@/lib/orders/plan-types";

/** The plan's money per VAT rate: a refund's split, or for a cancel, the VAT that leaves the order. */
export function VatTable({ plan }: { plan: Plan }) {
  const t = useTranslations("preview");
  const locale = useLocale() as Locale;
  const refund = plan.vat.length > 0;
  const shares = refund ? plan.vat : (plan.cancelledVat ?? []);
  if (shares.length === 0) return null;
  return (
    <table className="mt-2 w-full text-xs" data-testid="plan-vat">
      <caption className="sr-only">{t(refund ? "vatCaption" : "cancelledVatCaption")}</caption>
      <thead className="text-slate-500">
        <tr>
          <th scope="col" className="text-left font-medium">
            {t("vatRate")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t(refund ? "vatGross" : "cancelledVatGross")}
          </th>
          <th scope="col" className="text-right font-medium">
            {t("vatAmount")}
          </th>
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {shares.map((v) => (
          <tr key={v.rate}>
            <td>{v.rate} %</td>
            <td className="text-right">{formatMoney(v.gross, locale)}</td>
            <td className="text-right">{formatMoney(v.vat, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
