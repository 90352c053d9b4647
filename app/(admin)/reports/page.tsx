import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/layout/client-messages";
import { type FigureRow, FiguresTable } from "@/components/reports/figures-table";
import { ReconciliationTable } from "@/components/reports/reconciliation-table";
import { RereadAll } from "@/components/reports/reread-all";
import { inputClass } from "@/components/ui/field";
import { requireReportStaff } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { pragueToday } from "@/lib/i18n/config";
import { formatDay, formatMoment, formatShortDay } from "@/lib/i18n/format";
import { formatMoney, type Locale } from "@/lib/orders/money";
import { timeChartSvg } from "@/lib/reports/chart";
import { splitLabeller } from "@/lib/reports/labels";
import { type Figures, report } from "@/lib/reports/query";
import {
  addDays,
  BUCKETS,
  type DayRange,
  DIMENSIONS,
  type Dimension,
  daysBetween,
  figureHref,
  MAX_DAYS,
  METRICS,
  type Metric,
  PRESETS,
  reportQuery,
  reportSearchSchema,
  resolveReport,
} from "@/lib/reports/range";
import { reconciliation } from "@/lib/reports/reconciliation";
import { REREAD_BATCH } from "@/lib/reports/reread";
import { rereadBatch } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports");
  return { title: t("title") };
}

const hrefsOf = (range: DayRange, dimension?: Dimension, value?: string) =>
  Object.fromEntries(
    METRICS.map((metric) => [metric, figureHref({ ...range, metric, dimension, value })]),
  ) as Record<Metric, string>;

