// P6 — one and two instances of the production build on one PostgreSQL, behind HAProxy started from
// deploy/haproxy.cfg (the file docs/deploy.md shows). Skip Pay is the sandbox in a process of its own, on a
// PostgreSQL server of its own, so the admin's server measures only the admin. For 1 and then 2 instances:
// the order page under 20 clients and returns from 8 agents at once, through the balancer; each instance's CPU
// time per request (from /proc), PostgreSQL's own time per request (its processes' CPU, and pg_stat_statements),
// and from these the instances one PostgreSQL core can serve.
//   targets: 0 errors; CPU per request within 10 % from 1 to 2 instances; 2 instances ≥ 1.2× one here;
//            ≥ 10 instances before PostgreSQL saturates a core
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { pragueToday } from "@/lib/i18n/config";
import { basisOf } from "@/lib/orders/basis";
import { emptyForm } from "@/lib/orders/forms/defaults";
import { orderView } from "@/lib/orders/lines";
import { buildApplicationRequest, type LineSpec } from "@/lib/sandbox/builders";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { BENCH_PG_DATA, BENCH_PG_PORT, startPostgres } from "./postgres";
import { remoteModeEnv, startSkipPay, stat, treeCpu, until } from "./proc";
import { machine, ms, percentile, stamp, table, writeSection } from "./sections";

const ROOT = path.resolve(import.meta.dirname, "..");
const BASE_PORT = Number(process.env.BENCH_P6_PORT ?? 3360);
const LB = `http://127.0.0.1:${BASE_PORT}`;
const INSTANCE_PORTS = [BASE_PORT + 1, BASE_PORT + 2];
const STATS = `http://127.0.0.1:${BASE_PORT + 9}/stats;csv`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const AGENTS = 8;
const ORDERS_PER_AGENT = 25;
/** Rounds of 1 and 2 instances, alternated: the machine's other load falls on both alike. */
const ROUNDS = Number(process.env.BENCH_P6_ROUNDS ?? 3);
// Skip Pay runs in a process of its own, so to the instances it is a remote Skip Pay: production mode, no demo
// accounts, and the first admin made from ADMIN_EMAIL at boot, as in a deployment.
const ADMIN = { email: "bench-admin@example.cz", password: "bench-p6-admin-password" };

/**
 * A PostgreSQL server's CPU seconds by kind of process: the backends serving connections ("clients"), the
 * server's own processes (WAL writer, checkpointer, autovacuum launcher…), and processes that have exited
 * (autovacuum workers, closed connections: counted in the postmaster's children time).
 */
function postgresCpu(postmaster: number): { clients: number; background: number; exited: number } {
  const out = { clients: 0, background: 0, exited: 0 };
  const root = stat(postmaster);
  out.background += root?.own ?? 0;
  out.exited += root?.children ?? 0;
  for (const d of readdirSync("/proc").filter((x) => /^\d+$/.test(x))) {
    const s = stat(Number(d));
    if (!s || s.ppid !== postmaster) continue;
    let title = "";
    try {
      title = readFileSync(`/proc/${d}/cmdline`, "utf8");
    } catch {
      continue;
    }
    // A backend's title: "postgres: <user> <database> <address>(<port>) <state>".
    if (/^postgres: \S+ \S+ [\d.]+\(\d+\)/.test(title)) out.clients += s.own;
    else out.background += s.own;
  }
  return out;
}

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

function startInstance(port: number, env: Record<string, string>): ChildProcess {
  return spawn(
    process.execPath,
    [path.join(ROOT, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)],
    {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, ...env, PORT: String(port) },
    },
  );
}

