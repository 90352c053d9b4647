import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { openTestDatabase } from "@/lib/testing/database";
import type { Database } from "./client";
import { applications } from "./schema";

describe("database", () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("uses the backend the suite was started for", () => {
    expect(database.kind).toBe(process.env.DATABASE_URL ? "postgres" : "pglite");
  });

  it("applies the checked-in migrations, so the schema is usable", async () => {
    const { db } = database;
    await db.insert(applications).values({
      id: "app-1",
      orderNumber: "EO-1",
      state: "READY",
      stateReason: "READY_TO_SHIP",
      totalAmount: 189_700,
      originalTotalAmount: 189_700,
      currency: "CZK",
    });
    const rows = await db.select().from(applications);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.totalAmount).toBe(189_700);
    const migrations = (await db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    )) as {
      rows: { n: number }[];
    };
    expect(Number(migrations.rows[0]?.n)).toBeGreaterThan(0);
  });

  it("keeps working when the server ends idle connections, and says so in the log", async () => {
    const { db } = database;
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // Four queries at once open four pooled connections; three of them are idle while the fourth ends them.
      await Promise.all([1, 2, 3, 4].map(() => db.execute(sql`select pg_sleep(0.05)`)));
      const ended = (await db.execute(
        sql`select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`,
      )) as { rows: { n: number }[] };
      // PGlite is one embedded backend: there is no other connection to end.
      expect(ended.rows[0]?.n).toBe(database.kind === "postgres" ? 3 : 0);
      await vi.waitFor(() => expect(log).toHaveBeenCalledTimes(ended.rows[0]?.n ?? -1));
      for (const [message] of log.mock.calls)
        expect(message).toMatch(/^\[db\] an idle PostgreSQL connection/);
      const counts = await Promise.all(
        [1, 2, 3, 4].map(() => db.execute(sql`select count(*)::int as n from applications`)),
      );
      expect(counts.map((r) => (r as { rows: { n: number }[] }).rows[0]?.n)).toEqual([1, 1, 1, 1]);
    } finally {
      log.mockRestore();
    }
  });
});

it("closes every connection before close() resolves, so the database can be dropped at once", async () => {
  // openTestDatabase drops a PostgreSQL test database with (force) right after close(): a connection still open
  // would be ended by the server, and the pool would log it as a lost idle connection.
  const log = vi.spyOn(console, "error");
  try {
    for (let round = 0; round < 6; round++) {
      const database = await openTestDatabase();
      const rows = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) => database.db.execute(sql`select ${n}::int as n, pg_sleep(0.01)`)),
      );
      expect(rows.map((r) => (r as { rows: { n: number }[] }).rows[0]?.n)).toEqual([1, 2, 3, 4, 5, 6]);
      await database.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log).not.toHaveBeenCalled();
  } finally {
    log.mockRestore();
  }
});
