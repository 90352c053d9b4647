"use client";
import { useLocale, useTranslations } from "next-intl";
import { memo, useId, useMemo, useState } from "react";
import { type UseFormReturn, useFormContext, useWatch } from "react-hook-form";
import { formatShortDay } from "@/lib/i18n/format";
import { ELIGIBLE, ineligibility, type MoveKind } from "@/lib/orders/eligibility";
import type { OperationFormValues } from "@/lib/orders/intents";
import type { OrderLine } from "@/lib/orders/lines";
import { formatMoney, type Locale } from "@/lib/orders/money";
import type { PlanIssue } from "@/lib/orders/planner";
import { ITEM_STATE_ORDER, ITEM_STATE_TONE } from "@/lib/orders/presentation";
import { formatQuantity, MILLI } from "@/lib/orders/quantity";
import { Badge } from "../ui/badge";
import { Button } from "../ui/button";
import { cx } from "../ui/class-names";
import { usePlanText } from "./use-plan-text";

export interface Selection {
  kind: MoveKind;
  everything: boolean;
}

function matches(line: OrderLine, filter: string): boolean {
  if (!filter) return true;
  const f = filter.toLowerCase();
  return [line.name, line.code, line.ean ?? "", line.variant ?? ""].some((v) => v.toLowerCase().includes(f));
}

/**
 * The form methods a quantity cell uses. They are stable for the form's lifetime, so rows can stay memoized:
 * `useFormContext` would re-render every row on every keystroke (the provider's value is new each render).
 */
export type LineFields = Pick<UseFormReturn<OperationFormValues>, "register" | "setValue" | "getValues">;

/** Rows shown at once. Longer orders page (and filter) through their lines; "select all" still takes them all. */
export const PAGE_SIZE = 50;

/**
 * The order's lines, with a quantity column for the chosen operation. Handles 1,000-line orders: rows are
 * memoized, quantity inputs are uncontrolled (react-hook-form keeps the values of lines not on screen), at most
 * PAGE_SIZE rows are in the page at once, and a line that needs attention on another page is pointed to.
 */
