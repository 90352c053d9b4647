"use client";
// One order line: what it is, how much at what price, its VAT rate, its quantities per state — and, when an
// operation picks lines, how much of it to take.
import { useLocale, useTranslations } from "next-intl";
import { memo } from "react";
import { formatShortDay } from "@/lib/i18n/format";
import type { OrderLine } from "@/lib/orders/lines";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { LineKind } from "@/lib/orders/operation-kinds";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { ITEM_STATE_TONE, isGoods, stateSummary } from "@/lib/orders/presentation";
import { formatQuantity } from "@/lib/orders/quantity";
import { Badge } from "../ui/badge";
import { QuantityCell } from "./quantity-cell";
import type { LineFields } from "./types";

export const ItemRow = memo(function ItemRow({
  line,
  index,
  kind,
  everything,
  locked,
  issue,
  invalid,
  fields,
}: {
  line: OrderLine;
  index: number;
  kind: LineKind | null;
  everything: boolean;
  locked: boolean;
  issue: PlanIssue | undefined;
  /** The form's error code for this line's quantity, if it does not read as one. */
  invalid: string | undefined;
  fields: LineFields | undefined;
}) {
  const tTypes = useTranslations("itemTypes");
  const tState = useTranslations("itemStates");
  const locale = useLocale() as Locale;
  return (
    <tr className="line-row">
      <td className="line-first">
        <div className="line-name">{line.name}</div>
        <div className="line-meta">
          <code>{line.code}</code>
          {line.ean && <code>{line.ean}</code>}
          {line.variant && <span>{line.variant}</span>}
          {!isGoods(line.type) && line.type && (
            <Badge tone="neutral">{tTypes.has(line.type) ? tTypes(line.type) : line.type}</Badge>
          )}
        </div>
      </td>
      <td className="line-qty">
        <span>
          <span className="font-medium">{formatQuantity(line.quantity, locale)}</span>
          <span className="line-unit">{` ×\u00a0${formatMoney(line.unitPrice, locale)}`}</span>
        </span>
      </td>
      <td className="line-total">{formatMoney(line.value, locale)}</td>
      <td className="line-vat">{`${line.vatRate} %`}</td>
      <td className="line-state">
        <span className="line-badges">
          {stateSummary(line.parts, line.history).map((s) => (
            <Badge key={s.state} tone={ITEM_STATE_TONE[s.state]}>
              {`${formatQuantity(s.qty, locale)}× ${tState(s.state)}`}
              {s.date && <span className="font-normal opacity-80"> {formatShortDay(s.date, locale)}</span>}
            </Badge>
          ))}
        </span>
      </td>
      {kind && fields && (
        <td className="px-3 py-2.5 max-md:mt-1 max-md:block max-md:rounded-lg max-md:bg-slate-50 max-md:p-2">
          <QuantityCell
            line={line}
            index={index}
            kind={kind}
            everything={everything}
            locked={locked}
            issue={issue}
            invalid={invalid}
            fields={fields}
          />
        </td>
      )}
    </tr>
  );
});
