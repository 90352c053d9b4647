import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
