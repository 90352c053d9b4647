// R6 (part of `npm run bench`): a sign-in flood must not take the admin down. A signed-in page's latency, idle and
// while many clients flood the sign-in endpoint with random e-mails and a random X-Forwarded-For; and a staff
// member signing in from the browser they always use (it holds a device cookie) during the flood.
//
// Each flood client has a loopback address of its own (Linux routes all of 127.0.0.0/8 to this machine), the way a
// botnet's bots would, and tries random e-mails: neither the per-address limit (the benchmark's server allows 1,000
// a minute) nor the per-account one holds them back, so what is measured is how much work the server lets them cost.
import { fork } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

export const R6_CLIENTS = 64;
const PAGE = "/forbidden";
/** The staff member whose usual browser signs in during the flood, and the one whose session reads the page. */
const STAFF = "supervisor@demo.cz";
const READER = "agent2@demo.cz";
const PASSWORD = "demo-password";

interface Answer {
  status: number;
  ms: number;
  cookies: string[];
}

function request(
  base: string,
  method: "GET" | "POST",
  pathname: string,
  options: {
    headers?: Record<string, string>;
    body?: string;
    localAddress?: string;
    agent?: http.Agent;
  } = {},
): Promise<Answer> {
  const url = new URL(pathname, base);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: options.body
          ? { ...options.headers, "content-length": Buffer.byteLength(options.body) }
          : options.headers,
        localAddress: options.localAddress,
        agent: options.agent ?? false,
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            cookies: (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0] as string),
          }),
        );
      },
    );
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, cookies: [] }));
    req.end(options.body);
  });
}

const signInBody = (email: string, password: string) => JSON.stringify({ email, password });

function signIn(base: string, email: string, password: string, cookie?: string, localAddress?: string) {
  return request(base, "POST", "/api/auth/sign-in/email", {
    headers: { "content-type": "application/json", origin: base, ...(cookie ? { cookie } : {}) },
    body: signInBody(email, password),
    localAddress,
  });
}

const randomAddress = () =>
  `${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
/** A loopback address other than 127.0.0.1 (the staff's own). */
const botAddress = () => `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
const ms = (n: number) => `${n.toFixed(n < 10 ? 1 : 0)} ms`;

/** Sequential page loads for `seconds` (or `count` of them), each timed. */
async function probe(base: string, cookie: string, until: () => boolean): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const times: number[] = [];
  try {
    while (!until()) {
      const answer = await request(base, "GET", PAGE, { headers: { cookie }, agent });
      if (answer.status !== 200) throw new Error(`${PAGE} answered HTTP ${answer.status} (signed in?)`);
      times.push(answer.ms);
    }
  } finally {
    agent.destroy();
  }
  return times;
}

// ── The flood's clients, in a process of their own so that they do not hold up the page's measurement ─────────

const FLOOD = "--r6-flood";

interface FloodDone {
  sent: number;
  statuses: [number, number][];
  cpuSeconds: number;
}

/** Starts the flood in a child process (this module, run with FLOOD); `stop` ends it once every answer is in. */
async function startFlood(base: string, clients: number) {
  const child = fork(import.meta.filename, [FLOOD, base, String(clients)]);
  await new Promise((resolve, reject) => {
    child.once("message", resolve);
    child.once("exit", (code) => reject(new Error(`R6: the flood's process exited (${code})`)));
  });
  return {
    stop: () =>
      new Promise<FloodDone>((resolve) => {
        child.removeAllListeners("exit");
        child.once("message", (done) => resolve(done as FloodDone));
        child.send("stop");
      }),
  };
}