/** HTTP responses each instance has sent, from HAProxy's statistics (CSV: hrsp_1xx … hrsp_other per server). */
async function servedBy(): Promise<Record<string, number>> {
  const csv = await (await fetch(STATS)).text();
  const [head = "", ...lines] = csv.trim().split("\n");
  const columns = head.replace(/^# /, "").split(",");
  const at = (name: string) => columns.indexOf(name);
  const out: Record<string, number> = {};
  for (const line of lines) {
    const f = line.split(",");
    if (f[0] !== "instances" || f[1] === "BACKEND") continue;
    out[f[1] as string] = ["hrsp_1xx", "hrsp_2xx", "hrsp_3xx", "hrsp_4xx", "hrsp_5xx", "hrsp_other"]
      .map((c) => Number(f[at(c)] ?? 0))
      .reduce((a, b) => a + b, 0);
  }
  return out;
}

async function serverStatus(): Promise<Record<string, string>> {
  const csv = await (await fetch(STATS)).text();
  const [head = "", ...lines] = csv.trim().split("\n");
  const status = head.replace(/^# /, "").split(",").indexOf("status");
  return Object.fromEntries(
    lines
      .map((l) => l.split(","))
      .filter((f) => f[0] === "instances")
      .map((f) => [f[1], f[status]]),
  );
}

/** Takes instance 2 out of the balancer (maintenance) or puts it back, through HAProxy's statistics page. */
async function setSecond(inService: boolean) {
  await fetch(STATS.replace(";csv", ""), {
    method: "POST",
    body: new URLSearchParams({ s: "app2", action: inService ? "ready" : "maint", b: "instances" }),
    redirect: "manual",
  });
  await until(`instance 2 ${inService ? "in service" : "in maintenance"}`, async () =>
    inService ? (await serverStatus()).app2 === "UP" : (await serverStatus()).app2 === "MAINT",
  );
}

/** Several windows as one: times and counts added up, latencies together. */
function combine(windows: Window[]): Window {
  const sum = (f: (w: Window) => number) => windows.reduce((t, w) => t + f(w), 0);
  const names = [...new Set(windows.flatMap((w) => w.instances.map((i) => i.name)))];
  // Statements by their text (the first 160 characters, which tell them apart here).
  const tops = new Map<string, { calls: number; ms: number; query: string }>();
  for (const t of windows.flatMap((w) => w.top)) {
    const seen = tops.get(t.query) ?? { calls: 0, ms: 0, query: t.query };
    tops.set(t.query, { ...seen, calls: seen.calls + Number(t.calls), ms: seen.ms + Number(t.ms) });
  }
  return {
    requests: sum((w) => w.requests),
    seconds: sum((w) => w.seconds),
    errors: sum((w) => w.errors),
    latencies: windows.flatMap((w) => w.latencies),
    instances: names.map((name) => ({
      name,
      requests: sum((w) => w.instances.find((i) => i.name === name)?.requests ?? 0),
      cpu: sum((w) => w.instances.find((i) => i.name === name)?.cpu ?? 0),
    })),
    pgCpu: sum((w) => w.pgCpu),
    pgKinds: {
      clients: sum((w) => w.pgKinds.clients),
      background: sum((w) => w.pgKinds.background),
      exited: sum((w) => w.pgKinds.exited),
    },
    skipPayCpu: sum((w) => w.skipPayCpu),
    pgStatementsMs: sum((w) => w.pgStatementsMs),
    pgCalls: sum((w) => w.pgCalls),
    top: [...tops.values()].sort((a, b) => b.ms - a.ms).slice(0, 8),
  };
}

// ── Skip Pay (the sandbox process) and the admin, over HTTP ───────────────────────────────────────────────────

class SkipPay {
  token = "";
  constructor(readonly base: string) {}
  async login() {
    const r = await fetch(`${this.base}/authentication/v1/partner`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: "sandbox", password: "sandbox" }),
    });
    this.token = ((await r.json()) as { accessToken: string }).accessToken;
  }
  async call(method: string, pathname: string, body?: unknown) {
    const r = await fetch(`${this.base}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (r.status >= 400) throw new Error(`${method} ${pathname}: HTTP ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  }
  async create(number: string, lines: LineSpec[], delivered: boolean): Promise<string> {
    const { id } = await this.call(
      "POST",
      "/financing/v1/applications",
      buildApplicationRequest({
        orderNumber: number,
        lines,
        notificationEndpoint: `${LB}/api/skippay/notifications`,
      }),
    );
    await this.call("POST", `/control/applications/${id}/approve`);
    if (delivered) {
      await this.call("PUT", `/financing/v1/applications/${id}/order/send`, {});
      await this.call("PUT", `/financing/v1/applications/${id}/order/deliver`, {});
    }
    return id;
  }
}

async function signIn(): Promise<string> {
  const response = await fetch(`${LB}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: LB },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`sign-in failed: HTTP ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName: string }> };
  const found = Object.entries(manifest.node).find(([, a]) => a.exportedName === name);
  if (!found) throw new Error(`no server action ${name} in the build`);
  return found[0];
}

