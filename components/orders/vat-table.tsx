"use client";
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { Plan } from "@/lib/orders/plan-types";

/** A small table by VAT rate: the rate, then two figures per row. */
export function RateTable({
  caption,
  headers,
  rows,
  className = "",
  testId,
}: {
  caption: string;
  headers: [string, string, string];
  rows: { rate: number; cells: [ReactNode, ReactNode] }[];
  className?: string;
  testId?: string;
}) {
  return (
    <table className={`w-full text-xs ${className}`} data-testid={testId}>
      <caption className="sr-only">{caption}</caption>
      <thead className="text-slate-500">
        <tr>
          {headers.map((h, i) => (
            <th key={h} scope="col" className={`${i === 0 ? "text-left" : "text-right"} font-medium`}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="tabular-nums">
        {rows.map(({ rate, cells }) => (
          <tr key={rate}>
            <td>{rate} %</td>
            <td className="text-right">{cells[0]}</td>
            <td className="text-right">{cells[1]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The plan's money per VAT rate: a refund's split, or for a cancel, the VAT that leaves the order. */
export function VatTable({ plan }: { plan: Plan }) {
  const t = useTranslations("preview");
  const locale = useLocale() as Locale;
  const refund = plan.vat.length > 0;
  const shares = refund ? plan.vat : (plan.cancelledVat ?? []);
  if (shares.length === 0) return null;
  return (
    <RateTable
      className="mt-2"
      testId="plan-vat"
      caption={t(refund ? "vatCaption" : "cancelledVatCaption")}
      headers={[t("vatRate"), t(refund ? "vatGross" : "cancelledVatGross"), t("vatAmount")]}
      rows={shares.map((v) => ({
        rate: v.rate,
        cells: [formatMoney(v.gross, locale), formatMoney(v.vat, locale)],
      }))}
    />
  );
}
