import Link from "next/link";

export interface ReconciliationRow {
  applicationId: string;
  orderNumber: string;
  actual: string;
  expected: string;
  difference: string;
  /** The last operation in words, or "–". */
  lastOperation: string;
  /** Why it may differ, in words (lib/reports/reconciliation.ts `Explanation`). */
  explanation: string;
  /** Staff recorded this difference as a change made outside this admin. */
  checked: boolean;
}

export interface ReconciliationTableProps {
  caption: string;
  labels: {
    application: string;
    skipPay: string;
    expected: string;
    difference: string;
    lastOperation: string;
    explanation: string;
  };
  rows: ReconciliationRow[];
}

/** The applications whose Skip Pay total differs from the journal, each linking to its order page. */
export function ReconciliationTable({ caption, labels, rows }: ReconciliationTableProps) {
  const head = "px-3 py-2";
  return (
    <section
      aria-label={caption}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: it scrolls sideways on a phone; a keyboard must reach it
      tabIndex={0}
      className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm"
    >
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-600 uppercase">
          <tr>
            <th scope="col" className={`${head} text-left`}>
              {labels.application}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {labels.skipPay}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {labels.expected}
            </th>
            <th scope="col" className={`${head} text-right`}>
              {labels.difference}
            </th>
            {/* Widths of their own: on a phone the table scrolls sideways, and these sentences would otherwise be
                squeezed to a word a line. */}
            <th scope="col" className={`${head} min-w-44 text-left`}>
              {labels.lastOperation}
            </th>
            <th scope="col" className={`${head} min-w-64 text-left`}>
              {labels.explanation}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.applicationId} className="hover:bg-slate-50">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                <Link href={`/applications/${r.applicationId}`} className="text-brand-700 hover:underline">
                  {r.orderNumber}
                </Link>
                <span className="block font-mono text-xs font-normal text-slate-500">{r.applicationId}</span>
              </th>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{r.actual}</td>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{r.expected}</td>
              <td className="px-3 py-2 text-right font-semibold tabular-nums whitespace-nowrap text-rose-700">
                {r.difference}
              </td>
              <td className="px-3 py-2 text-slate-700">{r.lastOperation}</td>
              <td className="px-3 py-2 text-slate-700">
                {r.checked ? (
                  <span className="block w-fit rounded bg-emerald-50 px-1.5 py-0.5 text-xs text-emerald-800">
                    {r.explanation}
                  </span>
                ) : (
                  r.explanation
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
