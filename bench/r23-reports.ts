// R23 — /reports at scale: 1M operations in the journal (generated in SQL, the way P5 generates its index) on
// PostgreSQL. Every measure calls the app's own code (lib/reports): the queries the page runs for a month — the
// report with its chart, and reconciliation — and a year's CSV export through the route's own batches and lines.
// Each statement sent is then EXPLAINed (ANALYZE, BUFFERS).
//   targets: a month's report and its chart p95 ≤ 500 ms; a year's CSV export ≥ 20k rows/s

import os from "node:os";
import { pragueToday } from "@/lib/i18n/config";
import { OPERATION_REASONS } from "@/lib/orders/operation-kinds";
import { timeChartSvg } from "@/lib/reports/chart";
import { BOM } from "@/lib/reports/csv";
import { type ExportLabels, exportBatches, exportHeader, exportLine } from "@/lib/reports/export";
import { report } from "@/lib/reports/query";
import { addDays, type DayRange, presetRange } from "@/lib/reports/range";
import { reconciliation } from "@/lib/reports/reconciliation";
import { postgresTarget, type Target } from "./p5-index";
import { BENCH_PG_DATA, BENCH_PG_PORT, startPostgres } from "./postgres";
import { machine, ms, percentile, stamp, table, writeSection } from "./sections";

const OPERATIONS = Number(process.env.BENCH_R23_OPERATIONS ?? 1_000_000);
/** A shop's applications: most have one or two operations, some many. */
const APPLICATIONS = Math.max(1, Math.round(OPERATIONS / 4));
/** The journal's span: two years, so a year's export is half of it and a month about 1/24. */
const DAYS = 730;
const RUNS = Number(process.env.BENCH_R23_RUNS ?? 20);
const EXPORT_RUNS = Number(process.env.BENCH_R23_EXPORT_RUNS ?? 2);
const TARGET_PAGE_MS = 500;
const TARGET_ROWS_PER_SECOND = 20_000;

const GOODS = [
  ["Televize", "TV-55"],
  ["Hrnek", "MUG"],
  ["Pohovka", "SOFA"],
  ["Lednice", "FRIDGE"],
  ["Sluchátka", "HEAD"],
  ["Židle", "CHAIR"],
];
const array = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

