// The report against a real database (PGlite, or PostgreSQL with TEST_POSTGRES=1): for generated journals, the
// totals, every split and every bucket equal the journal's own sums, counted here in plain code — only operations
// that went through, on the Prague day they finished.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import { pragueToday } from "@/lib/i18n/config";
import { openTestDatabase } from "@/lib/testing/database";
import { report } from "./query";
import { type Bucket, bucketStarts, type DayRange, weekStart } from "./range";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const INTENTS = ["cancel", "cancel-all", "return", "return-all", "refund", "send", "deliver"] as const;
const STATUSES = ["succeeded", "succeeded", "succeeded", "failed", "rejected", "needs_review"] as const;
const REASONS = [null, "damaged", "goodwill", "other"] as const;
const TYPES = [null, "DEFERRED_PAYMENT", "PAY_IN_THREE"] as const;
const ACTORS = [
  ["u1", "Jana Nováková"],
  ["u2", "Petr Svoboda"],
  ["u3", "Žofie Šťastná"],
] as const;

const START = Date.UTC(2026, 9, 20); // 20 Oct 2026; the summer/winter time change (25 Oct) falls inside.
const op = fc.record({
  app: fc.integer({ min: 0, max: 5 }),
  intent: fc.constantFrom(...INTENTS),
  status: fc.constantFrom(...STATUSES),
  reason: fc.constantFrom(...REASONS),
  actor: fc.constantFrom(...ACTORS),
  refund: fc.integer({ min: 0, max: 5_000_000 }),
  cancelled: fc.integer({ min: 0, max: 5_000_000 }),
  // Minutes over ~40 days, so operations fall on Prague day edges either side of midnight UTC.
  minute: fc.integer({ min: 0, max: 40 * 24 * 60 }),
});

const rangeArb = fc
  .tuple(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 40 }),
    fc.constantFrom<Bucket>("day", "week"),
  )
  .map(([a, b, bucket]) => {
    const day = (n: number) => new Date(START + n * 86_400_000).toISOString().slice(0, 10);
    return { range: { from: day(Math.min(a, b)), to: day(Math.max(a, b)) } as DayRange, bucket };
  });

describe("report", () => {
  it("equals the journal's sums for generated data", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 40 }),
        fc.array(fc.constantFrom(...TYPES), { minLength: 6, maxLength: 6 }),
        rangeArb,
        async (ops, types, { range, bucket }) => {
          const db = database.db;
          await db.execute(sql`truncate ${operations}, ${applications}`);
          // Application 5 is not in the index: its financing type is unknown.
          for (let i = 0; i < 5; i++)
            await db.insert(applications).values({
              id: `app${i}`,
              orderNumber: `VR-${i}`,
              financingType: types[i] ?? null,
              state: "READY",
              stateReason: "READY_TO_SHIP",
              totalAmount: 0,
              originalTotalAmount: 0,
              currency: "CZK",
            });
          const rows = ops.map((o, i) => ({
            id: `op${i}`,
            submissionId: `s${i}`,
            applicationId: `app${o.app}`,
            actorId: o.actor[0],
            actorName: o.actor[1],
            intent: o.intent,
            endpoint: "order/cancel" as const,
            reason: o.reason as never,
            request: {} as never,
            body: {} as never,
            plan: {} as never,
            refund: o.refund,
            cancelledValue: o.cancelled,
            totalBefore: 0,
            totalExpected: 0,
            basisBefore: {} as never,
            basisExpected: {} as never,
            status: o.status,
            finishedAt: new Date(START + o.minute * 60_000),
          }));
          if (rows.length > 0) await db.insert(operations).values(rows);

          const got = await report(db, range, bucket);

          // The same, counted in plain code.
          const dayOf = (at: Date) => pragueToday(at);
          const counted = ops.filter((o) => {
            const d = dayOf(new Date(START + o.minute * 60_000));
            return o.status === "succeeded" && d >= range.from && d <= range.to;
          });
          const sums = (list: typeof counted) => ({
            cancelled: list.reduce((s, o) => s + o.cancelled, 0),
            returned: list
              .filter((o) => o.intent === "return" || o.intent === "return-all")
              .reduce((s, o) => s + o.refund, 0),
            refunded: list.filter((o) => o.intent === "refund").reduce((s, o) => s + o.refund, 0),
            count: list.length,
          });
          expect(got.totals).toEqual(sums(counted));
          const split = (key: (o: (typeof counted)[number]) => string) => {
            const groups = new Map<string, typeof counted>();
            for (const o of counted) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
            return Object.fromEntries([...groups].map(([k, list]) => [k, sums(list)]));
          };
          const asMap = (
            list: { key: string; cancelled: number; returned: number; refunded: number; count: number }[],
          ) =>
            Object.fromEntries(
              list.map(({ key, cancelled, returned, refunded, count }) => [
                key,
                { cancelled, returned, refunded, count },
              ]),
            );
          expect(asMap(got.splits.operation)).toEqual(split((o) => o.intent));
          expect(asMap(got.splits.reason)).toEqual(split((o) => o.reason ?? ""));
          expect(asMap(got.splits.staff)).toEqual(split((o) => o.actor[0]));
          expect(asMap(got.splits.type)).toEqual(split((o) => (o.app < 5 ? (types[o.app] ?? "") : "")));
          for (const row of got.splits.staff)
            expect(row.label).toBe(ACTORS.find(([id]) => id === row.key)?.[1]);

          const perBucket = split((o) => {
            const d = dayOf(new Date(START + o.minute * 60_000));
            return bucket === "day" ? d : weekStart(d);
          });
          expect(got.series.map((b) => b.start)).toEqual(bucketStarts(range, bucket));
          for (const b of got.series) {
            const { start, ...f } = b;
            expect(f).toEqual(perBucket[start] ?? { cancelled: 0, returned: 0, refunded: 0, count: 0 });
          }
          // The buckets add up to the totals.
          expect(got.series.reduce((s, b) => s + b.count, 0)).toBe(got.totals.count);
        },
      ),
      { numRuns: 25 },
    );
  });
});
