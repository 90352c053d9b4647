// P5 — the admin's index at 10k, 100k and 1M applications (and a journal of as many operations), on PostgreSQL,
// and at 10k and 100k on PGlite. The rows are generated in SQL; every measure calls the app's own query code
// (lib/db/applications.ts, lib/operations/journal.ts) and is timed end to end, as the page pays for it; each
// statement it sent is then EXPLAINed (ANALYZE, BUFFERS) at the largest size.
//   target: p95 ≤ 50 ms at 1M, and the 1M figure ≤ 1.5× the 10k figure, for every query

import os from "node:os";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { Pool } from "pg";
import {
  type Cursor,
  findIndexed,
  type ListFilters,
  listApplications,
  type PageAt,
} from "@/lib/db/applications";
import { attachPglite, type Db, openDatabase, pgliteExtensions } from "@/lib/db/client";
import * as schema from "@/lib/db/schema";
import { searchText } from "@/lib/db/search-text";
import { sortName, sortNameSql } from "@/lib/db/sort-name";
import * as journal from "@/lib/operations/journal";
import { BENCH_PG_DATA, BENCH_PG_PORT, startPostgres } from "./postgres";
import { machine, ms, percentile, stamp, table, writeSection } from "./sections";

const PAGE = 25;
const RUNS = Number(process.env.BENCH_P5_RUNS ?? 40);
const SIZES = (process.env.BENCH_P5_SIZES ?? "10000,100000,1000000").split(",").map(Number);
const PGLITE_SIZES = (process.env.BENCH_P5_PGLITE_SIZES ?? "10000,100000")
  .split(",")
  .filter(Boolean)
  .map(Number);
const TARGET_MS = 50;
const TARGET_RATIO = 1.5;

/** Every statement a measure sends, as the driver got it: what EXPLAIN is run on. */
interface Captured {
  query: string;
  params: unknown[];
}