/** Applications, then the journal: operations over the last two years, of every kind and outcome, with plans. */
async function generate(target: Target) {
  const h = (salt: string, v = "i") => `abs(hashtext(${v}::text || '${salt}'))`;
  await target.run(`
    insert into applications (id, order_number, variable_symbol, financing_type, state, state_reason, order_state,
      total_amount, original_total_amount, currency, first_seen_at, updated_at, read_at)
    select substr(md5(i::text), 1, 6) || lpad(to_hex(i), 6, '0'), 'VR-' || lpad(i::text, 8, '0'),
      (2000000000 + i)::text,
      case when ${h("f")} % 10 < 3 then 'PAY_IN_THREE' else 'DEFERRED_PAYMENT' end,
      'READY', 'READY_DELIVERED', 'DELIVERED', 10000 + ${h("t")} % 5000000, 10000 + ${h("t")} % 5000000, 'CZK',
      now() - interval '${DAYS + 30} days', now(), now()
    from generate_series(1, ${APPLICATIONS}) i`);
  // The journal's per-application sum (migration 0010's trigger) is filled in once afterwards, as the migration
  // does for an existing journal: a million row triggers would only slow the generator down.
  await target.run("alter table operations disable trigger operations_keep_journal_taken");
  // Kinds by share: cancel 25 %, cancel-all 5 %, return 30 %, return-all 5 %, refund 30 %, send 5 %. 97 % went
  // through; the rest failed, were rejected at approval or wait for review. finished_at spreads over DAYS.
  await target.run(`
    insert into operations (id, submission_id, application_id, order_number, actor_id, actor_name, intent, endpoint,
      reason, request, body, plan, refund, cancelled_value, total_before, total_expected, total_after,
      basis_before, basis_expected, status, approval_required, decided_by_id, decided_by_name, decided_at,
      ticket_id, created_at, started_at, finished_at)
    select 'op' || i, 'sub' || i, substr(md5(a::text), 1, 6) || lpad(to_hex(a), 6, '0'), 'VR-' || lpad(a::text, 8, '0'),
      'u' || (i % 40), 'Agent ' || (i % 40), intent,
      case when intent like 'cancel%' then 'order/cancel' when intent = 'send' then 'order/send' else 'order/return' end,
      case when intent = 'send' then null else (${array(OPERATION_REASONS)})[1 + ${h("r")} % ${OPERATION_REASONS.length}] end,
      '{}', '{}',
      jsonb_build_object(
        'changes', case when intent in ('refund', 'send') then '[]'::jsonb else jsonb_build_array(
          jsonb_build_object('name', (${array(GOODS.map((g) => g[0] as string))})[1 + ${h("g")} % ${GOODS.length}],
            'code', (${array(GOODS.map((g) => g[1] as string))})[1 + ${h("g")} % ${GOODS.length}], 'quantity', 1000 * (1 + ${h("q")} % 3)),
          jsonb_build_object('name', 'Doprava', 'code', 'SHIP', 'quantity', 1000)) end,
        'vat', case when intent like 'return%' or intent = 'refund' then jsonb_build_array(
          jsonb_build_object('rate', 21, 'gross', value, 'vat', round(value * 21 / 121.0)::bigint)) else '[]'::jsonb end),
      case when intent like 'return%' or intent = 'refund' then value else 0 end,
      case when intent like 'cancel%' then value else 0 end,
      value + 100000, 100000, 100000, '{}', '{}', status, value > 500000,
      case when value > 500000 then 'u-sup' end, case when value > 500000 then 'Vedoucí Věra' end,
      case when value > 500000 then finished - interval '5 minutes' end,
      case when status = 'succeeded' then 'T' || i end,
      finished - interval '1 second', finished - interval '1 second', finished
    from (
      select i, 1 + ${h("a")} % ${APPLICATIONS} as a,
        case when ${h("k")} % 100 < 25 then 'cancel' when ${h("k")} % 100 < 30 then 'cancel-all'
             when ${h("k")} % 100 < 60 then 'return' when ${h("k")} % 100 < 65 then 'return-all'
             when ${h("k")} % 100 < 95 then 'refund' else 'send' end as intent,
        case when i % 50 = 0 then 'failed' when i % 71 = 0 then 'rejected' when i % 997 = 0 then 'needs_review'
             else 'succeeded' end as status,
        100 * (10 + ${h("v")} % 20000) as value,
        -- Two hashes make a 47-bit number: one alone (31 bits of microseconds) spans only 36 minutes.
        now() - ((${h("d")}::bigint * 65536 + ${h("e")} % 65536) % (${DAYS}::bigint * 86400000000))
          * interval '1 microsecond' as finished
      from generate_series(1, ${OPERATIONS}) i
    ) g`);
  await target.run("alter table operations enable trigger operations_keep_journal_taken");
  await target.run(`
    update applications a set journal_taken = t.taken from (
      select application_id, sum(operations_journal_taken(status, intent, cancelled_value, refund)) as taken
      from operations group by application_id
    ) t where t.application_id = a.id and t.taken <> 0`);
  // Skip Pay's totals as the admin last read them: what the journal expects, but for 1 in 500 applications,
  // changed outside this admin (a partial cancel of 150 CZK) — what reconciliation lists.
  await target.run(`
    update applications set total_amount = original_total_amount - journal_taken
      - case when abs(hashtext(id || 'x')) % 500 = 0 then 15000 else 0 end`);
  await target.run("vacuum analyze applications");
  await target.run("vacuum analyze operations");
}

// ── Measures ──────────────────────────────────────────────────────────────────────────────────────────────────

const chartLabels = {
  cancelled: "Cancelled",
  returned: "Returned",
  refunded: "Amount-only refunds",
  count: "Operations",
  currency: "CZK",
  number: (n: number) => new Intl.NumberFormat("en-GB").format(n),
};
const dayLabel = (start: string) => start.slice(5);

/** What the page computes for a period: the report and reconciliation at once, then its two charts. */
async function pageData(target: Target, range: DayRange) {
  const [data] = await Promise.all([report(target.db, range, "day"), reconciliation(target.db)]);
  timeChartSvg(data.series, dayLabel, chartLabels, { width: 960, height: 320 });
  timeChartSvg(data.series, dayLabel, chartLabels, { width: 360, height: 300 });
  return data;
}

interface Measure {
  name: string;
  run(): Promise<unknown>;
}

async function timed(measure: Measure): Promise<{ p50: number; p95: number; max: number }> {
  for (let i = 0; i < 3; i++) await measure.run();
  const took: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await measure.run();
    took.push(performance.now() - started);
  }
  return { p50: percentile(took, 50), p95: percentile(took, 95), max: Math.max(...took) };
}

const labels: ExportLabels = {
  column: (c) => c,
  intent: (c) => c,
  reason: (c) => c,
  financingType: (c) => c,
  outcome: (c) => c,
};