/** A return of one piece through the server action, as the browser posts it; the application afterwards. */
async function returnOne(cookie: string, application: ApplicationResponse): Promise<ApplicationResponse> {
  const keys = orderView(application.order).lines.map((l) => l.key);
  const values = {
    ...emptyForm("return", keys, pragueToday()),
    lines: [{ key: keys[0] as string, quantity: "1" }],
    reason: "customer_request",
  };
  const response = await fetch(`${LB}/applications/${application.id}`, {
    method: "POST",
    headers: {
      "next-action": actionId("submitOperation"),
      "content-type": "text/plain;charset=UTF-8",
      origin: LB,
      cookie,
    },
    body: JSON.stringify([
      {
        applicationId: application.id,
        values,
        basis: basisOf(application),
        loadedAt: new Date().toISOString(),
        submissionId: crypto.randomUUID(),
      },
    ]),
  });
  const text = await response.text();
  const line = text.split("\n").find((l) => l.startsWith("1:{"));
  const result = line
    ? (JSON.parse(line.slice(2)) as { ok: boolean; kind?: string; application?: ApplicationResponse })
    : null;
  if (!result?.ok || result.kind !== "done" || !result.application)
    throw new Error(`return failed: HTTP ${response.status} ${line?.slice(0, 200) ?? text.slice(0, 200)}`);
  return result.application;
}

// ── One measurement window ────────────────────────────────────────────────────────────────────────────────────

interface Window {
  requests: number;
  seconds: number;
  errors: number;
  latencies: number[];
  /** Per instance: requests it served, its CPU seconds. */
  instances: { name: string; requests: number; cpu: number }[];
  pgCpu: number;
  /** pgCpu by kind of process (see postgresCpu). */
  pgKinds: { clients: number; background: number; exited: number };
  skipPayCpu: number;
  /** pg_stat_statements for the admin's database: execution + planning ms, statements. */
  pgStatementsMs: number;
  pgCalls: number;
  /** The statements that took PostgreSQL the most time. */
  top: { calls: number; ms: number; query: string }[];
}

interface Probes {
  instances: { name: string; pid: number }[];
  pgDataDir: string;
  skipPayPids: number[];
  stats: Client;
}

async function measureWindow(
  probes: Probes,
  work: () => Promise<{ requests: number; errors: number; latencies: number[] }>,
) {
  const cpu0 = probes.instances.map((i) => treeCpu(i.pid));
  const pg0 = treeCpu(postmasterPid(probes.pgDataDir));
  const kinds0 = postgresCpu(postmasterPid(probes.pgDataDir));
  const sp0 = probes.skipPayPids.reduce((s, p) => s + treeCpu(p), 0);
  const served0 = await servedBy();
  await probes.stats.query("select pg_stat_statements_reset()");
  const started = performance.now();
  const done = await work();
  const seconds = (performance.now() - started) / 1000;
  const served1 = await servedBy();
  const cpu1 = probes.instances.map((i) => treeCpu(i.pid));
  const pg1 = treeCpu(postmasterPid(probes.pgDataDir));
  const kinds1 = postgresCpu(postmasterPid(probes.pgDataDir));
  const sp1 = probes.skipPayPids.reduce((s, p) => s + treeCpu(p), 0);
  const top = await probes.stats.query(
    `select calls::int as calls, (total_exec_time + total_plan_time)::float as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 200) as query
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = current_database() and s.query not ilike '%pg_stat_statements%'
     order by total_exec_time + total_plan_time desc limit 8`,
  );
  const { rows } = await probes.stats.query(
    `select coalesce(sum(total_exec_time + total_plan_time), 0)::float as ms, coalesce(sum(calls), 0)::int as calls
     from pg_stat_statements s join pg_database d on d.oid = s.dbid
     where d.datname = current_database() and s.query not ilike '%pg_stat_statements%'`,
  );
  return {
    ...done,
    seconds,
    instances: probes.instances.map((i, k) => ({
      name: i.name,
      requests: (served1[i.name] ?? 0) - (served0[i.name] ?? 0),
      cpu: (cpu1[k] ?? 0) - (cpu0[k] ?? 0),
    })),
    pgCpu: pg1 - pg0,
    pgKinds: {
      clients: kinds1.clients - kinds0.clients,
      background: kinds1.background - kinds0.background,
      exited: kinds1.exited - kinds0.exited,
    },
    skipPayCpu: sp1 - sp0,
    pgStatementsMs: rows[0]?.ms ?? 0,
    pgCalls: rows[0]?.calls ?? 0,
    top: top.rows as Window["top"],
  } satisfies Window;
}

