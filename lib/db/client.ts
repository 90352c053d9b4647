// The database connection: embedded PGlite (persisted in a directory, or in memory) by default, a real
// PostgreSQL server when DATABASE_URL is set. Either way the same schema and the same checked-in SQL migrations
// are applied before the first query.
import "server-only";
import { randomUUID } from "node:crypto";
import { readFileSync, unlinkSync } from "node:fs";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { Pool } from "pg";
import { type AppConfig, config } from "@/lib/config";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "lib/db/migrations");
// Any constant works; it only has to be the same for every instance of the app.
const MIGRATION_LOCK_ID = 7_240_001;

/** A PGlite directory another process (or another open in this one) is using: opening it too would fork it. */
export class DatabaseInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DatabaseInUseError";
  }
}

interface LockOwner {
  pid: number;
  command: string;
  since: string;
  /** When the process started (Linux: /proc/<pid>/stat), so a pid used again by another process is told apart. */
  started: string | null;
  token: string;
}

/** Lock files this process holds (one per directory; a second open in the same process is refused too). */
const globalForLocks = globalThis as unknown as { __pgliteLocks?: Set<string> };
globalForLocks.__pgliteLocks ??= new Set();
const heldLocks = globalForLocks.__pgliteLocks;

function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19] ?? null;
  } catch {
    return null;
  }
}

function isRunning(owner: LockOwner): boolean {
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const started = processStart(owner.pid);
  return owner.started === null || started === null || started === owner.started;
}

async function readOwner(file: string): Promise<{ text: string; owner: LockOwner | null } | null> {
  try {
    const text = await readFile(file, "utf8");
    try {
      return { text, owner: JSON.parse(text) as LockOwner };
    } catch {
      return { text, owner: null };
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/**
 * Takes the directory's lock file (`<dir>.lock`, beside it): PGlite has no lock of its own, and two processes on
 * one directory each see their own, diverging database. A lock whose process has gone (killed, crashed) is stale
 * and taken over. Returns the release.
 */
export async function lockDirectory(dir: string): Promise<() => Promise<void>> {
  const file = `${path.resolve(dir)}.lock`;
  const me: LockOwner = {
    pid: process.pid,
    command: process.argv.join(" ").slice(0, 500),
    since: new Date().toISOString(),
    started: processStart(process.pid),
    token: randomUUID(),
  };
  const text = JSON.stringify(me);
  const release = async () => {
    process.off("exit", releaseAtExit);
    heldLocks.delete(file);
    if ((await readOwner(file))?.text === text) await unlink(file).catch(() => {});
  };
  const releaseAtExit = () => {
    try {
      if (readFileSync(file, "utf8") === text) unlinkSync(file);
    } catch {}
  };
  await mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 5; attempt++) {
    // Written whole under another name, then linked into place: the lock never exists half-written.
    const draft = `${file}.${me.token}`;
    await writeFile(draft, text);
    try {
      await link(draft, file);
      heldLocks.add(file);
      process.on("exit", releaseAtExit);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await unlink(draft).catch(() => {});
    }
    const found = await readOwner(file);
    if (!found) continue;
    const { owner } = found;
    const ours = owner?.pid === process.pid && heldLocks.has(file);
    if (owner && (ours || (owner.pid !== process.pid && isRunning(owner))))
      throw new DatabaseInUseError(
        `The database directory ${path.resolve(dir)} is in use by process ${owner.pid} (${owner.command}) since ${owner.since}. ` +
          "PGlite allows one process at a time: stop that process first, or use PostgreSQL (DATABASE_URL). " +
          `If no such process runs, delete ${file}.`,
      );
    // Stale (its process is gone) or unreadable: remove it, unless someone replaced it meanwhile.
    if ((await readOwner(file))?.text === found.text) await unlink(file).catch(() => {});
  }
  throw new DatabaseInUseError(`Could not take the lock ${file}: other processes keep taking it.`);
}

/** The extensions the migrations create (pg_trgm: the list's search index); PGlite loads them when it opens. */
export async function pgliteExtensions() {
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  return { pg_trgm };
}

async function openPglite(dir: string): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const extensions = await pgliteExtensions();
  if (dir === "memory") return attachPglite(new PGlite({ extensions }));
  const release = await lockDirectory(dir);
  try {
    const database = await attachPglite(new PGlite(path.resolve(dir), { extensions }));
    return {
      ...database,
      async close() {
        await database.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** Wraps an open PGlite instance and applies pending migrations (PGlite is single-process: no lock needed). */
export async function attachPglite(client: PGlite): Promise<Database> {
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const db = drizzle({ client, schema });
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return { db: db as unknown as Db, kind: "pglite", close: () => client.close() };
}

async function openPostgres(url: string): Promise<Database> {
  const pg = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");

  // Several app instances may boot at once: serialise migrations with an advisory lock on one connection.
  const lockClient = new pg.default.Client({ connectionString: url });
  await lockClient.connect();
  try {
    await lockClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    await migrate(drizzle({ client: lockClient }), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]).catch(() => {});
    await lockClient.end();
  }

  const pool = new pg.default.Pool({ connectionString: url, max: 10 });
  // The server may end an idle connection (restart, failover, an administrator). pg reports that as an "error"
  // event on the pool, and an unhandled "error" event ends the Node process: log it instead; the pool has already
  // dropped that connection and opens a new one for the next query.
  pool.on("error", (error) =>
    console.error(`[db] an idle PostgreSQL connection was closed: ${error.message}`),
  );
  const db = drizzle({ client: pool, schema });
  return { db: db as unknown as Db, kind: "postgres", close: closer(pool) };
}

/**
 * Ends a pool and resolves once every connection is closed. `pool.end()` alone resolves as soon as it has asked
 * each connection to end, while their sockets are still open, so a database dropped right after would see them.
 */
function closer(pool: Pool): () => Promise<void> {
  const open = new Set<unknown>();
  let allClosed: (() => void) | undefined;
  pool.on("connect", (client) => open.add(client));
  pool.on("remove", (client) => {
    open.delete(client);
    if (open.size === 0) allClosed?.();
  });
  return async () => {
    const closed =
      open.size === 0 ? Promise.resolve() : new Promise<void>((resolve) => (allClosed = resolve));
    await pool.end();
    await closed;
  };
}

/** Opens a database and applies every pending migration. */
export function openDatabase(target: AppConfig["database"]): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target.url) : openPglite(target.dir);
}

const globalForDb = globalThis as unknown as { __database?: Promise<Database> };

/** The process-wide database, opened (and migrated) on first use. */
export function database(): Promise<Database> {
  if (!globalForDb.__database) {
    globalForDb.__database = openDatabase(config().database);
    // A failed open must not be cached forever: the next caller retries.
    globalForDb.__database.catch(() => {
      globalForDb.__database = undefined;
    });
  }
  return globalForDb.__database;
}

export async function getDb(): Promise<Db> {
  return (await database()).db;
}