/** Supervisors and admins (and viewers, read-only): what was cancelled, returned and refunded in a period. */
export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = await searchParams;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const query = new URLSearchParams(
    Object.entries(flat).filter((e): e is [string, string] => typeof e[1] === "string"),
  ).toString();
  const { access } = await requireReportStaff(query ? `/reports?${query}` : "/reports");
  const t = await getTranslations("reports");
  const splitLabel = await splitLabeller();
  const locale = (await getLocale()) as Locale;

  const resolved = resolveReport(reportSearchSchema.parse(flat), pragueToday());
  const range: DayRange = { from: resolved.from, to: resolved.to };
  const db = await getDb();
  const [data, mismatches] = await Promise.all([report(db, range, resolved.bucket), reconciliation(db)]);
  const tStatus = await getTranslations("journal.status");

  const money = (minor: number) => formatMoney(minor, locale);
  const numbers = new Intl.NumberFormat(locale === "cs" ? "cs-CZ" : "en-GB");
  const count = (n: number) => numbers.format(n);
  const metricLabels = Object.fromEntries(METRICS.map((m) => [m, t(`metrics.${m}`)])) as Record<
    Metric,
    string
  >;
  const period = t("period", { from: formatDay(range.from, locale), to: formatDay(range.to, locale) });

  const reportHref = (change: Partial<typeof resolved>) =>
    `/reports?${reportQuery({ ...resolved, ...change })}`;
  const presetHref = (preset: (typeof PRESETS)[number]) =>
    preset === "custom" ? reportHref({ preset }) : `/reports?range=${preset}`;

  // A week bucket may start before the range or end after it: its figures cover only the range's days.
  const bucketRange = (start: string): DayRange =>
    resolved.bucket === "day"
      ? { from: start, to: start }
      : {
          from: daysBetween(start, range.from) > 0 ? range.from : start,
          to: daysBetween(range.to, addDays(start, 6)) > 0 ? range.to : addDays(start, 6),
        };
  const bucketLabel = (start: string) => formatShortDay(start, locale);
  const seriesRows: FigureRow[] = data.series.map(({ start, ...figures }) => ({
    key: start,
    label: resolved.bucket === "day" ? formatDay(start, locale) : formatDay(bucketRange(start).from, locale),
    dateTime: start,
    figures,
    hrefs: hrefsOf(bucketRange(start)),
  }));
  const totalRow = (figures: Figures): FigureRow => ({
    key: "total",
    label: t("total"),
    figures,
    hrefs: hrefsOf(range),
  });

  const chartLabels = {
    cancelled: metricLabels.cancelled,
    returned: metricLabels.returned,
    refunded: metricLabels.refunded,
    count: metricLabels.count,
    currency: t("currency"),
    number: (n: number) => numbers.format(n),
  };
  const wide = timeChartSvg(data.series, bucketLabel, chartLabels, { width: 960, height: 320 });
  const narrow = timeChartSvg(data.series, bucketLabel, chartLabels, { width: 360, height: 300 });
  const chartLabel = t("chartLabel", {
    currency: t("currency"),
    bucket: resolved.bucket,
    from: formatDay(range.from, locale),
    to: formatDay(range.to, locale),
  });
  const pill = (current: boolean) =>
    `rounded-full px-3 py-1.5 text-sm font-medium ${
      current ? "bg-brand-700 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
    }`;

  return (
    <ClientMessages part="reports">
      <div className="space-y-6">
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="max-w-3xl">
            <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{t("title")}</h1>
            <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
          </div>
          {access === "export" ? (
            <div className="text-right">
              <a
                href={`/reports/export?${reportQuery(resolved)}`}
                download
                className="inline-flex items-center rounded-lg bg-brand-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-800"
              >
                {t("export")}
              </a>
              <p className="mt-1 max-w-xs text-xs text-slate-500">{t("exportHint")}</p>
            </div>
          ) : (
            <p className="max-w-xs rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700">
              {t("readOnly")}
            </p>
          )}
        </div>

        <section aria-labelledby="period-heading" className="space-y-3">
          <h2 id="period-heading" className="sr-only">
            {t("periodNav")}
          </h2>
          <nav aria-label={t("periodNav")}>
            <ul className="flex flex-wrap gap-2">
              {PRESETS.map((preset) => (
                <li key={preset}>
                  <Link
                    href={presetHref(preset)}
                    aria-current={resolved.preset === preset ? "page" : undefined}
                    className={pill(resolved.preset === preset)}
                  >
                    {t(`presets.${preset}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <form action="/reports" method="get" className="flex flex-wrap items-end gap-3">
            <input type="hidden" name="range" value="custom" />
            <label className="text-sm text-slate-700">
              <span className="block text-xs font-medium">{t("from")}</span>
              <input type="date" name="from" defaultValue={range.from} required className={inputClass} />
            </label>
            <label className="text-sm text-slate-700">
              <span className="block text-xs font-medium">{t("to")}</span>
              <input type="date" name="to" defaultValue={range.to} required className={inputClass} />
            </label>
            <button
              type="submit"
              className="rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50"
            >
              {t("show")}
            </button>
          </form>
          <p className="text-sm font-medium text-slate-800">{period}</p>
          {/* A custom period from an edited or old address is never changed without a word. */}
          {resolved.adjusted && (
            <p role="status" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-950">
              {t(`adjusted.${resolved.adjusted}`, { max: MAX_DAYS })}
            </p>
          )}
        </section>

        <section aria-labelledby="totals-heading">
          <h2 id="totals-heading" className="sr-only">
            {t("total")}
          </h2>
          {/* One per row on a phone: two side by side leave 140 px for "CZK 1,234,567.00". */}
          <ul className="grid grid-cols-1 gap-3 min-[480px]:grid-cols-2 lg:grid-cols-4">
            {METRICS.map((metric) => (
              <li key={metric} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                <p className="text-xs font-semibold tracking-wide text-slate-600 uppercase">
                  {metricLabels[metric]}
                </p>
                <p className="mt-1 text-xl font-semibold text-slate-900 tabular-nums">
                  <Link
                    href={figureHref({ ...range, metric })}
                    title={t("figureTitle")}
                    className="hover:text-brand-700 hover:underline"
                  >
                    {metric === "count" ? count(data.totals.count) : money(data.totals[metric])}
                  </Link>
                </p>
              </li>
            ))}
          </ul>
          {data.totals.count === 0 && <p className="mt-3 text-sm text-slate-600">{t("empty")}</p>}
        </section>

        <section aria-labelledby="time-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="time-heading" className="text-lg font-semibold text-slate-900">
              {t("overTime")}
            </h2>
            <nav aria-label={t("per")}>
              <ul className="flex gap-2">
                {BUCKETS.map((bucket) => (
                  <li key={bucket}>
                    <Link
                      href={reportHref({ bucket })}
                      aria-current={resolved.bucket === bucket ? "true" : undefined}
                      className={pill(resolved.bucket === bucket)}
                    >
                      {t(`buckets.${bucket}`)}
                    </Link>
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          <figure className="rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
            {/* ECharts' own SVG, made on the server from our numbers: no user text reaches it unescaped. */}
            <div
              role="img"
              aria-label={chartLabel}
              className="max-sm:hidden"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered SVG from lib/reports/chart.ts
              dangerouslySetInnerHTML={{ __html: wide }}
            />
            <div
              role="img"
              aria-label={chartLabel}
              className="sm:hidden"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: server-rendered SVG from lib/reports/chart.ts
              dangerouslySetInnerHTML={{ __html: narrow }}
            />
          </figure>
          <FiguresTable
            caption={t("tableCaption", { bucket: resolved.bucket })}
            column={t("bucketColumn", { bucket: resolved.bucket })}
            metricLabels={metricLabels}
            rows={seriesRows}
            total={totalRow(data.totals)}
            money={money}
            count={count}
            linkTitle={t("figureTitle")}
          />
        </section>

        {/* Splits of nothing would be four empty tables: the line under the totals already says so. */}
        {data.totals.count > 0 && (
          <div className="grid gap-6 xl:grid-cols-2">
            {DIMENSIONS.map((dimension) => (
              <div key={dimension} className="min-w-0">
                <FiguresTable
                  caption={t(`splits.${dimension}`)}
                  column={t(`splitColumn.${dimension}`)}
                  metricLabels={metricLabels}
                  rows={data.splits[dimension].map((row) => ({
                    key: row.key || "none",
                    label: splitLabel(dimension, row.key, row.label),
                    figures: row,
                    hrefs: hrefsOf(range, dimension, row.key),
                  }))}
                  money={money}
                  count={count}
                  linkTitle={t("figureTitle")}
                />
              </div>
            ))}
          </div>
        )}

        <section aria-labelledby="reconciliation-heading" className="space-y-3">
          <div>
            <h2 id="reconciliation-heading" className="text-lg font-semibold text-slate-900">
              {t("reconciliation.title")}
            </h2>
            <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("reconciliation.lead")}</p>
          </div>
          {mismatches.total === 0 ? (
            <p className="text-sm text-slate-700">{t("reconciliation.none")}</p>
          ) : (
            <>
              {access === "export" && (
                <RereadAll
                  ids={mismatches.rows.map((m) => m.applicationId)}
                  batch={REREAD_BATCH}
                  reread={rereadBatch}
                />
              )}
              <ReconciliationTable
                caption={t("reconciliation.caption")}
                labels={{
                  application: t("reconciliation.application"),
                  skipPay: t("reconciliation.skipPay"),
                  expected: t("reconciliation.expected"),
                  difference: t("reconciliation.difference"),
                  lastOperation: t("reconciliation.lastOperation"),
                  explanation: t("reconciliation.explanationColumn"),
                }}
                rows={mismatches.rows.map((m) => ({
                  applicationId: m.applicationId,
                  orderNumber: m.orderNumber,
                  actual: money(m.actual),
                  expected: money(m.expected),
                  difference: `${m.difference > 0 ? "+" : ""}${money(m.difference)}`,
                  lastOperation: m.lastOperation
                    ? [
                        splitLabel("operation", m.lastOperation.intent, ""),
                        tStatus.has(m.lastOperation.status as "failed")
                          ? tStatus(m.lastOperation.status as "failed")
                          : m.lastOperation.status,
                        formatMoment(m.lastOperation.at, locale),
                        m.lastOperation.actorName,
                      ].join(" · ")
                    : "–",
                  explanation: t(`reconciliation.explanation.${m.explanation}`, {
                    readAt: m.readAt ? formatMoment(m.readAt, locale) : "–",
                    any: m.lastOperation ? "yes" : "no",
                  }),
                  checked: m.checked,
                }))}
              />
              {mismatches.total > mismatches.rows.length && (
                <p className="text-sm text-slate-600">
                  {t("reconciliation.more", { shown: mismatches.rows.length, total: mismatches.total })}
                </p>
              )}
            </>
          )}
        </section>
      </div>
    </ClientMessages>
  );
}