async function orderPageLoad(url: string, cookie: string, seconds = SECONDS) {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: CONNECTIONS, duration: seconds, headers: { cookie } },
      (e, r) => (e ? reject(e) : resolve(r)),
    );
    instance.on("response", (_c, status, _b, time) => {
      if (status === 200) latencies.push(time);
      else errors += 1;
    });
  });
  // autocannon's `errors` include its timeouts.
  return { requests: latencies.length + errors + result.errors, errors: errors + result.errors, latencies };
}

/**
 * Each agent returns one piece at a time, going round its own orders (a real order sees a handful of operations,
 * not hundreds: the journal's look at an application reads all of its operations). A refused return re-reads
 * that order.
 */
async function returnsLoad(
  cookie: string,
  orders: ApplicationResponse[],
  reread: (id: string) => Promise<ApplicationResponse>,
  seconds = SECONDS,
) {
  const latencies: number[] = [];
  let errors = 0;
  const stopAt = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: AGENTS }, async (_, agent) => {
      for (let turn = 0; Date.now() < stopAt; turn++) {
        const k = agent + AGENTS * (turn % ORDERS_PER_AGENT);
        const application = orders[k] as ApplicationResponse;
        const started = performance.now();
        try {
          orders[k] = await returnOne(cookie, application);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors += 1;
          if (errors <= 3) console.error(`P6 return error: ${(error as Error).message}`);
          orders[k] = await reread(application.id);
        }
      }
    }),
  );
  return { requests: latencies.length + errors, errors, latencies };
}

// ── The run ──────────────────────────────────────────────────────────────────────────────────────────────────

function ensureHaproxy() {
  if (spawnSync("sh", ["-c", "command -v haproxy"]).status === 0) return;
  console.log("P6: installing HAProxy (apt)…");
  const sudo = process.getuid?.() === 0 ? [] : ["sudo", "-n"];
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["apt-get", "update", "-qq"],
    ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "haproxy"],
  ]) {
    const [cmd = "", ...rest] = [...sudo, ...args];
    if (spawnSync(cmd, rest, { env, stdio: "inherit" }).status !== 0)
      throw new Error(`${args.join(" ")} failed`);
  }
}

