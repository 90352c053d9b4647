// The CSV export against a real database (PGlite, or PostgreSQL with TEST_POSTGRES=1): read in small keyset
// batches, written as CSV and parsed back with csv-parse, it gives exactly the operations of the range, in order,
// with the same values — in both locales' dialects, with awkward text (separators, quotes, formulas, diacritics).
import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { applications, operations } from "@/lib/db/schema";
import type { Locale } from "@/lib/orders/money";
import { openTestDatabase } from "@/lib/testing/database";
import { BOM, csvAmount, csvMoment, csvQuantity } from "./csv";
import { EXPORT_COLUMNS, type ExportLabels, exportBatches, exportHeader, exportLine } from "./export";
import { report } from "./query";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const labels: ExportLabels = {
  column: (c) => `col:${c}`,
  intent: (c) => `intent:${c}`,
  reason: (c) => `reason:${c}`,
  financingType: (c) => `type:${c}`,
  outcome: (c) => `outcome:${c}`,
};

// 30 Nov 2026 23:30 UTC is already 1 Dec in Prague.
const AT = (iso: string) => new Date(iso);
const ACTORS = ["Jana Nováková", '=HYPERLINK("x")', 'Petr "Péťa" Svoboda; ml.'];
const STATUSES = ["succeeded", "failed", "rejected", "needs_review"] as const;

interface Seeded {
  id: string;
  finishedAt: Date;
  applicationId: string;
  orderNumber: string;
  variableSymbol: string | null;
  intent: string;
  refund: number;
  actorName: string;
  status: string;
  reason: string | null;
  ticketId: string | null;
  approverName: string | null;
  financingType: string | null;
  changes: { name: string; code: string; quantity: number }[];
  vat: { rate: number; gross: number; vat: number }[];
}

async function seed(): Promise<Seeded[]> {
  const db = database.db;
  await db.execute(sql`truncate ${operations}, ${applications}`);
  for (let i = 0; i < 3; i++)
    await db.insert(applications).values({
      id: `APP-${i}`,
      orderNumber: `VR-2026-${i}`,
      variableSymbol: i === 1 ? null : `77${i}`,
      financingType: i === 2 ? null : "PAY_IN_THREE",
      state: "READY",
      stateReason: "READY_TO_SHIP",
      totalAmount: 0,
      originalTotalAmount: 0,
      currency: "CZK",
    });
  const seeded: Seeded[] = [];
  const times = [
    "2026-11-30T22:59:59.999Z", // 30 Nov 23:59:59 in Prague: outside
    "2026-11-30T23:00:00.000Z", // 1 Dec 00:00 in Prague: inside
    "2026-12-01T10:00:00.000Z",
    "2026-12-01T10:00:00.000Z", // same moment: the id breaks the tie
    "2026-12-01T10:00:00.000Z",
    "2026-12-02T08:15:30.000Z",
    "2026-12-03T12:00:00.000Z",
    "2026-12-03T12:00:00.000Z",
    "2026-12-05T22:59:59.000Z", // 5 Dec 23:59:59 in Prague: inside
    "2026-12-05T23:00:00.000Z", // 6 Dec: outside
  ];
  for (const [i, time] of times.entries()) {
    const app = i % 3;
    const changes =
      i % 2 === 0
        ? [
            { name: "Hrnek; smaltovaný", code: "MUG", quantity: 3000 },
            { name: 'Kniha "Vaříme"', code: "BOOK", quantity: 1500 },
          ]
        : [];
    const vat =
      i % 2 === 0
        ? [
            { rate: 21, gross: 59_700, vat: 10_361 },
            { rate: 12, gross: 39_900, vat: 4_275 },
          ]
        : [];
    const row: Seeded = {
      id: `op-${String(10 - i).padStart(2, "0")}`,
      finishedAt: AT(time),
      applicationId: `APP-${app}`,
      orderNumber: `VR-2026-${app}`,
      variableSymbol: app === 1 ? null : `77${app}`,
      intent: i % 2 === 0 ? "return" : "refund",
      refund: 1_234_567 + i,
      actorName: ACTORS[i % ACTORS.length] ?? "",
      status: STATUSES[i % STATUSES.length] ?? "succeeded",
      reason: i % 2 === 0 ? "damaged" : null,
      ticketId: i === 2 ? "SP-TICKET-1" : null,
      approverName: i === 4 ? "Vedoucí Věra" : null,
      financingType: app === 2 ? null : "PAY_IN_THREE",
      changes,
      vat,
    };
    seeded.push(row);
    await db.insert(operations).values({
      id: row.id,
      submissionId: `s-${i}`,
      applicationId: row.applicationId,
      orderNumber: i === 5 ? null : row.orderNumber, // an old row without it: the index gives it
      actorId: `u${i % 3}`,
      actorName: row.actorName,
      intent: row.intent as "refund",
      endpoint: "order/cancel",
      reason: row.reason as never,
      request: {} as never,
      body: {} as never,
      plan: { changes, vat } as never,
      refund: row.refund,
      totalBefore: 0,
      totalExpected: 0,
      basisBefore: {} as never,
      basisExpected: {} as never,
      status: row.status as "succeeded",
      ticketId: row.ticketId,
      decidedByName: row.approverName,
      finishedAt: row.finishedAt,
    });
  }
  // Two rows a microsecond apart (what a JS Date cannot tell apart): the keyset must neither skip nor repeat one.
  await db.execute(
    sql`update ${operations} set finished_at = finished_at + interval '1 microsecond' where id = 'op-07'`,
  );
  // And one still in flight: not finished, not exported.
  await db.insert(operations).values({
    id: "op-active",
    submissionId: "s-active",
    applicationId: "APP-0",
    actorId: "u0",
    actorName: "Jana Nováková",
    intent: "refund",
    endpoint: "order/cancel",
    request: {} as never,
    body: {} as never,
    plan: {} as never,
    refund: 100,
    totalBefore: 0,
    totalExpected: 0,
    basisBefore: {} as never,
    basisExpected: {} as never,
    status: "in_flight",
  });
  return seeded;
}

