// Every figure of a report links to the applications behind it: for generated journals, the applications list
// filtered by a figure's link (figureHref → the list's parameters → figureFilter) holds exactly the indexed
// applications with an operation counted in that figure — and a figure that is not zero never links to nothing.

import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listApplications } from "@/lib/db/applications";
import type { Database } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import { pragueToday } from "@/lib/i18n/config";
import { DEFAULT_SORT } from "@/lib/list-options";
import { openTestDatabase } from "@/lib/testing/database";
import { report } from "./query";
import {
  type DayRange,
  DIMENSIONS,
  type Dimension,
  type FigureParams,
  figureFilter,
  figureHref,
  METRICS,
  type Metric,
} from "./range";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const INTENTS = ["cancel", "return", "return-all", "refund", "send"] as const;
const STATUSES = ["succeeded", "succeeded", "failed"] as const;
const REASONS = [null, "damaged", "goodwill"] as const;
const TYPES = [null, "DEFERRED_PAYMENT", "PAY_IN_THREE"] as const;
const START = Date.UTC(2026, 9, 22); // the summer/winter time change (25 Oct) falls inside
const day = (n: number) => new Date(START + n * 86_400_000).toISOString().slice(0, 10);

const op = fc.record({
  app: fc.integer({ min: 0, max: 5 }),
  intent: fc.constantFrom(...INTENTS),
  status: fc.constantFrom(...STATUSES),
  reason: fc.constantFrom(...REASONS),
  actor: fc.constantFrom("u1", "u2"),
  refund: fc.integer({ min: 0, max: 50_000 }),
  cancelled: fc.constantFrom(0, 0, 10_000),
  minute: fc.integer({ min: 0, max: 8 * 24 * 60 }),
});

describe("a figure's link", () => {
  it("lists exactly the applications behind the figure", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 25 }),
        fc.array(fc.constantFrom(...TYPES), { minLength: 5, maxLength: 5 }),
        fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 })),
        async (ops, types, [a, b]) => {
          const db = database.db;
          await db.execute(sql`truncate ${operations}, ${applications}`);
          // Application 5 is not in the index: no list can show it.
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
            actorId: o.actor,
            actorName: o.actor,
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
          const range: DayRange = { from: day(Math.min(a, b)), to: day(Math.max(a, b)) };
          const got = await report(db, range, "day");

          const behind = (f: DayRange, metric: Metric, dimension?: Dimension, value?: string) =>
            new Set(
              ops
                .filter((o) => {
                  const d = pragueToday(new Date(START + o.minute * 60_000));
                  if (o.status !== "succeeded" || d < f.from || d > f.to || o.app === 5) return false;
                  if (metric === "cancelled" && !(o.cancelled > 0)) return false;
                  if (metric === "returned" && !["return", "return-all"].includes(o.intent)) return false;
                  if (metric === "refunded" && o.intent !== "refund") return false;
                  if (dimension === "operation") return o.intent === value;
                  if (dimension === "reason") return (o.reason ?? "") === value;
                  if (dimension === "staff") return o.actor === value;
                  if (dimension === "type") return (types[o.app] ?? "") === value;
                  return true;
                })
                .map((o) => `app${o.app}`),
            );
          const listed = async (href: string) => {
            const params = Object.fromEntries(new URL(href, "http://admin").searchParams) as FigureParams;
            const page = await listApplications(
              db,
              { sort: DEFAULT_SORT, operation: figureFilter(params) },
              { at: "first" },
              50,
            );
            return new Set(page.rows.map((r) => r.id));
          };

          for (const metric of METRICS) {
            const ids = await listed(figureHref({ ...range, metric }));
            expect(ids).toEqual(behind(range, metric));
            // Operations on an application missing from the index count in the totals but no list can show them.
            const allIndexed = ops.every((o) => o.app !== 5);
            if (metric !== "count" && got.totals[metric] > 0 && allIndexed)
              expect(ids.size).toBeGreaterThan(0);
          }
          for (const dimension of DIMENSIONS)
            for (const row of got.splits[dimension])
              for (const metric of METRICS) {
                const ids = await listed(figureHref({ ...range, metric, dimension, value: row.key }));
                expect(ids, `${dimension}=${row.key} ${metric}`).toEqual(
                  behind(range, metric, dimension, row.key),
                );
              }
          for (const bucket of got.series) {
            const ids = await listed(figureHref({ from: bucket.start, to: bucket.start, metric: "count" }));
            expect(ids).toEqual(behind({ from: bucket.start, to: bucket.start }, "count"));
          }
        },
      ),
      { numRuns: 8 },
    );
  });
});