export async function runP6(): Promise<void> {
  if (!existsSync(path.join(ROOT, ".next/BUILD_ID")))
    throw new Error("P6 needs the production build (npm run bench builds it)");
  ensureHaproxy();
  const started = Date.now();
  const children: ChildProcess[] = [];
  const admin = startPostgres(
    BENCH_PG_PORT,
    BENCH_PG_DATA,
    "skippay_bench_p6",
    // Durable commits (the test servers run with fsync off), and PostgreSQL's own per-statement accounting.
    `-c fsync=on -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on ${process.env.BENCH_P6_PG_OPTIONS ?? ""}`,
  );
  const skipPayPg = startPostgres(BENCH_PG_PORT + 1, `${BENCH_PG_DATA}-skippay`, "skippay_bench_sandbox");
  const stats = new Client({ connectionString: admin.url });
  try {
    await stats.connect();
    await stats.query("create extension if not exists pg_stat_statements");

    const { child: skipPayProcess, baseUrl: skipPayBase } = await startSkipPay({
      ...process.env,
      DATABASE_URL: skipPayPg.url,
    });
    children.push(skipPayProcess);

    // No TRUSTED_PROXIES: the load generator connects from the balancer's own address (127.0.0.1), so the
    // address past the balancer would be the balancer itself.
    const env = {
      ...remoteModeEnv(skipPayBase, ADMIN),
      APP_URL: LB,
      DATABASE_URL: admin.url,
      SESSION_SECRET: "bench-p6-session-secret-0123456789abcdef0123456789",
    };
    const first = startInstance(INSTANCE_PORTS[0] as number, env);
    children.push(first);
    await until("instance 1", async () => (await fetch(`http://127.0.0.1:${INSTANCE_PORTS[0]}/healthz`)).ok);

    const haproxy = spawn("haproxy", ["-db", "-f", path.join(ROOT, "deploy/haproxy.cfg")], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        LB_BIND: `127.0.0.1:${BASE_PORT}`,
        APP1: `127.0.0.1:${INSTANCE_PORTS[0]}`,
        APP2: `127.0.0.1:${INSTANCE_PORTS[1]}`,
        LB_STATS_BIND: `127.0.0.1:${BASE_PORT + 9}`,
      },
    });
    children.push(haproxy);
    await until("HAProxy sees instance 1", async () => (await serverStatus()).app1 === "UP");
    console.log("P6: Skip Pay, PostgreSQL, instance 1 and HAProxy are up");

    const skipPay = new SkipPay(skipPayBase);
    await skipPay.login();
    const cookie = await signIn();
    const lines50: LineSpec[] = Array.from({ length: 50 }, (_, i) => ({
      code: `L-${String(i + 1).padStart(4, "0")}`,
      name: `Zboží č. ${i + 1}`,
      unitPrice: 9_900 + (i % 37) * 1_000,
      quantity: (i % 5) + 1,
    }));
    const page50 = await skipPay.create(`P6-50-${Date.now()}`, lines50, false);
    const check = await (await fetch(`${LB}/applications/${page50}`, { headers: { cookie } })).text();
    if (!check.includes("L-0050")) throw new Error("the order page did not render through the balancer");
    const mug: LineSpec = { code: "MUG", name: "Hrnek smaltovaný", unitPrice: 19_900, quantity: 1_000 };
    const returnOrders: ApplicationResponse[] = [];
    for (let k = 0; k < AGENTS * ORDERS_PER_AGENT; k++) {
      const id = await skipPay.create(`P6-R-${Date.now()}-${k}`, [mug], true);
      returnOrders.push(await skipPay.call("GET", `/financing/v1/applications/${id}`));
    }

    const reread = (id: string): Promise<ApplicationResponse> =>
      skipPay.call("GET", `/financing/v1/applications/${id}`);
    const probes: Probes = {
      instances: [{ name: "app1", pid: first.pid as number }],
      pgDataDir: admin.dataDir,
      skipPayPids: [skipPayProcess.pid as number, postmasterPid(skipPayPg.dataDir)],
      stats,
    };
    const measure = async (label: string) => {
      console.log(`P6: ${label} — order page, ${CONNECTIONS} clients, ${SECONDS} s…`);
      await orderPageLoad(`${LB}/applications/${page50}`, cookie, 3); // warm-up at full load
      const page = await measureWindow(probes, () => orderPageLoad(`${LB}/applications/${page50}`, cookie));
      console.log(`P6: ${label} — returns, ${AGENTS} agents at once, ${SECONDS} s…`);
      await returnsLoad(cookie, returnOrders, reread, 3);
      const returns = await measureWindow(probes, () => returnsLoad(cookie, returnOrders, reread));
      return { page, returns };
    };
    // Round 1 starts with instance 2 not running yet; it joins as a deployment would add it.
    const runs: Record<1 | 2, Measured[]> = { 1: [], 2: [] };
    let second: ChildProcess | null = null;
    for (let round = 1; round <= ROUNDS; round++) {
      if (second) await setSecond(false);
      runs[1].push(await measure(`round ${round}, 1 instance`));
      if (!second) {
        second = startInstance(INSTANCE_PORTS[1] as number, env);
        children.push(second);
        await until("HAProxy sees instance 2", async () => (await serverStatus()).app2 === "UP");
        // As warm as instance 1 (which served round 1): its code compiled and optimised on the order page.
        for (let i = 0; i < 100; i++)
          await fetch(`http://127.0.0.1:${INSTANCE_PORTS[1]}/applications/${page50}`, {
            headers: { cookie },
          });
      } else await setSecond(true);
      const both = {
        ...probes,
        instances: [...probes.instances, { name: "app2", pid: second.pid as number }],
      };
      const page = () => measureWindow(both, () => orderPageLoad(`${LB}/applications/${page50}`, cookie));
      console.log(`P6: round ${round}, 2 instances — order page…`);
      await orderPageLoad(`${LB}/applications/${page50}`, cookie, 3);
      const twoPage = await page();
      console.log(`P6: round ${round}, 2 instances — returns…`);
      await returnsLoad(cookie, returnOrders, reread, 3);
      const twoReturns = await measureWindow(both, () => returnsLoad(cookie, returnOrders, reread));
      runs[2].push({ page: twoPage, returns: twoReturns });
    }
    const merged = (k: 1 | 2): Measured => ({
      page: combine(runs[k].map((r) => r.page)),
      returns: combine(runs[k].map((r) => r.returns)),
    });
    const one = merged(1);
    const two = merged(2);
    const perRound = (k: 1 | 2, w: "page" | "returns") =>
      runs[k].map((r) => ((r[w].requests - r[w].errors) / r[w].seconds).toFixed(1)).join(", ");
    const rounds = `Requests/s in each round — order page: ${perRound(1, "page")} (1 instance) and ${perRound(2, "page")} (2 instances); returns: ${perRound(1, "returns")} and ${perRound(2, "returns")}.`;

    writeSection("P6", "P6 — instances on one PostgreSQL", report(one, two, started, rounds));
    console.log("P6 written to bench/results.md");
  } finally {
    for (const child of children.reverse()) child.kill("SIGTERM");
    await stats.end().catch(() => {});
    await new Promise((r) => setTimeout(r, 1_000));
    admin.stop();
    skipPayPg.stop();
  }
}

