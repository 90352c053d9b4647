// The benchmark's own PostgreSQL servers (Debian's, through lib/cli/pg-up.sh): started fresh with the options a
// part needs, stopped at the end. Never the test suite's server (its port and directory are different).
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");

export interface BenchPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): void;
}

/**
 * Starts (or restarts, so `options` apply) a server on `port` with its data in `dataDir`, and creates an empty
 * `database` on it. `options` are postgres `-c` settings, e.g. "-c shared_preload_libraries=pg_stat_statements".
 */
export function startPostgres(port: number, dataDir: string, database: string, options = ""): BenchPostgres {
  const env = { ...process.env, PGPORT: String(port), PGDATA: dataDir, PGDATABASE: database };
  spawnSync("bash", [path.join(ROOT, "lib/cli/pg-down.sh")], { env, stdio: "ignore" });
  const up = spawnSync("bash", [path.join(ROOT, "lib/cli/pg-up.sh")], {
    env: { ...env, PG_EXTRA_OPTIONS: options },
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = up.stdout
    .trim()
    .split("\n")
    .pop()
    ?.replace(/^DATABASE_URL=/, "");
  if (up.status !== 0 || !url?.startsWith("postgres"))
    throw new Error(`could not start PostgreSQL on ${port}`);
  return {
    url,
    port,
    dataDir,
    stop: () => void spawnSync("bash", [path.join(ROOT, "lib/cli/pg-down.sh")], { env, stdio: "ignore" }),
  };
}

/** Another empty database on a running server (same options). */
export function createDatabase(server: BenchPostgres, database: string): string {
  const env = { ...process.env, PGPORT: String(server.port), PGDATA: server.dataDir, PGDATABASE: database };
  const up = spawnSync("bash", [path.join(ROOT, "lib/cli/pg-up.sh")], {
    env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = up.stdout
    .trim()
    .split("\n")
    .pop()
    ?.replace(/^DATABASE_URL=/, "");
  if (up.status !== 0 || !url?.startsWith("postgres")) throw new Error(`could not create ${database}`);
  return url;
}

/** The benchmark's server: BENCH_PG_PORT / BENCH_PG_DATA, away from the tests' 54329. */
export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54339);
export const BENCH_PG_DATA = process.env.BENCH_PG_DATA ?? "/tmp/skippay-bench-pg";