/** The export route's work without HTTP: batches from the journal, each turned into CSV lines and encoded. */
async function exportOnce(
  target: Target,
  range: DayRange,
): Promise<{ rows: number; bytes: number; ms: number }> {
  const encoder = new TextEncoder();
  const started = performance.now();
  let bytes = encoder.encode(BOM + exportHeader(labels, "en")).byteLength;
  let rows = 0;
  for await (const batch of exportBatches(target.db, range)) {
    bytes += encoder.encode(batch.map((r) => exportLine(r, labels, "en")).join("")).byteLength;
    rows += batch.length;
  }
  return { rows, bytes, ms: performance.now() - started };
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement `run` sends, after the settings it made for its transaction. */
async function plansOf(target: Target, run: () => Promise<unknown>): Promise<string> {
  target.captured.length = 0;
  await run();
  const settings: string[] = [];
  const out: string[] = [];
  for (const s of target.captured) {
    if (/^\s*(begin|commit|rollback)\b/i.test(s.query)) continue;
    if (/^\s*set\s/i.test(s.query)) {
      settings.push(s.query);
      continue;
    }
    const explain = `explain (analyze, buffers, costs off) ${s.query}`;
    const rows =
      settings.length > 0 && target.runWith
        ? await target.runWith(settings, explain, s.params)
        : await target.run(explain, s.params);
    out.push([...settings.map((x) => `-- ${x}`), ...rows.map((r) => String(Object.values(r)[0]))].join("\n"));
  }
  return out.join("\n\n");
}

export async function runR23(): Promise<void> {
  const started = Date.now();
  const loadStart = os.loadavg().map((l) => l.toFixed(2));
  const server = startPostgres(BENCH_PG_PORT, BENCH_PG_DATA, "skippay_bench_r23", "-c shared_buffers=1GB");
  let body = "";
  try {
    const target = await postgresTarget(server.url);
    try {
      const version = String((await target.run("select version() as v"))[0]?.v).split(" on ")[0] ?? "";
      const generating = Date.now();
      await generate(target);
      const generatedIn = (Date.now() - generating) / 1000;
      console.log(
        `R23: ${OPERATIONS.toLocaleString("en")} operations generated in ${generatedIn.toFixed(0)} s`,
      );
      const [size] = await target.run(
        `select pg_size_pretty(pg_total_relation_size('operations')) as o, pg_size_pretty(pg_indexes_size('operations')) as i`,
      );

      const today = pragueToday();
      const month = presetRange("last-month", today);
      const year: DayRange = { from: addDays(today, -364), to: today };
      const [inMonth] = await target.run(
        `select count(*) filter (where status = 'succeeded') as n, count(*) as all from operations
         where finished_at >= ($1::date)::timestamp at time zone 'Europe/Prague'
           and finished_at < ($2::date + 1)::timestamp at time zone 'Europe/Prague'`,
        [month.from, month.to],
      );
      const measures: (Measure & { target?: boolean })[] = [
        { name: "report: last month, per day (the statement)", run: () => report(target.db, month, "day") },
        { name: "report: last month, per week", run: () => report(target.db, month, "week") },
        { name: "report: a year, per week", run: () => report(target.db, year, "week") },
        { name: "reconciliation (the page's other statement)", run: () => reconciliation(target.db) },
        {
          name: "**the page's data for last month**: report ∥ reconciliation, then both charts",
          run: () => pageData(target, month),
          target: true,
        },
      ];
      const rows: string[][] = [["measure", "p50", "p95", "max", "target", ""]];
      let pageP95 = Number.NaN;
      for (const m of measures) {
        const t = await timed(m);
        if (m.target) pageP95 = t.p95;
        console.log(`R23 ${m.name}: p50 ${ms(t.p50)}, p95 ${ms(t.p95)}`);
        rows.push([
          m.name,
          ms(t.p50),
          ms(t.p95),
          ms(t.max),
          m.target ? `p95 ≤ ${TARGET_PAGE_MS} ms` : "",
          m.target ? (t.p95 <= TARGET_PAGE_MS ? "met" : "**missed**") : "",
        ]);
      }
      // The chart's own time (CPU in this process), separately from the report it draws.
      const chartTimes: number[] = [];
      const monthData = await report(target.db, month, "day");
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        timeChartSvg(monthData.series, dayLabel, chartLabels, { width: 960, height: 320 });
        timeChartSvg(monthData.series, dayLabel, chartLabels, { width: 360, height: 300 });
        chartTimes.push(performance.now() - t0);
      }

      const exports: { rows: number; bytes: number; ms: number }[] = [];
      for (let i = 0; i < EXPORT_RUNS; i++) {
        const e = await exportOnce(target, year);
        console.log(
          `R23 export of a year: ${e.rows.toLocaleString("en")} rows in ${ms(e.ms)} = ${Math.round(e.rows / (e.ms / 1000)).toLocaleString("en")} rows/s`,
        );
        exports.push(e);
      }
      const rates = exports.map((e) => e.rows / (e.ms / 1000));
      const slowest = Math.min(...rates);
      const exportRows = [
        ["run", "rows", "CSV", "time", "rows/s", "target", ""],
        ...exports.map((e, i) => [
          String(i + 1),
          e.rows.toLocaleString("en"),
          `${(e.bytes / 2 ** 20).toFixed(1)} MiB`,
          `${(e.ms / 1000).toFixed(1)} s`,
          Math.round(rates[i] as number).toLocaleString("en"),
          `≥ ${TARGET_ROWS_PER_SECOND.toLocaleString("en")} rows/s`,
          (rates[i] as number) >= TARGET_ROWS_PER_SECOND ? "met" : "**missed**",
        ]),
      ];

      // Plans: the page's statements, and the export's first batch and one from the middle of the year.
      const middle: DayRange = { from: addDays(today, -180), to: today };
      const firstBatch = async () => {
        for await (const _ of exportBatches(target.db, year)) return;
      };
      const keysetBatch = async () => {
        let n = 0;
        for await (const _ of exportBatches(target.db, middle)) if (++n === 2) return;
      };
      const plans: [string, string][] = [
        ["report: last month, per day", await plansOf(target, () => report(target.db, month, "day"))],
        ["reconciliation", await plansOf(target, () => reconciliation(target.db))],
        ["export: a year's first batch, and the next (asked for ahead)", await plansOf(target, firstBatch)],
      ];
      // The second batch's statement only (the first is the one above).
      target.captured.length = 0;
      await keysetBatch();
      const keyset = target.captured.at(-1);
      if (keyset) {
        const explained = await target.run(
          `explain (analyze, buffers, costs off) ${keyset.query}`,
          keyset.params,
        );
        plans.push(["export: a later batch (keyset)", explained.map((r) => Object.values(r)[0]).join("\n")]);
      }
      const loadEnd = os.loadavg().map((l) => l.toFixed(2));
      const planText = plans
        .map(([name, text]) => `<details><summary>${name}</summary>\n\n\`\`\`\n${text}\n\`\`\`\n\n</details>`)
        .join("\n");
      const met = pageP95 <= TARGET_PAGE_MS && slowest >= TARGET_ROWS_PER_SECOND;
      console.log(`\n${table(rows)}\n\n${table(exportRows)}\n`);
      console.log(plans.map(([n, p]) => `── ${n}\n${p}`).join("\n\n"));
      body = `${stamp()} · ${machine()} · ${version}

Produced by \`BENCH_ONLY=R23 npm run bench\` (bench/r23-reports.ts) in ${((Date.now() - started) / 60_000).toFixed(0)} min. Load average (1, 5, 15 min) ${loadStart.join(", ")} at the start and ${loadEnd.join(", ")} at the end: the machine's 2 cores are shared with other work, so the figures include its noise. PostgreSQL: Debian's, default settings but \`shared_buffers=1GB\`, \`fsync=off\`.

Data: ${OPERATIONS.toLocaleString("en")} operations on ${APPLICATIONS.toLocaleString("en")} applications, generated in SQL in ${generatedIn.toFixed(0)} s, finishing evenly over the last ${DAYS} days (cancel 25 %, cancel-all 5 %, return 30 %, return-all 5 %, refund 30 %, send 5 %; 97 % succeeded, the rest failed, rejected or awaiting review; 40 staff; plans with items and VAT). The journal with its indexes: ${size?.o} (indexes ${size?.i}). Last month (${month.from} – ${month.to}) holds ${Number(inMonth?.all).toLocaleString("en")} of them, ${Number(inMonth?.n).toLocaleString("en")} succeeded.

Each figure: ${RUNS} calls of the app's own code after 3 warm-up calls, timed from the calling process (round trips included). The page runs the report and reconciliation at once, then draws the chart twice (wide and narrow). ${met ? "Both targets met." : "A target was missed: see the analysis."}

${table(rows)}

Chart alone (both SVGs, ECharts in this process): ${ms(percentile(chartTimes, 50))} median of 5.

A year's CSV export (${year.from} – ${year.to}, every finished operation whatever its outcome), through \`exportBatches\` and \`exportLine\` as the route streams it (batches of 1,000, each line encoded), without HTTP:

${table(exportRows)}

Plans at ${OPERATIONS.toLocaleString("en")} operations (\`EXPLAIN (ANALYZE, BUFFERS)\`):

${planText}`;
    } finally {
      await target.close();
    }
  } finally {
    server.stop();
  }
  writeSection("R23", "R23 — /reports over 1M operations", body);
  console.log("R23 written to bench/results.md");
}
