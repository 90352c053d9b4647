// Processes the benchmarks start, and their CPU time from /proc (Linux): what a benchmark charges to a server and
// everything it started.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Waits for `check` to hold (errors count as "not yet"); fails at once if `child` exits meanwhile. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  seconds = 120,
  child?: ChildProcess,
) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null) throw new Error(`${what}: exited with code ${child.exitCode}`);
    try {
      if (await check()) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what}: not ready within ${seconds} s`);
}

/**
 * What an app instance against a remote Skip Pay (the sandbox's own process) needs, as a deployment would set it:
 * production mode, the partner credentials of lib/testing/sandbox-server.ts, and a first admin instead of demo
 * accounts.
 */
export function remoteModeEnv(skipPayBase: string, admin: { email: string; password: string }) {
  return {
    NODE_ENV: "production" as const,
    NEXT_TELEMETRY_DISABLED: "1",
    SKIPPAY_BASE_URL: skipPayBase,
    SKIPPAY_USERNAME: "sandbox",
    SKIPPAY_PASSWORD: "sandbox",
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    LOGIN_ATTEMPTS_PER_MINUTE: "1000",
  };
}

/**
 * Skip Pay in a process of its own (bench/skippay-process.ts: the sandbox served over HTTP), as a real Skip Pay is
 * another machine's work. Resolves with the process and its base URL once it listens.
 */
export async function startSkipPay(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(
    process.execPath,
    ["--import", "./lib/cli/register.mjs", path.join(ROOT, "bench/skippay-process.ts")],
    { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"], env },
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (d) => {
      out += d;
      const m = out.match(/SKIPPAY=(\S+)/);
      if (m) resolve(m[1] as string);
    });
    child.on("exit", (code) => reject(new Error(`Skip Pay exited with ${code}`)));
  });
  return { child, baseUrl };
}

const TICK = 100; // clock ticks per second (Linux USER_HZ)

// ── Processes and their CPU time ──────────────────────────────────────────────────────────────────────────────

export function stat(pid: number): { ppid: number; own: number; children: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const n = (i: number) => Number(fields[i - 3]);
    return { ppid: n(4), own: (n(14) + n(15)) / TICK, children: (n(16) + n(17)) / TICK };
  } catch {
    return null;
  }
}

/**
 * CPU seconds of a process and everything under it: its own, its live descendants', and that of descendants that
 * have exited (counted in their parent's `children` once reaped — a PostgreSQL backend whose connection closed).
 */
export function treeCpu(root: number): number {
  const all = readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map((d) => ({ pid: Number(d), s: stat(Number(d)) }));
  const tree = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all)
      if (p.s && !tree.has(p.pid) && tree.has(p.s.ppid)) {
        tree.add(p.pid);
        grew = true;
      }
  }
  const rootStat = stat(root);
  let total = (rootStat?.own ?? 0) + (rootStat?.children ?? 0);
  for (const p of all) if (p.pid !== root && tree.has(p.pid) && p.s) total += p.s.own;
  return total;
}
