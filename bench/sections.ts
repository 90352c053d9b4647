// Shared by the benchmark parts that run on their own (BENCH_ONLY): small statistics, the machine's description,
// and writing a part's measured section into bench/results.md without touching anything else in it.
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export const RESULTS = path.resolve(import.meta.dirname, "results.md");

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] as number;
}

export const ms = (n: number) => (Number.isFinite(n) ? `${n.toFixed(n < 10 ? 1 : 0)} ms` : "–");

export function machine(): string {
  const cpu = os.cpus()[0]?.model?.trim() ?? "unknown CPU";
  return `${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export const stamp = () => `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`;

export function table(rows: readonly (readonly string[])[]): string {
  const [head, ...body] = rows;
  if (!head) return "";
  return [
    `| ${head.join(" | ")} |`,
    `|${head.map(() => "---").join("|")}|`,
    ...body.map((r) => `| ${r.join(" | ")} |`),
  ].join("\n");
}

/**
 * Replaces the measured part of one section of bench/results.md — between `<!-- id:begin -->` and
 * `<!-- id:end -->` — keeping everything around it (the hand-written analysis, the other parts). A section that is
 * not there yet is appended at the end, under `title`: after the `<!-- analysis -->` marker, which the P1–P4 run
 * keeps as it is.
 */
export function writeSection(id: string, title: string, body: string): void {
  const begin = `<!-- ${id}:begin -->`;
  const end = `<!-- ${id}:end -->`;
  let text = "";
  try {
    text = readFileSync(RESULTS, "utf8");
  } catch {
    text = "# Benchmark results\n\n<!-- analysis -->\n";
  }
  const measured = `${begin}\n${body.trim()}\n${end}`;
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  text =
    from >= 0 && to > from
      ? text.slice(0, from) + measured + text.slice(to + end.length)
      : `${text.trimEnd()}\n\n## ${title}\n\n${measured}\n`;
  writeFileSync(RESULTS, text);
}