export interface Target {
  db: Db;
  captured: Captured[];
  /** Runs one statement (for EXPLAIN and the generator). */
  run(text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  /** Runs one statement in a transaction after `settings` (e.g. `set local work_mem = …`), as the app sends it. */
  runWith?(settings: string[], text: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

function capturing(): { captured: Captured[]; logger: { logQuery(query: string, params: unknown[]): void } } {
  const captured: Captured[] = [];
  return { captured, logger: { logQuery: (query, params) => void captured.push({ query, params }) } };
}

export async function postgresTarget(url: string): Promise<Target> {
  const migrated = await openDatabase({ kind: "postgres", url });
  await migrated.close();
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 4 });
  const { captured, logger } = capturing();
  const db = drizzle({ client: pool, schema, logger }) as unknown as PgDatabase<
    PgQueryResultHKT,
    typeof schema
  >;
  return {
    db,
    captured,
    run: async (text, params = []) => (await pool.query(text, params)).rows,
    runWith: async (settings, text, params = []) => {
      const client = await pool.connect();
      try {
        await client.query("begin");
        for (const setting of settings) await client.query(setting);
        const rows = (await client.query(text, params)).rows;
        await client.query("commit");
        return rows;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

async function pgliteTarget(): Promise<Target> {
  const { PGlite } = await import("@electric-sql/pglite");
  const client: PGlite = new PGlite({ extensions: await pgliteExtensions() });
  await attachPglite(client);
  const { drizzle } = await import("drizzle-orm/pglite");
  const { captured, logger } = capturing();
  const db = drizzle({ client, schema, logger }) as unknown as Db;
  return {
    db,
    captured,
    run: async (text, params = []) => (await client.query<Record<string, unknown>>(text, params)).rows,
    close: () => client.close(),
  };
}

// ── The generated data ────────────────────────────────────────────────────────────────────────────────────────

const WOMEN = ["Jana", "Marie", "Eva", "Hana", "Lucie", "Kateřina", "Tereza", "Veronika", "Zuzana", "Žofie"];
const MEN = ["Petr", "Jan", "Tomáš", "Martin", "Jiří", "Lukáš", "Ondřej", "David", "Michal", "Štěpán"];
const WOMEN_LAST = [
  "Nováková",
  "Svobodová",
  "Dvořáková",
  "Černá",
  "Procházková",
  "Kučerová",
  "Veselá",
  "Horáková",
  "Němcová",
  "Marková",
  "Pokorná",
  "Růžičková",
  "Šťastná",
  "Křížová",
  "Bartošová",
  "Čermáková",
];
const MEN_LAST = [
  "Novák",
  "Svoboda",
  "Dvořák",
  "Černý",
  "Procházka",
  "Kučera",
  "Veselý",
  "Horák",
  "Němec",
  "Marek",
  "Pokorný",
  "Růžička",
  "Šťastný",
  "Kříž",
  "Bartoš",
  "Čermák",
];
const DOMAINS = ["seznam.cz", "gmail.com", "email.cz", "centrum.cz", "post.cz", "outlook.com"];
/** Substates, by how often a shop has them after two years: most orders paid out, few waiting. */
const SUBSTATES: [string, string, number][] = [
  ["READY", "READY_PAID", 45],
  ["READY", "READY_DELIVERED", 14],
  ["READY", "READY_SHIPPED", 8],
  ["READY", "READY_TO_SHIP", 5],
  ["CANCELLED", "CANCELLED_RETURNED", 8],
  ["CANCELLED", "CANCELLED_NOT_PAID", 8],
  ["REJECTED", "REJECTED", 7],
  ["PROCESSING", "PROCESSING_REDIRECT_NEEDED", 3],
  ["PROCESSING", "PROCESSING_PREAPPROVED", 1.5],
  ["PROCESSING", "PROCESSING_VALIDATION_IN_PROGRESS", 0.5],
];

const array = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]`;

/** The migration's folding, for the generated search text (checked against the app's own on a sample). */
function foldSql(text: string): string {
  const from = "áäàâãåăąčćçďđéěëèêęíìîïľĺłňńñóöôòõőøřŕšśşťţúůüùûűýÿžźż";
  const to = "aaaaaaaacccddeeeeeeiiiilllnnnooooooorrsssttuuuuuuyyzzz";
  return `lower(translate(${text}, '${from}${from.toUpperCase()}', '${to}${to.toUpperCase()}'))`;
}

/** Adds applications number `from + 1` … `to`, each with one finished operation in the journal. */
async function grow(target: Target, from: number, to: number) {
  let bucketSql = "case";
  let acc = 0;
  for (const [state, substate, share] of SUBSTATES) {
    acc += share * 10;
    bucketSql += ` when b < ${acc} then '${state}|${substate}'`;
  }
  bucketSql += " end";
  const h = (salt: string) => `abs(hashtext(i::text || '${salt}'))`;
  await target.run(`
    insert into applications (id, order_number, variable_symbol, customer_name, customer_email, customer_phone,
      search_text, customer_sort, financing_type, state, state_reason, order_state, total_amount, original_total_amount,
      currency, first_seen_at, updated_at, read_at)
    select id, order_number, vs, name, email, phone,
      ${foldSql("concat_ws(chr(1), id, order_number, vs, name, email, regexp_replace(phone, '\\D', '', 'g'))")},
      ${sortNameSql("name")},
      case when ${h("f")} % 10 < 3 then 'PAY_IN_THREE' else 'DEFERRED_PAYMENT' end,
      split_part(st, '|', 1), split_part(st, '|', 2),
      case when st like '%SHIPPED' then 'SENT' when st like '%DELIVERED' or st like '%PAID' then 'DELIVERED'
           when st like 'CANCELLED%' then 'CANCELLED' else 'PROCESSING' end,
      total, total + (${h("o")} % 3) * 10000, 'CZK', updated - interval '3 days', updated, updated
    from (
      select i,
        substr(md5(i::text), 1, 6) || lpad(to_hex(i), 6, '0') as id,
        'VR-' || (2020 + i % 7) || '-' || lpad(i::text, 7, '0') as order_number,
        (2000000000 + i)::text as vs,
        case when i % 2 = 0
          then (${array(WOMEN)})[1 + ${h("a")} % ${WOMEN.length}] || ' ' || (${array(WOMEN_LAST)})[1 + ${h("b")} % ${WOMEN_LAST.length}]
          else (${array(MEN)})[1 + ${h("a")} % ${MEN.length}] || ' ' || (${array(MEN_LAST)})[1 + ${h("b")} % ${MEN_LAST.length}]
        end as name,
        '+420' || (600000000 + ${h("p")} % 200000000)::text as phone,
        ${bucketSql.replaceAll("b <", `(${h("s")} % 1000) <`)} as st,
        10000 + ${h("t")} % 5000000 as total,
        now() - (${h("u")} % 63072000000)::bigint * interval '1 millisecond' - (i % 1000) * interval '1 microsecond' as updated
      from generate_series(${from + 1}, ${to}) i
    ) n
    cross join lateral (select ${foldSql("replace(n.name, ' ', '.')")} || (${h("n")} % 1000) || '@' ||
      (${array(DOMAINS)})[1 + ${h("d")} % ${DOMAINS.length}] as email) e`);
  // One operation per application: mostly finished returns and refunds, a few refused, failed or awaiting approval.
  await target.run(`
    insert into operations (id, submission_id, application_id, order_number, actor_id, actor_name, intent, endpoint,
      reason, request, body, plan, refund, total_before, total_expected, total_after, basis_before, basis_expected,
      status, approval_required, created_at, started_at, finished_at)
    select 'op' || i, 'sub' || i, a.id, a.order_number, 'u' || (i % 40), 'Agent ' || (i % 40),
      case when i % 3 = 0 then 'refund' else 'return' end, 'order/return', 'goodwill', '{}', '{}', '{}',
      10000, a.total_amount + 10000, a.total_amount, a.total_amount, '{}', '{}',
      case when i % 20000 = 0 then 'pending_approval' when i % 1999 = 0 then 'rejected'
           when i % 997 = 0 then 'failed' else 'succeeded' end,
      i % 20000 = 0, a.updated_at - interval '1 hour', a.updated_at - interval '1 hour',
      case when i % 20000 = 0 then null else a.updated_at - interval '59 minutes' end
    from generate_series(${from + 1}, ${to}) i
    join applications a on a.id = substr(md5(i::text), 1, 6) || lpad(to_hex(i), 6, '0')`);
  await target.run("vacuum analyze applications");
  await target.run("vacuum analyze operations");
}

/** The generated search text is the one the app would write (a sample). */
async function checkSearchText(target: Target) {
  const rows = await target.run(
    "select id, order_number, variable_symbol, customer_name, customer_email, customer_phone, search_text, customer_sort from applications order by id limit 200",
  );
  for (const r of rows) {
    const expected = searchText({
      id: r.id as string,
      orderNumber: r.order_number as string,
      variableSymbol: r.variable_symbol as string,
      customerName: r.customer_name as string,
      customerEmail: r.customer_email as string,
      customerPhone: r.customer_phone as string,
    });
    if (expected !== r.search_text) throw new Error(`generated search text differs for ${r.id}`);
    if (sortName(r.customer_name as string) !== r.customer_sort)
      throw new Error(`generated customer sort key differs for ${r.id}`);
  }
}

// ── The measures ──────────────────────────────────────────────────────────────────────────────────────────────

interface Measure {
  name: string;
  run(db: Db): Promise<unknown>;
}

/** A row's cursor in the default order, to start a deep page from (found once, by OFFSET, outside the timing). */
async function cursorAt(target: Target, offset: number): Promise<Cursor> {
  const [row] = await target.run(
    `select id, to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as v
     from applications order by updated_at desc, id desc offset ${offset} limit 1`,
  );
  return { sort: "-updated", value: row?.v as string, id: row?.id as string };
}

function pragueDay(daysAgo: number): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Prague" }).format(
    new Date(Date.now() - daysAgo * 864e5),
  );
}

async function measures(target: Target, size: number): Promise<Measure[]> {
  const list =
    (filters: Partial<ListFilters>, page: PageAt = { at: "first" }) =>
    (db: Db) =>
      listApplications(db, { sort: "-updated", ...filters }, page, PAGE);
  const deep = await cursorAt(target, Math.floor(size / 2));
  // An application in the middle, and its row's values, for the searches and the journal.
  const [mid] = await target.run(
    `select id, order_number, customer_email, customer_phone from applications where id = $1`,
    [deep.id],
  );
  const id = String(mid?.id);
  const orderNumber = String(mid?.order_number);
  const email = String(mid?.customer_email).split("@")[0] as string;
  const phone = String(mid?.customer_phone).slice(4);
  return [
    { name: "first page, newest first", run: list({}) },
    { name: "filter: state Ready", run: list({ state: "READY" }) },
    { name: "filter: substate Ready to ship", run: list({ state: "READY_TO_SHIP" }) },
    {
      name: "filter: substate Being validated (0.5 %)",
      run: list({ state: "PROCESSING_VALIDATION_IN_PROGRESS" }),
    },
    { name: "filter: financing Pay in three", run: list({ type: "PAY_IN_THREE" }) },
    { name: "filter: updated in the last 7 days", run: list({ from: pragueDay(7), to: pragueDay(0) }) },
    {
      name: "filter: Ready to ship + Pay in three + 30 days",
      run: list({ state: "READY_TO_SHIP", type: "PAY_IN_THREE", from: pragueDay(30) }),
    },
    { name: "deep page (after the middle row)", run: list({}, { at: "after", cursor: deep }) },
    {
      name: "deep page, filtered (Ready, after the middle)",
      run: list({ state: "READY" }, { at: "after", cursor: deep }),
    },
    { name: "last page", run: list({}, { at: "last" }) },
    { name: "sort: highest total", run: list({ sort: "-total" }) },
    { name: "sort: order number", run: list({ sort: "order" }) },
    { name: "sort: customer A–Z", run: list({ sort: "customer" }) },
    { name: "search: surname, no accents (novakova, ≈3 %)", run: list({ q: "novakova" }) },
    { name: "search: name with accents (Žofie Šťastná)", run: list({ q: "Žofie Šťastná" }) },
    { name: "search: another full name (Jiří Kříž, 0.3 %)", run: list({ q: "Jiří Kříž" }) },
    {
      name: "search: Žofie Šťastná, highest total first",
      run: list({ q: "Žofie Šťastná", sort: "-total" }),
    },
    { name: "search: e-mail, partial", run: list({ q: `${email.slice(2)}@` }) },
    { name: "search: e-mail domain (gmail, ≈17 %)", run: list({ q: "gmail" }) },
    {
      name: "search: phone, 6 digits with a space",
      run: list({ q: `${phone.slice(1, 4)} ${phone.slice(4, 7)}` }),
    },
    { name: "search: order number, partial", run: list({ q: orderNumber.slice(5) }) },
    { name: "search: 2 characters (exact matches only)", run: list({ q: "ab" }) },
    {
      name: "open: order number in lower case",
      run: (db) => findIndexed(db, orderNumber.toLowerCase()),
    },
    { name: "open: application id in upper case", run: (db) => findIndexed(db, id.toUpperCase()) },
    { name: "journal: an application's operations", run: (db) => journal.operationsFor(db, id) },
    { name: "journal: the lock's holder", run: (db) => journal.activeOperation(db, id) },
    {
      name: "journal: the look before a read",
      run: (db) => journal.lookBeforeRead(db, id, "sub-none", "u1"),
    },
    { name: "journal: approvals waiting (count)", run: (db) => journal.countPendingApprovals(db) },
    { name: "journal: approvals queue", run: (db) => journal.pendingApprovals(db) },
  ];
}

interface Timing {
  p50: number;
  p95: number;
  /** What PostgreSQL itself spent (planning + execution of every statement, EXPLAIN ANALYZE without timing). */
  server50: number;
  server95: number;
}

async function time(target: Target, measure: Measure): Promise<Timing> {
  for (let i = 0; i < 3; i++) await measure.run(target.db);
  const took: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await measure.run(target.db);
    took.push(performance.now() - started);
  }
  target.captured.length = 0;
  await measure.run(target.db);
  const statements = target.captured.filter((c) => !/^\s*explain/i.test(c.query));
  const server: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let spent = 0;
    for (const s of statements) {
      const rows = await target.run(`explain (analyze, timing off, costs off) ${s.query}`, s.params);
      for (const r of rows) {
        const line = String(Object.values(r)[0]);
        const m = line.match(/^(Planning|Execution) Time: ([\d.]+) ms/);
        if (m) spent += Number(m[2]);
      }
    }
    server.push(spent);
  }
  return {
    p50: percentile(took, 50),
    p95: percentile(took, 95),
    server50: percentile(server, 50),
    server95: percentile(server, 95),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of every statement one call of `measure` sends. */
async function plans(target: Target, measure: Measure): Promise<string> {
  target.captured.length = 0;
  await measure.run(target.db);
  const statements = target.captured.filter((c) => !/^\s*explain/i.test(c.query));
  const out: string[] = [];
  for (const s of statements) {
    const rows = await target.run(`explain (analyze, buffers, costs off) ${s.query}`, s.params);
    out.push(rows.map((r) => Object.values(r)[0]).join("\n"));
  }
  return out.join("\n\n");
}

async function measureAll(target: Target, sizes: number[], label: string, explainAt: number | null) {
  const results = new Map<string, Map<number, Timing>>();
  const explained = new Map<string, string>();
  let current = 0;
  for (const size of sizes) {
    const started = Date.now();
    await grow(target, current, size);
    current = size;
    console.log(
      `P5 ${label}: ${size.toLocaleString("en")} applications generated in ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
    if (size === sizes[0]) await checkSearchText(target);
    for (const m of await measures(target, size)) {
      const timing = await time(target, m);
      if (!results.has(m.name)) results.set(m.name, new Map());
      results.get(m.name)?.set(size, timing);
      if (size === explainAt) explained.set(m.name, await plans(target, m));
    }
  }
  return { results, explained };
}

const short = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : `${n / 1e3}k`);

export async function runP5(): Promise<void> {
  const started = Date.now();
  const load = { start: os.loadavg()[0]?.toFixed(1) };
  // Shared buffers that hold a million applications with their indexes (≈ 1 GB, measured below), as a server
  // for that many would be given; everything else is Debian's default.
  const server = startPostgres(BENCH_PG_PORT, BENCH_PG_DATA, "skippay_bench_p5", "-c shared_buffers=1GB");
  let pg: Awaited<ReturnType<typeof measureAll>>;
  const version = { pg: "", pglite: "" };
  let sizes = "";
  try {
    const target = await postgresTarget(server.url);
    try {
      version.pg = String((await target.run("select version() as v"))[0]?.v).split(" on ")[0] ?? "";
      pg = await measureAll(target, SIZES, "PostgreSQL", SIZES.at(-1) ?? null);
      const [size] = await target.run(
        `select pg_size_pretty(pg_table_size('applications')) as t, pg_size_pretty(pg_indexes_size('applications')) as i,
                pg_size_pretty(pg_total_relation_size('operations')) as o`,
      );
      sizes = `the applications table ${size?.t} and its indexes ${size?.i}; the journal ${size?.o}`;
    } finally {
      await target.close();
    }
  } finally {
    server.stop();
  }
  const lite = await pgliteTarget();
  let pglite: Awaited<ReturnType<typeof measureAll>>;
  try {
    version.pglite = String((await lite.run("select version() as v"))[0]?.v).split(" on ")[0] ?? "";
    pglite = await measureAll(lite, PGLITE_SIZES, "PGlite", null);
  } finally {
    await lite.close();
  }

  const largest = SIZES.at(-1) as number;
  const smallest = SIZES[0] as number;
  const cell = (t?: Timing) => (t ? `${ms(t.p50)} / ${ms(t.p95)}` : "–");
  const serverCell = (t?: Timing) => (t ? `${ms(t.server50)} / ${ms(t.server95)}` : "–");
  let misses = 0;
  const pgRows = [
    [
      "query",
      ...SIZES.map((s) => `${short(s)}: p50 / p95`),
      ...SIZES.map((s) => `${short(s)}, in PostgreSQL: p50 / p95`),
      `${short(largest)} ÷ ${short(smallest)}, in PostgreSQL (p50)`,
      "",
    ],
    ...[...pg.results].map(([name, bySize]) => {
      const big = bySize.get(largest) as Timing;
      const small = bySize.get(smallest) as Timing;
      const ratio = big.server50 / small.server50;
      const fast = big.p95 <= TARGET_MS;
      const flat = ratio <= TARGET_RATIO;
      if (!fast || !flat) misses += 1;
      return [
        name,
        ...SIZES.map((s) => cell(bySize.get(s))),
        ...SIZES.map((s) => serverCell(bySize.get(s))),
        `${ratio.toFixed(2)}×`,
        fast && flat
          ? "met"
          : `**missed** (${[fast ? "" : "p95", flat ? "" : "ratio"].filter(Boolean).join(", ")})`,
      ];
    }),
  ];
  const liteSmall = PGLITE_SIZES[0] as number;
  const liteBig = PGLITE_SIZES.at(-1) as number;
  const liteRows = [
    [
      "query",
      ...PGLITE_SIZES.map((s) => `${short(s)}: p50 / p95`),
      ...PGLITE_SIZES.map((s) => `${short(s)}, in PGlite: p50 / p95`),
      `${short(liteBig)} ÷ ${short(liteSmall)}, in PGlite (p50)`,
    ],
    ...[...pglite.results].map(([name, bySize]) => [
      name,
      ...PGLITE_SIZES.map((s) => cell(bySize.get(s))),
      ...PGLITE_SIZES.map((s) => serverCell(bySize.get(s))),
      `${((bySize.get(liteBig)?.server50 ?? 0) / (bySize.get(liteSmall)?.server50 ?? 1)).toFixed(2)}×`,
    ]),
  ];
  const planText = [...pg.explained]
    .map(([name, text]) => `<details><summary>${name}</summary>\n\n\`\`\`\n${text}\n\`\`\`\n\n</details>`)
    .join("\n");
  const body = `${stamp()} · ${machine()} · ${version.pg} · ${version.pglite}

Produced by \`BENCH_ONLY=P5 npm run bench\` (bench/p5-index.ts) in ${((Date.now() - started) / 60_000).toFixed(0)} min; load average ${load.start} at the start, ${os.loadavg()[0]?.toFixed(1)} at the end (this machine is shared). Each "p50 / p95" cell: ${RUNS} calls of the app's own query code after 3 warm-up calls, timed from the calling process (round trips and this process's scheduling included). Each "in PostgreSQL" cell: ${RUNS} runs of the same statements under \`EXPLAIN (ANALYZE, TIMING OFF)\`, planning plus execution: the database's own work, which is what grows with the table. A list page is one statement (its page, the rows after it and the rows before it, each walk stopping at 1,000), plus PostgreSQL's estimate of the total when a walk reaches that limit. Targets: p95 ≤ ${TARGET_MS} ms at ${short(largest)} (end to end), and the database's time at ${short(largest)} ≤ ${TARGET_RATIO}× its time at ${short(smallest)}. ${misses === 0 ? "Every query met both." : `${misses} queries missed a target.`}

**PostgreSQL** (Debian's, default settings but \`shared_buffers=1GB\`; at ${short(largest)}: ${sizes}):

${table(pgRows)}

**PGlite** (in the benchmark's process):

${table(liteRows)}

Plans at ${short(largest)} applications (each statement a measure sends, \`EXPLAIN (ANALYZE, BUFFERS)\`):

${planText}`;
  console.log(`\n${table(pgRows)}\n\n${table(liteRows)}\n`);
  writeSection("P5", "P5 — the index at 10k, 100k and 1M applications", body);
  console.log("P5 written to bench/results.md");
}
