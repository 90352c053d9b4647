// CPU time of processes, from /proc (Linux): what a benchmark charges to a server and everything it started.
import { readdirSync, readFileSync } from "node:fs";

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