async function flood(base: string, clients: number) {
  const statuses = new Map<number, number>();
  let sent = 0;
  let flooding = true;
  process.on("message", () => {
    flooding = false;
  });
  const cpu = process.cpuUsage();
  const bot = async () => {
    // A bot at an address of its own, as a botnet's; it connects afresh each time, as the server closes the
    // connection of a refused attempt.
    const from = botAddress();
    while (flooding) {
      const answer = await request(base, "POST", "/api/auth/sign-in/email", {
        headers: { "content-type": "application/json", origin: base, "x-forwarded-for": randomAddress() },
        body: signInBody(
          `${randomBytes(6).toString("hex")}@${randomBytes(4).toString("hex")}.example`,
          "x".repeat(12),
        ),
        localAddress: from,
      });
      sent += 1;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
  };
  const bots = Array.from({ length: clients }, bot);
  process.send?.("started");
  await Promise.all(bots);
  const used = process.cpuUsage(cpu);
  const done: FloodDone = { sent, statuses: [...statuses], cpuSeconds: (used.user + used.system) / 1e6 };
  process.send?.(done, () => process.exit(0));
}

if (process.argv[2] === FLOOD) await flood(process.argv[3] as string, Number(process.argv[4]));

export interface R6Result {
  idle: number[];
  flooded: number[];
  /** The usual browser's sign-ins with no flood, and during it. */
  knownIdle: Answer[];
  known: Answer[];
  /** A browser that never signed in before, during the flood. */
  fresh: Answer[];
  statuses: Map<number, number>;
  sent: number;
  /** How long the flood ran in all, and each idle and flooded phase. */
  floodSeconds: number;
  /** CPU seconds the flood's clients used. */
  clientCpuSeconds: number;
  phaseSeconds: number;
  rounds: number;
  clients: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Idle and flooded phases taken in turns (`rounds` of each), so that the machine's own drift — other work on a
 * shared machine — weighs on both alike. In each phase the page is loaded one request after another, and the staff
 * member signs in once halfway through.
 */
export async function measureSignInFlood(
  base: string,
  seconds = 12,
  clients = R6_CLIENTS,
  rounds = 3,
): Promise<R6Result> {
  const reader = await signIn(base, READER, PASSWORD);
  if (reader.status !== 200) throw new Error(`R6: signing in ${READER} failed (HTTP ${reader.status})`);
  const session = reader.cookies.join("; ");
  // The staff member's usual browser: it signed in here before, so it holds a device cookie for the account.
  const usual = await signIn(base, STAFF, PASSWORD);
  if (usual.status !== 200) throw new Error(`R6: signing in ${STAFF} failed (HTTP ${usual.status})`);
  let device = usual.cookies.filter((c) => c.includes(".device=")).join("; ");
  const signInUsual = async () => {
    const answer = await signIn(base, STAFF, PASSWORD, device);
    const renewed = answer.cookies.filter((c) => c.includes(".device="));
    if (renewed.length > 0) device = renewed.join("; ");
    return answer;
  };

  const phase = (seconds / rounds) * 1000;
  /** The page for one phase, with the staff member's sign-in(s) halfway through. */
  const measurePhase = async (signIns: () => Promise<void>) => {
    const until = performance.now() + phase;
    const [times] = await Promise.all([
      probe(base, session, () => performance.now() > until),
      sleep(phase / 2).then(signIns),
    ]);
    return times;
  };

  let count = 0;
  await probe(base, session, () => count++ >= 10);
  const result: R6Result = {
    idle: [],
    flooded: [],
    knownIdle: [],
    known: [],
    fresh: [],
    statuses: new Map(),
    sent: 0,
    floodSeconds: 0,
    clientCpuSeconds: 0,
    phaseSeconds: phase / 1000,
    rounds,
    clients,
  };
  for (let round = 0; round < rounds; round++) {
    result.idle.push(
      ...(await measurePhase(async () => {
        result.knownIdle.push(await signInUsual());
      })),
    );
    const started = performance.now();
    const flood = await startFlood(base, clients);
    // Let the flood build up before measuring.
    await sleep(1000);
    result.flooded.push(
      ...(await measurePhase(async () => {
        result.known.push(await signInUsual());
        result.fresh.push(await signIn(base, STAFF, PASSWORD));
      })),
    );
    const done = await flood.stop();
    result.floodSeconds += (performance.now() - started) / 1000;
    result.sent += done.sent;
    result.clientCpuSeconds += done.cpuSeconds;
    for (const [status, n] of done.statuses)
      result.statuses.set(status, (result.statuses.get(status) ?? 0) + n);
  }
  return result;
}

const R6_START = "<!-- R6 -->";
const R6_END = "<!-- /R6 -->";

/** Prints R6 and writes it into its own section of bench/results.md (the rest of the file is left as it is). */
export function reportSignInFlood(result: R6Result, out: string): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const machine = `${os.cpus().length} × ${cpu.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
  const idle50 = percentile(result.idle, 50);
  const flood50 = percentile(result.flooded, 50);
  const idle95 = percentile(result.idle, 95);
  const flood95 = percentile(result.flooded, 95);
  const verdict = (ok: boolean) => (ok ? "met" : "**missed**");
  const slowest = Math.max(...result.known.map((a) => a.ms));
  const slowestIdle = Math.max(...result.knownIdle.map((a) => a.ms));
  const allSignedIn = result.known.every((a) => a.status === 200);
  const listed = (answers: Answer[]) => answers.map((a) => `HTTP ${a.status} in ${ms(a.ms)}`).join(", ");
  const statuses = [...result.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n} × ${status === 0 ? "connection error" : `HTTP ${status}`}`)
    .join(", ");
  const table = [
    "|  | measure | idle | during the flood | ratio | target |  |",
    "|---|---|---|---|---|---|---|",
    `| R6 | signed-in page (${PAGE}): p50 | ${ms(idle50)} | ${ms(flood50)} | ${(flood50 / idle50).toFixed(2)}× | ≤ 2× | ${verdict(flood50 <= 2 * idle50)} |`,
    `| R6 | signed-in page (${PAGE}): p95 | ${ms(idle95)} | ${ms(flood95)} | ${(flood95 / idle95).toFixed(2)}× |  |  |`,
    `| R6 | sign-in from the staff member's usual browser: slowest of ${result.known.length} | ${ms(slowestIdle)} | ${ms(slowest)}${allSignedIn ? "" : " (refused)"} |  | ≤ 2 s, signed in | ${verdict(allSignedIn && slowest <= 2000)} |`,
  ].join("\n");
  const notes = [
    `- ${result.rounds} idle and ${result.rounds} flooded phases of ${result.phaseSeconds.toFixed(1)} s in turns (each flood starting 1 s before its phase), the page loaded one request after another: ${result.idle.length} times idle, ${result.flooded.length} times flooded.`,
    `- The flood: ${result.clients} clients, each at a loopback address of its own, with a random X-Forwarded-For, a random e-mail and password, the next one as soon as the answer is in: ${result.sent} requests in ${result.floodSeconds.toFixed(0)} s (${(result.sent / result.floodSeconds).toFixed(0)}/s), answered ${statuses}. The clients (a process of their own) used ${((100 * result.clientCpuSeconds) / result.floodSeconds).toFixed(0)} % of a core meanwhile.`,
    `- The usual browser (it holds a device cookie for the account; from 127.0.0.1), idle: ${listed(result.knownIdle)}; flooded: ${listed(result.known)}. A browser that never signed in before, from the same address, right after each flooded one: ${listed(result.fresh)}.`,
  ].join("\n");
  const when = new Date().toISOString().slice(0, 16).replace("T", " ");
  const section = `${R6_START}\n## R6 — a sign-in flood\n\n${when} UTC · ${machine}\n\n${table}\n\n${notes}\n${R6_END}`;
  console.log(`\n${table}\n\n${notes}\n`);
  const previous = (() => {
    try {
      return readFileSync(out, "utf8");
    } catch {
      return "";
    }
  })();
  const at = previous.indexOf(R6_START);
  const end = previous.indexOf(R6_END);
  const next =
    at >= 0 && end > at
      ? `${previous.slice(0, at)}${section}${previous.slice(end + R6_END.length)}`
      : `${previous.trimEnd()}\n\n${section}\n`;
  writeFileSync(out, next);
  return section;
}

/** R6 as `npm run bench` runs it (`BENCH_ONLY=R6` runs only this; `BENCH_R6_SECONDS` sets the flood's length). */
export async function signInFlood(base: string): Promise<void> {
  console.log(`R6: ${R6_CLIENTS} clients flood sign-in…`);
  const result = await measureSignInFlood(base, Number(process.env.BENCH_R6_SECONDS ?? 12));
  reportSignInFlood(result, path.resolve(import.meta.dirname, "results.md"));
}