async function csvOf(locale: Locale, batch: number): Promise<string> {
  let text = BOM + exportHeader(labels, locale);
  for await (const rows of exportBatches(database.db, { from: "2026-12-01", to: "2026-12-05" }, batch))
    text += rows.map((r) => exportLine(r, labels, locale)).join("");
  return text;
}

describe("CSV export", () => {
  for (const locale of ["cs", "en"] as const)
    it(`parses back to the range's operations (${locale})`, async () => {
      const seeded = await seed();
      const expected = seeded
        .filter(
          (s) => s.finishedAt >= AT("2026-11-30T23:00:00Z") && s.finishedAt < AT("2026-12-05T23:00:00Z"),
        )
        // By time, then id; op-07 is a microsecond after the others of its millisecond.
        .map((s) => ({ s, key: `${s.finishedAt.toISOString()}|${s.id === "op-07" ? "~" : ""}${s.id}` }))
        .sort((a, b) => (a.key < b.key ? -1 : 1))
        .map(({ s }) => s);

      for (const batch of [1, 3, 1000]) {
        const text = await csvOf(locale, batch);
        expect(text.startsWith(BOM)).toBe(true);
        const records: string[][] = parse(text, { bom: true, delimiter: locale === "cs" ? ";" : "," });
        expect(records[0]).toEqual(EXPORT_COLUMNS.map((c) => `col:${c}`));
        const formula = (v: string) => (/^[=+\-@]/.test(v) ? `'${v}` : v);
        const decimal = locale === "cs" ? "," : ".";
        expect(records.slice(1)).toEqual(
          expected.map((s) => [
            csvMoment(s.finishedAt),
            s.orderNumber,
            s.variableSymbol ?? "",
            s.applicationId,
            `intent:${s.intent}`,
            s.changes.map((c) => `${c.name} (${c.code}) × ${csvQuantity(c.quantity, locale)}`).join(" | "),
            // Only money given back has an amount: a rejected request or a failed call keeps its row, not a sum.
            s.status === "succeeded"
              ? `${Math.trunc(s.refund / 100)}${decimal}${String(s.refund % 100).padStart(2, "0")}`
              : "",
            s.status === "succeeded"
              ? s.vat.map((v) => `${v.rate} %: ${csvAmount(v.vat, locale)}`).join(" | ")
              : "",
            s.financingType ? `type:${s.financingType}` : "",
            formula(s.actorName),
            s.approverName ?? "",
            s.reason ? `reason:${s.reason}` : "",
            s.ticketId ?? "",
            `outcome:${s.status}`,
          ]),
        );
      }
    });

  it("sums, in its refund column, to what the report shows as returned and refunded", async () => {
    await seed();
    // Beside the seeded rows: a succeeded order change (no figure in the report), a rejected and a succeeded refund.
    for (const [id, intent, status] of [
      ["op-change", "change-order", "succeeded"],
      ["op-rejected", "refund", "rejected"],
      ["op-refund", "refund", "succeeded"],
    ] as const)
      await database.db.insert(operations).values({
        id,
        submissionId: `s-${id}`,
        applicationId: "APP-0",
        actorId: "u0",
        actorName: "Jana Nováková",
        intent,
        endpoint: "order",
        request: {} as never,
        body: {} as never,
        plan: { changes: [], vat: [{ rate: 21, gross: 19_920, vat: 3_457 }] } as never,
        refund: 19_920,
        totalBefore: 0,
        totalExpected: 0,
        basisBefore: {} as never,
        basisExpected: {} as never,
        status,
        finishedAt: AT("2026-12-02T09:00:00Z"),
      });
    const range = { from: "2026-12-01", to: "2026-12-05" };
    const records: string[][] = parse(await csvOf("cs", 1000), { bom: true, delimiter: ";" });
    const column = EXPORT_COLUMNS.indexOf("refund");
    const summed = records
      .slice(1)
      .map((r) => r[column] ?? "")
      .filter((v) => v !== "")
      .reduce((sum, v) => sum + Number(v.replace(",", "")), 0);
    const { totals } = await report(database.db, range, "day");
    expect(summed).toBe(totals.returned + totals.refunded);
    // The rejected request and the order change are listed, without an amount.
    const byOutcome = records.filter(
      (r) => r.includes("intent:change-order") || r.includes("outcome:rejected"),
    );
    expect(byOutcome.length).toBeGreaterThanOrEqual(2);
    for (const r of byOutcome) expect(r[column]).toBe("");
  });

  it("writes amounts, quantities and Prague times exactly", () => {
    expect(csvAmount(1_234_567, "cs")).toBe("12345,67");
    expect(csvAmount(5, "en")).toBe("0.05");
    expect(csvQuantity(3000, "cs")).toBe("3");
    expect(csvQuantity(1500, "cs")).toBe("1,5");
    expect(csvQuantity(1250, "en")).toBe("1.25");
    expect(csvMoment(new Date("2026-11-30T23:00:00Z"))).toBe("2026-12-01 00:00:00");
    expect(csvMoment(new Date("2026-07-01T10:00:00Z"))).toBe("2026-07-01 12:00:00");
    // Either side of the switches to and from summer time.
    expect(csvMoment(new Date("2026-03-29T00:59:59Z"))).toBe("2026-03-29 01:59:59");
    expect(csvMoment(new Date("2026-03-29T01:00:00Z"))).toBe("2026-03-29 03:00:00");
    expect(csvMoment(new Date("2026-10-25T00:59:59Z"))).toBe("2026-10-25 02:59:59");
    expect(csvMoment(new Date("2026-10-25T01:00:00Z"))).toBe("2026-10-25 02:00:00");
  });

  it("writes any moment as Intl's Prague time (its hour cache never changes an answer)", () => {
    const prague = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/Prague",
      dateStyle: "short",
      timeStyle: "medium",
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), (ms) => {
        expect(csvMoment(new Date(ms))).toBe(prague.format(new Date(ms)));
      }),
      { numRuns: 2_000 },
    );
  });
});
