"use client";
// How much of a line to take: a number with − and + beside it (whole pieces for lines ordered in pieces), how much
// the line can take, and — when it cannot take the operation at all — why.
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { formatShortDay } from "@/lib/i18n/format";
import { ELIGIBLE, ineligibility } from "@/lib/orders/eligibility";
import type { OrderLine } from "@/lib/orders/lines";
import type { Locale } from "@/lib/orders/money";
import type { LineKind } from "@/lib/orders/operation-kinds";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { countsInWholePieces, formatQuantity, MILLI } from "@/lib/orders/quantity";
import type { LineFields } from "./types";
import { usePlanText } from "./use-plan-text";

export function QuantityCell({
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
  kind: LineKind;
  everything: boolean;
  locked: boolean;
  issue: PlanIssue | undefined;
  invalid: string | undefined;
  fields: LineFields;
}) {
  const t = useTranslations("items");
  const tErr = useTranslations("formErrors");
  const tReason = useTranslations("lineReasons");
  const text = usePlanText();
  const locale = useLocale() as Locale;
  const hintId = useId();
  const errorId = useId();
  const { register, setValue, getValues } = fields;
  const eligible = ELIGIBLE[kind](line);
  const path = `lines.${index}.quantity`;

  if (eligible === 0) {
    const why = ineligibility(line, kind);
    return (
      <span className="text-xs text-slate-500">
        {tReason(why.reason, { kind, date: why.date ? ` ${formatShortDay(why.date, locale)}` : "" })}
      </span>
    );
  }
  if (everything)
    return (
      <span className="text-xs font-medium text-slate-700">
        {t("allOf", { quantity: formatQuantity(eligible, locale) })}
      </span>
    );
  if (line.ambiguousWith.length > 0)
    return <span className="text-xs text-amber-800">{tReason("ambiguous")}</span>;

  const max = eligible / MILLI;
  // A line ordered in whole pieces takes whole pieces; goods sold by weight or length take up to 3 decimals.
  const whole = countsInWholePieces(line.quantity);
  const stepBy = (delta: number) => {
    const current = Number(String(getValues(path) ?? "").replace(",", ".")) || 0;
    const next = Math.min(max, Math.max(0, Math.floor(current) + delta));
    setValue(path, next === 0 ? "" : String(next), { shouldValidate: true });
  };
  const message = invalid ? tErr(invalid) : issue ? text.issue(issue) : null;
  const stepper =
    "grid size-8 shrink-0 place-items-center rounded-md text-slate-600 hover:bg-slate-100 disabled:opacity-40";
  return (
    <div>
      <div className="flex items-center gap-1">
        <button
          type="button"
          tabIndex={-1}
          className={stepper}
          disabled={locked}
          aria-label={t("decrease", { name: line.name })}
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        {/* Text, not type="number": a number box reads "1,2" by the browser's language (12 in Chromium, silently)
            and empties "abc" without a word; our own parser takes a decimal comma and says what is wrong. */}
        <input
          type="text"
          role="spinbutton"
          inputMode={whole ? "numeric" : "decimal"}
          autoComplete="off"
          aria-valuemin={0}
          aria-valuemax={max}
          placeholder="0"
          onKeyDown={(e) => {
            if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
            e.preventDefault();
            stepBy(e.key === "ArrowUp" ? 1 : -1);
          }}
          disabled={locked}
          aria-label={t(`quantityLabel.${kind}`, { name: line.name })}
          aria-describedby={message ? `${hintId} ${errorId}` : hintId}
          aria-invalid={message ? true : undefined}
          className="w-16 min-w-0 rounded-md border-0 px-2 py-1 text-right [appearance:textfield] [&::-webkit-inner-spin-button]:appearance-none [&::-webkit-outer-spin-button]:appearance-none text-sm tabular-nums shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-invalid:ring-red-500"
          {...register(path)}
        />
        <button
          type="button"
          tabIndex={-1}
          className={stepper}
          disabled={locked}
          aria-label={t("increase", { name: line.name })}
          onClick={() => stepBy(1)}
        >
          +
        </button>
      </div>
      <p id={hintId} className="mt-0.5 text-xs text-slate-500">
        {t("ofMax", { max: formatQuantity(eligible, locale) })}
      </p>
      {message && (
        <p id={errorId} className="mt-0.5 text-xs font-medium text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