export function ItemsTable({
  lines,
  selection,
  filter,
  lineIssues,
  invalidLines,
  fields,
}: {
  lines: OrderLine[];
  selection: Selection | null;
  filter: string;
  lineIssues: Map<number, PlanIssue>;
  /** Lines whose quantity does not parse (the form schema's errors), by index. */
  invalidLines: ReadonlySet<number>;
  fields: LineFields;
}) {
  const t = useTranslations("items");
  const locale = useLocale() as Locale;
  const statusId = useId();
  const matching = useMemo(
    () => lines.flatMap((line, index) => (matches(line, filter) ? [index] : [])),
    [lines, filter],
  );
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const [pageState, setPage] = useState({ page: 0, filter, count: lines.length });
  // A new filter or a changed order starts again at the first page.
  const page =
    pageState.filter === filter && pageState.count === lines.length ? Math.min(pageState.page, pages - 1) : 0;
  const goTo = (next: number) => setPage({ page: next, filter, count: lines.length });
  const shown = matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const onPage = new Set(shown);
  // Lines that need attention but are not on screen (a refused quantity, a typo): say so, and take staff there.
  const elsewhere = [...new Set([...lineIssues.keys(), ...invalidLines])]
    .filter((i) => !onPage.has(i))
    .sort((a, b) => a - b);
  const firstElsewhere = elsewhere[0];
  const paged = matching.length > PAGE_SIZE;
  // Above and below the table; only the top one announces page changes and describes the table.
  const pager = (where: "top" | "bottom") => (
    <nav
      aria-label={t(where === "top" ? "pages" : "pagesBottom")}
      className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
    >
      <p
        id={where === "top" ? statusId : undefined}
        aria-live={where === "top" ? "polite" : undefined}
        className="text-slate-600"
      >
        {t("showing", {
          from: page * PAGE_SIZE + 1,
          to: page * PAGE_SIZE + shown.length,
          count: matching.length,
        })}
      </p>
      <span className="flex gap-2">
        <Button size="sm" disabled={page === 0} onClick={() => goTo(page - 1)}>
          {t("previous")}
        </Button>
        <Button size="sm" disabled={page >= pages - 1} onClick={() => goTo(page + 1)}>
          {t("next")}
        </Button>
      </span>
    </nav>
  );
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
      {firstElsewhere !== undefined && (
        <p className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("attentionElsewhere", { count: elsewhere.length })}
          <Button
            size="sm"
            onClick={() => {
              const at = matching.indexOf(firstElsewhere);
              if (at >= 0) goTo(Math.floor(at / PAGE_SIZE));
            }}
            disabled={!matching.includes(firstElsewhere)}
          >
            {t("showLine", { name: lines[firstElsewhere]?.name ?? "" })}
          </Button>
        </p>
      )}
      {paged && pager("top")}
      <table className="w-full text-sm" aria-describedby={paged ? statusId : undefined}>
        <caption className="sr-only">{t("caption", { count: lines.length })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold tracking-wide text-slate-600 uppercase max-md:hidden">
          <tr>
            <th scope="col" className="px-3 py-2.5">
              {t("item")}
            </th>
            <th scope="col" className="px-3 py-2.5">
              {t("codeEan")}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right">
              {t("quantity")}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right">
              {t("total")}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right">
              {t("vat")}
            </th>
            <th scope="col" className="px-3 py-2.5">
              {t("state")}
            </th>
            {selection && (
              <th scope="col" className="px-3 py-2.5">
                <SelectAll lines={lines} selection={selection} />
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {shown.map((index) => (
            <ItemRow
              key={lines[index]?.key}
              line={lines[index] as OrderLine}
              index={index}
              kind={selection?.kind ?? null}
              everything={selection?.everything ?? false}
              issue={lineIssues.get(index)}
              invalid={invalidLines.has(index)}
              locale={locale}
              fields={fields}
            />
          ))}
        </tbody>
      </table>
      {matching.length === 0 && (
        <p className="px-3 py-6 text-center text-sm text-slate-500">{t("noMatch")}</p>
      )}
      {paged && pager("bottom")}
      {selection && (
        <div className="border-t border-slate-200 bg-slate-50 px-3 py-2 md:hidden">
          <SelectAll lines={lines} selection={selection} />
        </div>
      )}
    </div>
  );
}

function SelectAll({ lines, selection }: { lines: OrderLine[]; selection: Selection }) {
  const t = useTranslations("items");
  const { setValue, control } = useFormContext<OperationFormValues>();
  const values = useWatch({ control, name: "lines" });
  const { eligible, selectable } = useMemo(() => {
    const eligible = lines.map((l) => (l.ambiguousWith.length > 0 ? 0 : ELIGIBLE[selection.kind](l)));
    return { eligible, selectable: eligible.filter((e) => e > 0).length };
  }, [lines, selection.kind]);
  const allChosen =
    selectable > 0 &&
    eligible.every((e, i) => e === 0 || String(values?.[i]?.quantity ?? "") === String(e / MILLI));
  return (
    <label className="inline-flex items-center gap-2 text-xs font-semibold whitespace-nowrap text-slate-700 normal-case tracking-normal">
      <input
        type="checkbox"
        className="size-4 rounded border-slate-300 text-brand-600 focus-visible:outline-2"
        checked={allChosen || selection.everything}
        disabled={selectable === 0 || selection.everything}
        onChange={(e) => {
          const fill = e.target.checked;
          setValue(
            "lines",
            lines.map((l, i) => ({
              key: l.key,
              quantity: fill && (eligible[i] ?? 0) > 0 ? String((eligible[i] ?? 0) / MILLI) : "",
            })),
            // No dirty tracking: nothing reads it, and for a long order it costs O(lines²) per change.
            { shouldValidate: false },
          );
        }}
      />
      <span>{t(`selectAll.${selection.kind}`, { count: selectable })}</span>
    </label>
  );
}

const ItemRow = memo(function ItemRow({
  line,
  index,
  kind,
  everything,
  issue,
  invalid,
  locale,
  fields,
}: {
  line: OrderLine;
  index: number;
  kind: MoveKind | null;
  everything: boolean;
  issue: PlanIssue | undefined;
  invalid: boolean;
  locale: Locale;
  fields: LineFields;
}) {
  const t = useTranslations("items");
  const tTypes = useTranslations("itemTypes");
  const cell = "px-3 py-2.5 max-md:flex max-md:justify-between max-md:gap-4 max-md:py-1";
  const label = (text: string) => (
    <span aria-hidden="true" className="text-xs font-medium text-slate-500 md:hidden">
      {text}
    </span>
  );
  return (
    <tr className="align-top max-md:block max-md:px-1 max-md:py-2 hover:bg-slate-50/60">
      <td className="min-w-40 px-3 py-2.5 max-md:block">
        <div className="font-medium text-slate-900">{line.name}</div>
        <div className="mt-0.5 flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          {line.variant && <span>{line.variant}</span>}
          {line.type && line.type !== "PHYSICAL" && (
            <Badge tone="neutral">{tTypes.has(line.type) ? tTypes(line.type) : line.type}</Badge>
          )}
        </div>
      </td>
      <td className={cell}>
        {label(t("codeEan"))}
        <span className="font-mono text-xs text-slate-700">
          {line.code}
          {line.ean && <span className="block text-slate-500">{line.ean}</span>}
        </span>
      </td>
      <td className={cx(cell, "text-right tabular-nums whitespace-nowrap")}>
        {label(t("quantity"))}
        <span>
          <span className="font-medium">{formatQuantity(line.quantity, locale)}</span>
          <span className="block text-xs text-slate-500 max-md:inline">
            {" "}
            × {formatMoney(line.unitPrice, locale)}
          </span>
        </span>
      </td>
      <td className={cx(cell, "text-right font-medium tabular-nums")}>
        {label(t("total"))}
        {formatMoney(line.value, locale)}
      </td>
      <td className={cx(cell, "text-right tabular-nums whitespace-nowrap")}>
        {label(t("vat"))}
        {line.vatRate} %
      </td>
      <td className={cell}>
        {label(t("state"))}
        <StateSummary line={line} locale={locale} />
      </td>
      {kind && (
        <td className="px-3 py-2.5 max-md:mt-1 max-md:block max-md:rounded-lg max-md:bg-slate-50 max-md:p-2">
          <QuantityCell
            line={line}
            index={index}
            kind={kind}
            everything={everything}
            issue={issue}
            invalid={invalid}
            locale={locale}
            fields={fields}
          />
        </td>
      )}
    </tr>
  );
});

function StateSummary({ line, locale }: { line: OrderLine; locale: Locale }) {
  const t = useTranslations("itemStates");
  const byState = ITEM_STATE_ORDER.map((state) => {
    const parts = line.parts.filter((p) => p.state === state);
    const qty = parts.reduce((sum, p) => sum + p.qty, 0);
    const date = parts
      .map((p) => (state === "DELIVERED" ? p.deliveryDate : state === "SENT" ? p.sentDate : null))
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    return { state, qty, date };
  }).filter((s) => s.qty > 0);
  return (
    <span className="flex flex-wrap justify-end gap-1 md:justify-start">
      {byState.map((s) => (
        <Badge key={s.state} tone={ITEM_STATE_TONE[s.state]}>
          {formatQuantity(s.qty, locale)}× {t(s.state)}
          {s.date && <span className="font-normal opacity-80"> {formatShortDay(s.date, locale)}</span>}
        </Badge>
      ))}
    </span>
  );
}

function QuantityCell({
  line,
  index,
  kind,
  everything,
  issue,
  invalid,
  locale,
  fields,
}: {
  line: OrderLine;
  index: number;
  kind: MoveKind;
  everything: boolean;
  issue: PlanIssue | undefined;
  invalid: boolean;
  locale: Locale;
  fields: LineFields;
}) {
  const t = useTranslations("items");
  const tReason = useTranslations("lineReasons");
  const text = usePlanText();
  const { register, setValue, getValues } = fields;
  const hintId = useId();
  const errorId = useId();
  const eligible = ELIGIBLE[kind](line);
  const path = `lines.${index}.quantity` as const;

  if (eligible === 0) {
    const why = ineligibility(line, kind);
    return (
      <span className="text-xs text-slate-500">
        {tReason(why.reason, {
          kind,
          date: why.date ? ` ${formatShortDay(why.date, locale)}` : "",
        })}
      </span>
    );
  }
  if (everything) {
    return (
      <span className="text-xs font-medium text-slate-700">
        {t("allOf", { quantity: formatQuantity(eligible, locale) })}
      </span>
    );
  }
  if (line.ambiguousWith.length > 0)
    return <span className="text-xs text-amber-800">{tReason("ambiguous")}</span>;

  const max = eligible / MILLI;
  const whole = eligible % MILLI === 0;
  const stepBy = (delta: number) => {
    const current = Number(String(getValues(path) ?? "").replace(",", ".")) || 0;
    const next = Math.min(max, Math.max(0, Math.floor(current) + delta));
    setValue(path, next === 0 ? "" : String(next));
  };
  const message = invalid ? t("invalidQuantity") : issue ? text.issue(issue) : null;
  const stepper =
    "grid size-8 place-items-center rounded-md text-slate-600 hover:bg-slate-100 disabled:opacity-40";
  return (
    <div>
      <div className="flex items-center gap-1">
        <button
          type="button"
          tabIndex={-1}
          className={stepper}
          aria-label={t("decrease", { name: line.name })}
          onClick={() => stepBy(-1)}
        >
          −
        </button>
        <input
          type="number"
          inputMode="decimal"
          min={0}
          max={max}
          step={whole ? 1 : "any"}
          placeholder="0"
          aria-label={t(`quantityLabel.${kind}`, { name: line.name })}
          aria-describedby={message ? `${hintId} ${errorId}` : hintId}
          aria-invalid={message ? true : undefined}
          className="w-16 rounded-md border-0 px-2 py-1 text-right text-sm tabular-nums shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-600 aria-invalid:ring-red-500"
          {...register(path)}
        />
        <button
          type="button"
          tabIndex={-1}
          className={stepper}
          aria-label={t("increase", { name: line.name })}
          onClick={() => stepBy(1)}
        >
          +
        </button>
        <span id={hintId} className="text-xs whitespace-nowrap text-slate-500">
          {t("ofMax", { max: formatQuantity(eligible, locale) })}
        </span>
      </div>
      {message && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700">
          {message}
        </p>
      )}
    </div>
  );
}
