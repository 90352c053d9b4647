"use client";
// The order's lines, the same for every operation: a filter, 50 lines a page, and — for an operation that picks
// lines — a quantity for each and "select all" for what is shown. Handles 1,000-line orders: rows are memoized,
// quantity inputs are uncontrolled (react-hook-form keeps the values of lines not on screen), and a line that
// needs attention on another page is pointed to. The picking part (react-hook-form) comes with the forms
// (picking-table.tsx), so the page's first load, which only shows the lines, has none of it.
import { useTranslations } from "next-intl";
import {
  type ComponentType,
  type CSSProperties,
  createContext,
  useContext,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { OrderLine } from "@/lib/orders/lines";
import type { PlanIssue } from "@/lib/orders/plan-types";
import { matchesFilter } from "@/lib/orders/presentation";
import { Button } from "../ui/button";
import { useHydrated } from "../ui/use-hydrated";
import { useServerRenderedInput } from "../ui/use-server-rendered-input";
import { ItemRow } from "./item-row";
import type { LineFields, LinePick, PickingProps } from "./types";

const NO_ISSUES = new Map<number, PlanIssue>();

/** Rows shown at once. Longer orders page (and filter) through their lines. */
export const PAGE_SIZE = 50;

/** The filter belongs to the page, not to one form: it outlives choosing an operation and the form's loading. */
export const ItemsFilter = createContext<[string, (value: string) => void] | null>(null);

export function ItemsTable({
  lines,
  pick,
  issues,
  Picking,
}: {
  lines: OrderLine[];
  pick: LinePick | null;
  issues?: Map<number, PlanIssue>;
  /** The rows with quantities, given by a form that picks lines (see `PickItems`). */
  Picking?: ComponentType<PickingProps>;
}) {
  const t = useTranslations("items");
  const own = useState("");
  const [filter, setFilter] = useContext(ItemsFilter) ?? own;
  const box = useRef<HTMLInputElement>(null);
  useServerRenderedInput(
    box,
    (input) => (input.value !== "" && input.value !== filter ? input.value : null),
    setFilter,
  );
  const matching = useMemo(
    () => lines.flatMap((line, index) => (matchesFilter(line, filter) ? [index] : [])),
    [lines, filter],
  );
  return (
    <section aria-labelledby="items-heading" className="min-w-0 space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <h2 id="items-heading" className="text-lg font-semibold text-slate-900">
          {t("heading", { count: lines.length })}
        </h2>
        <label className="w-full max-w-xs text-sm">
          <span className="sr-only">{t("filterLabel")}</span>
          <input
            ref={box}
            type="search"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
            placeholder={t("filterPlaceholder")}
            className="block w-full rounded-md border-0 bg-white px-3 py-2 text-sm shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-brand-600"
          />
        </label>
      </div>
      {pick && Picking ? (
        <Picking lines={lines} matching={matching} pick={pick} issues={issues ?? NO_ISSUES} filter={filter} />
      ) : (
        <Rows lines={lines} matching={matching} pick={null} filter={filter} />
      )}
    </section>
  );
}

export function Rows({
  lines,
  matching,
  pick,
  issues,
  invalid,
  fields,
  filter,
}: {
  lines: OrderLine[];
  matching: number[];
  pick: LinePick | null;
  issues?: Map<number, PlanIssue>;
  invalid?: Map<number, string>;
  fields?: LineFields;
  filter: string;
}) {
  const t = useTranslations("items");
  const statusId = useId();
  const pages = Math.max(1, Math.ceil(matching.length / PAGE_SIZE));
  const [pageState, setPage] = useState({ page: 0, filter, count: lines.length });
  // A new filter or a changed order starts again at the first page.
  const page =
    pageState.filter === filter && pageState.count === lines.length ? Math.min(pageState.page, pages - 1) : 0;
  // Paging needs the page's scripts: until they run, the buttons say "not yet" rather than drop a click.
  const live = useHydrated();
  const goTo = (next: number) => setPage({ page: next, filter, count: lines.length });
  // From the pager under the table, the new page starts at the top: take the view and the focus there.
  const top = useRef<HTMLDivElement>(null);
  const goFromBottom = (next: number) => {
    goTo(next);
    requestAnimationFrame(() => {
      document.getElementById(statusId)?.focus({ preventScroll: true });
      top.current?.scrollIntoView({ block: "start" });
    });
  };
  const shown = matching.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const onPage = new Set(shown);
  // Lines that need attention but are not on screen (a refused quantity, a typo): say so, and take staff there.
  const elsewhere = [...new Set([...(issues?.keys() ?? []), ...(invalid?.keys() ?? [])])]
    .filter((i) => !onPage.has(i))
    .sort((a, b) => a - b);
  const first = elsewhere[0];
  const paged = matching.length > PAGE_SIZE;
  const pager = (where: "top" | "bottom") => (
    <nav
      aria-label={t(where === "top" ? "pages" : "pagesBottom")}
      className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm"
    >
      <p
        id={where === "top" ? statusId : undefined}
        aria-live={where === "top" ? "polite" : undefined}
        tabIndex={where === "top" ? -1 : undefined}
        className="text-slate-600 focus:outline-none"
      >
        {t("showing", {
          from: page * PAGE_SIZE + 1,
          to: page * PAGE_SIZE + shown.length,
          count: matching.length,
        })}
      </p>
      <span className="flex gap-2">
        <Button
          size="sm"
          disabled={!live || page === 0}
          onClick={() => (where === "top" ? goTo : goFromBottom)(page - 1)}
        >
          {t("previous")}
        </Button>
        <Button
          size="sm"
          disabled={!live || page >= pages - 1}
          onClick={() => (where === "top" ? goTo : goFromBottom)(page + 1)}
        >
          {t("next")}
        </Button>
      </span>
    </nav>
  );
  return (
    <div ref={top} className="scroll-mt-4 rounded-xl border border-slate-200 bg-white shadow-sm">
      {first !== undefined && (
        <p className="flex flex-wrap items-center gap-2 border-b border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          {t("attentionElsewhere", { count: elsewhere.length })}
          <Button
            size="sm"
            onClick={() => goTo(Math.floor(matching.indexOf(first) / PAGE_SIZE))}
            disabled={!matching.includes(first)}
          >
            {t("showLine", { name: lines[first]?.name ?? "" })}
          </Button>
        </p>
      )}
      {paged && pager("top")}
      <table
        className="w-full table-fixed text-sm"
        aria-describedby={paged ? statusId : undefined}
        style={phoneLabels({ qty: t("quantity"), total: t("total"), vat: t("vat"), state: t("state") })}
      >
        <caption className="sr-only">{t("caption", { count: lines.length })}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs font-semibold text-slate-600 max-md:hidden">
          <tr>
            {/* With the pick column, the item's share gives way so a five-digit unit price fits its cell. */}
            <th scope="col" className={`${pick ? "w-[28%]" : "w-[34%]"} px-3 py-2.5`}>
              {t("item")}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right">
              {t("quantity")}
            </th>
            <th scope="col" className="px-3 py-2.5 text-right">
              {t("total")}
            </th>
            <th scope="col" className="w-16 px-3 py-2.5 text-right">
              {t("vat")}
            </th>
            <th scope="col" className="px-3 py-2.5">
              {t("state")}
            </th>
            {pick && (
              <th scope="col" className="w-36 px-3 py-2.5">
                {t(`pickHeader.${pick.kind}`)}
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
              kind={pick?.kind ?? null}
              everything={pick?.everything ?? false}
              locked={pick?.locked ?? false}
              issue={issues?.get(index)}
              invalid={invalid?.get(index)}
              fields={fields}
            />
          ))}
        </tbody>
      </table>
      {matching.length === 0 && (
        <p className="px-3 py-6 text-center text-sm text-slate-500">{t("noMatch")}</p>
      )}
      {paged && pager("bottom")}
    </div>
  );
}

/**
 * On a phone each cell is named before its value (app/globals.css, `.line-qty` and the others). The names are set
 * here once, as CSS strings, rather than written into every row of a long order.
 */
function phoneLabels(names: Record<"qty" | "total" | "vat" | "state", string>): CSSProperties {
  return Object.fromEntries(
    Object.entries(names).map(([key, name]) => [`--line-${key}`, JSON.stringify(name)]),
  ) as CSSProperties;
}
