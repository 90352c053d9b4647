import Link from "next/link";
import type { Figures } from "@/lib/reports/query";
import { METRICS, type Metric } from "@/lib/reports/range";

export interface FigureRow {
  key: string;
  label: string;
  /** A date or other machine-readable value of the row's label, when there is one. */
  dateTime?: string;
  figures: Figures;
  /** Where each figure leads: the applications behind it. */
  hrefs: Record<Metric, string>;
}

export interface FiguresTableProps {
  caption: string;
  /** The first column's heading. */
  column: string;
  metricLabels: Record<Metric, string>;
  rows: FigureRow[];
  total?: FigureRow;
  /** Money as text, per locale. */
  money: (minor: number) => string;
  count: (n: number) => string;
  linkTitle: string;
}

/** A report's numbers as a table: one row per day, week or split value, every figure a link to its applications. */
export function FiguresTable({
  caption,
  column,
  metricLabels,
  rows,
  total,
  money,
  count,
  linkTitle,
}: FiguresTableProps) {
  const cellOf = (row: FigureRow, metric: Metric) => {
    const value = row.figures[metric];
    const text = metric === "count" ? count(value) : money(value);
    return value === 0 ? (
      <span className="text-slate-500">{text}</span>
    ) : (
      <Link href={row.hrefs[metric]} title={linkTitle} className="text-brand-700 hover:underline">
        {text}
      </Link>
    );
  };
  const line = (row: FigureRow, isTotal = false) => (
    <tr key={row.key} className={isTotal ? "bg-slate-50 font-semibold" : "hover:bg-slate-50"}>
      <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
        {row.dateTime ? <time dateTime={row.dateTime}>{row.label}</time> : row.label}
      </th>
      {METRICS.map((m) => (
        <td key={m} className="px-3 py-2 text-right tabular-nums whitespace-nowrap">
          {cellOf(row, m)}
        </td>
      ))}
    </tr>
  );
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone; a keyboard must reach it
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full text-sm">
        <caption className="px-3 py-2 text-left text-sm font-semibold text-slate-800">{caption}</caption>
        <thead className="border-y border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2 text-left">
              {column}
            </th>
            {METRICS.map((m) => (
              <th key={m} scope="col" className="px-3 py-2 text-right">
                {metricLabels[m]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{rows.map((r) => line(r))}</tbody>
        {total && <tfoot className="border-t border-slate-200">{line(total, true)}</tfoot>}
      </table>
    </section>
  );
}