// ── The report ────────────────────────────────────────────────────────────────────────────────────────────────

type Measured = { page: Window; returns: Window };

function report(one: Measured, two: Measured, started: number, rounds: string): string {
  const rps = (w: Window) => (w.requests - w.errors) / w.seconds;
  const cpuPer = (w: Window) =>
    w.instances.map((i) => (i.requests ? (i.cpu / i.requests) * 1000 : Number.NaN));
  const appCpuPer = (w: Window) =>
    (w.instances.reduce((s, i) => s + i.cpu, 0) /
      Math.max(
        1,
        w.instances.reduce((s, i) => s + i.requests, 0),
      )) *
    1000;
  const pgCpuPer = (w: Window) => (w.pgCpu / Math.max(1, w.requests - w.errors)) * 1000;
  const pgStmtPer = (w: Window) => w.pgStatementsMs / Math.max(1, w.requests - w.errors);
  const f = (n: number, d = 2) => (Number.isFinite(n) ? n.toFixed(d) : "–");
  const kinds = (w: Window) => {
    const per = (x: number) => f((x / Math.max(1, w.requests - w.errors)) * 1000);
    return `${per(w.pgKinds.clients)} / ${per(w.pgKinds.background)} / ${per(w.pgKinds.exited)} ms`;
  };
  const rows: string[][] = [["", "measure", "1 instance", "2 instances", "2 ÷ 1", "target", ""]];
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const projections: string[] = [];
  for (const [what, a, b] of [
    ["order page (50 lines)", one.page, two.page],
    ["return (server action)", one.returns, two.returns],
  ] as const) {
    const ratio = rps(b) / rps(a);
    const cpuA = cpuPer(a)[0] ?? Number.NaN;
    const cpuB = cpuPer(b);
    const drift = Math.max(...cpuB.map((c) => Math.abs(c / cpuA - 1)));
    rows.push(
      [
        "P6",
        `${what}: requests/s`,
        f(rps(a), 1),
        f(rps(b), 1),
        `${f(ratio)}×`,
        "≥ 1.2×",
        verdict(ratio >= 1.2),
      ],
      [
        "P6",
        `${what}: p50 / p95`,
        `${ms(percentile(a.latencies, 50))} / ${ms(percentile(a.latencies, 95))}`,
        `${ms(percentile(b.latencies, 50))} / ${ms(percentile(b.latencies, 95))}`,
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: errors`,
        String(a.errors),
        String(b.errors),
        "",
        "0",
        verdict(a.errors + b.errors === 0),
      ],
      [
        "P6",
        `${what}: instance CPU per request`,
        `${f(cpuA)} ms`,
        cpuB.map((c) => `${f(c)} ms`).join(" / "),
        `±${f(drift * 100, 0)} %`,
        "within 10 %",
        verdict(drift <= 0.1),
      ],
      [
        "P6",
        `${what}: requests per instance`,
        a.instances.map((i) => i.requests).join(" / "),
        b.instances.map((i) => i.requests).join(" / "),
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: PostgreSQL CPU per request (its processes)`,
        `${f(pgCpuPer(a))} ms`,
        `${f(pgCpuPer(b))} ms`,
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: … in its connections' backends / its own processes / processes that exited`,
        kinds(a),
        kinds(b),
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: PostgreSQL time per request (pg_stat_statements)`,
        `${f(pgStmtPer(a))} ms`,
        `${f(pgStmtPer(b))} ms`,
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: statements per request`,
        f(a.pgCalls / Math.max(1, a.requests - a.errors), 1),
        f(b.pgCalls / Math.max(1, b.requests - b.errors), 1),
        "",
        "",
        "",
      ],
      [
        "P6",
        `${what}: Skip Pay's CPU per request (sandbox + its PostgreSQL)`,
        `${f((a.skipPayCpu / Math.max(1, a.requests)) * 1000)} ms`,
        `${f((b.skipPayCpu / Math.max(1, b.requests)) * 1000)} ms`,
        "",
        "",
        "",
      ],
    );
    // The projection, from the 2-instance window (both sides measured at once).
    const app = appCpuPer(b);
    const pg = Math.max(pgCpuPer(b), pgStmtPer(b));
    const perInstance = 1000 / app;
    const pgCore = 1000 / pg;
    const n = pgCore / perInstance;
    rows.push([
      "P6",
      `${what}: instances one PostgreSQL core serves (projected)`,
      "",
      f(n, 1),
      "",
      "≥ 10",
      verdict(n >= 10),
    ]);
    projections.push(
      `- **${what}:** an instance spends ${f(app)} ms of CPU per request, so one busy core serves 1000 ÷ ${f(app)} = ${f(perInstance, 0)} requests/s. PostgreSQL spends ${f(pg)} ms per request (the larger of its processes' CPU, ${f(pgCpuPer(b))} ms, and its statements' own time, ${f(pgStmtPer(b))} ms), so one PostgreSQL core serves 1000 ÷ ${f(pg)} = ${f(pgCore, 0)} requests/s: ${f(pgCore, 0)} ÷ ${f(perInstance, 0)} = **${f(n, 1)} instances** (each on a core of its own) before PostgreSQL needs more than one core.`,
    );
  }
  return `${stamp()} · ${machine()}

Produced by \`BENCH_ONLY=P6 npm run bench\` (bench/p6-instances.ts) in ${((Date.now() - started) / 60_000).toFixed(0)} min: the production build as 1 and then 2 instances (\`next start\`) on one PostgreSQL (Debian's, durable commits), behind HAProxy started with [deploy/haproxy.cfg](../deploy/haproxy.cfg); Skip Pay is the sandbox in a process of its own with a PostgreSQL server of its own. ${ROUNDS} rounds, each a window with 1 instance (instance 2 in maintenance at the balancer; in round 1 not yet started) and one with 2, so that the machine's other load falls on both alike; each window ${SECONDS} s after 3 s of warm-up at the same load, the figures below added up over the rounds; load average ${os.loadavg()[0]?.toFixed(1)} at the end. The order page under ${CONNECTIONS} clients (autocannon, one staff session); returns from ${AGENTS} agents at once through the server action, each returning one piece at a time, going round ${ORDERS_PER_AGENT} orders of its own. CPU times from /proc (each instance's process; PostgreSQL's postmaster and every backend, including those that exited); requests per instance from HAProxy's statistics.

${table(rows)}

${rounds}

How many instances one PostgreSQL serves, from the 2-instance windows:

${projections.join("\n")}

Where PostgreSQL's time goes (2 instances; per request = total ÷ successful requests):

${[
  ["order page", two.page],
  ["return", two.returns],
]
  .map(([what, w]) =>
    table([
      [`${what}: statement`, "calls per request", "ms per request"],
      ...(w as Window).top.map((t) => {
        const ok = Math.max(1, (w as Window).requests - (w as Window).errors);
        return [`\`${t.query.replaceAll("|", "\\|")}\``, f(t.calls / ok, 2), f(t.ms / ok, 3)];
      }),
    ]),
  )
  .join("\n\n")}
`;
}
