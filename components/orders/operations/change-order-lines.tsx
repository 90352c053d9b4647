"use client";
// The order's lines as the change-order form edits them: each with its quantity × unit price now, a new quantity,
// a new unit price (a discount's size for a DISCOUNT line) and Remove. Empty fields keep the line as it is.
import { useLocale, useTranslations } from "next-intl";
import { useFormContext, useWatch } from "react-hook-form";
import type { OrderLine } from "@/lib/orders/lines";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { formatQuantity } from "@/lib/orders/quantity";
import { cardClass, cx } from "../../ui/class-names";
import { inputClass } from "../../ui/field";
import { useFieldError } from "../fields";

export function ChangeOrderLines({
  lines,
  issues,
}: {
  lines: OrderLine[];
  issues: { lines: Map<number, PlanIssue>; fields: Record<string, PlanIssue> };
}) {
  const t = useTranslations("changeOrder");
  return (
    <section aria-labelledby="change-lines-heading" className={cardClass}>
      <h2 id="change-lines-heading" className="text-base font-semibold text-slate-900">
        {t("linesHeading", { count: lines.length })}
      </h2>
      <p className="mt-1 text-xs text-slate-500">{t("linesHint")}</p>
      {/* Column headings beside the fields from 640 px; below, each field has its own label (LineRow). The fields'
          accessible names say which line they are for, so the headings are for the eye only. */}
      <div
        aria-hidden="true"
        className="mt-3 hidden gap-2 text-xs font-medium text-slate-600 sm:grid sm:grid-cols-[minmax(0,1fr)_7rem_9rem_6rem]"
      >
        <span>{t("lineColumn")}</span>
        <span>{t("quantityLabel")}</span>
        <span>{t("unitPriceLabel")}</span>
      </div>
      <ul className="mt-3 divide-y divide-slate-100 sm:mt-1">
        {lines.map((line, index) => (
          <LineRow
            key={line.key}
            line={line}
            index={index}
            quantityIssue={issues.lines.get(index)}
            priceIssue={issues.fields[`lines.${index}.unitPrice`]}
          />
        ))}
      </ul>
    </section>
  );
}

function LineRow({
  line,
  index,
  quantityIssue,
  priceIssue,
}: {
  line: OrderLine;
  index: number;
  quantityIssue?: PlanIssue;
  priceIssue?: PlanIssue;
}) {
  const t = useTranslations("changeOrder");
  const tTypes = useTranslations("itemTypes");
  const locale = useLocale() as Locale;
  const { register, control } = useFormContext();
  const removed = useWatch({ control, name: `lines.${index}.remove` }) as boolean | undefined;
  const quantityError = useFieldError(`lines.${index}.quantity`, quantityIssue);
  const priceError = useFieldError(`lines.${index}.unitPrice`, priceIssue);
  const discount = line.type === "DISCOUNT";
  const ids = { quantity: `co-q-${index}`, price: `co-p-${index}` };
  return (
    <li
      className={cx(
        "grid gap-2 py-3 sm:grid-cols-[minmax(0,1fr)_7rem_9rem_6rem] sm:items-start",
        removed && "opacity-60",
      )}
    >
      <div className="min-w-0 text-sm">
        <span className={cx("font-medium text-slate-900", removed && "line-through")}>{line.name}</span>{" "}
        <span className="font-mono text-xs text-slate-500">{line.code}</span>
        {line.type && line.type !== "PHYSICAL" && (
          <span className="ml-1 text-xs text-slate-500">
            ({tTypes.has(line.type as "DISCOUNT") ? tTypes(line.type as "DISCOUNT") : line.type})
          </span>
        )}
        <span className="block text-xs text-slate-600 tabular-nums">
          {formatQuantity(line.quantity, locale)} × {formatMoney(line.unitPrice, locale)} ={" "}
          {formatMoney(line.value, locale)} · {t("vatRate", { rate: line.vatRate })}
        </span>
      </div>
      <div>
        <label htmlFor={ids.quantity} className="mb-1 block text-xs font-medium text-slate-700 sm:sr-only">
          {t("quantityLabel")}
        </label>
        <input
          id={ids.quantity}
          {...register(`lines.${index}.quantity`)}
          inputMode="decimal"
          autoComplete="off"
          readOnly={removed}
          placeholder={formatQuantity(line.quantity, locale)}
          aria-label={t("newQuantity", { name: line.name })}
          aria-invalid={quantityError ? true : undefined}
          aria-describedby={quantityError ? `${ids.quantity}-error` : undefined}
          className={inputClass}
        />
        {quantityError && (
          <p id={`${ids.quantity}-error`} className="mt-1 text-xs font-medium text-red-700">
            {quantityError}
          </p>
        )}
      </div>
      <div>
        <label htmlFor={ids.price} className="mb-1 block text-xs font-medium text-slate-700 sm:sr-only">
          {t(discount ? "discountLabel" : "unitPriceLabel")}
        </label>
        <input
          id={ids.price}
          {...register(`lines.${index}.unitPrice`)}
          inputMode="decimal"
          autoComplete="off"
          readOnly={removed}
          placeholder={formatMoney(Math.abs(line.unitPrice), locale)}
          aria-label={t(discount ? "newDiscount" : "newUnitPrice", { name: line.name })}
          aria-invalid={priceError ? true : undefined}
          aria-describedby={priceError ? `${ids.price}-error` : undefined}
          className={inputClass}
        />
        {priceError && (
          <p id={`${ids.price}-error`} className="mt-1 text-xs font-medium text-red-700">
            {priceError}
          </p>
        )}
      </div>
      <label className="flex items-center gap-2 pt-2 text-sm text-slate-700">
        <input type="checkbox" className="size-4 accent-brand-600" {...register(`lines.${index}.remove`)} />
        <span>
          {t("remove")}
          <span className="sr-only"> {line.name}</span>
        </span>
      </label>
    </li>
  );
}
