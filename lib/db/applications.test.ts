// The applications list against a real database (PGlite, or PostgreSQL with TEST_POSTGRES=1): keyset pages walk
// every row exactly once in every sort, the pager's counts are right on both sides, filters and search find what
// staff mean, and an exact id or order number is found whatever its case.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SORTS, type Sort } from "@/lib/list-options";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { openTestDatabase } from "@/lib/testing/database";
import {
  type Cursor,
  decodeCursor,
  encodeCursor,
  findIndexed,
  type ListFilters,
  listApplications,
  type PageAt,
  upsertApplication,
} from "./applications";
import type { Database } from "./client";
import { applications } from "./schema";
import { fold, searchPatterns, searchText } from "./search-text";
import { sortName, sortNameSql } from "./sort-name";

let database: Database;

const STATES = [
  ["READY", "READY_TO_SHIP"],
  ["READY", "READY_SHIPPED"],
  ["READY", "READY_DELIVERED"],
  ["PROCESSING", "PROCESSING_PREAPPROVED"],
  ["CANCELLED", "CANCELLED_RETURNED"],
] as const;
const NAMES = ["Jana Nováková", "Petr Svoboda", "Žofie Šťastná", null, "Łukasz Żółć"];
const N = 53;

beforeAll(async () => {
  database = await openTestDatabase();
  // Groups of rows share a timestamp, a total or a name, so the id tie-break is what orders them.
  const rows = Array.from({ length: N }, (_, i) => {
    const [state, stateReason] = STATES[i % STATES.length] as (typeof STATES)[number];
    const searchable = {
      id: `app${String(i).padStart(4, "0")}x`,
      orderNumber: `VR-2026-${1000 + (i % 17)}`,
      variableSymbol: String(2026000000 + i),
      customerName: NAMES[i % NAMES.length] ?? null,
      customerEmail: i % NAMES.length === 3 ? null : `customer${i}@example.cz`,
      customerPhone: `+420601${String(100000 + i)}`,
    };
    return {
      ...searchable,
      searchText: searchText(searchable),
      customerSort: sortName(searchable.customerName),
      financingType: i % 3 === 0 ? "PAY_IN_THREE" : "DEFERRED_PAYMENT",
      state,
      stateReason,
      totalAmount: 100_000 * (i % 7),
      originalTotalAmount: 100_000 * (i % 7),
      currency: "CZK",
      // 23:30 UTC on 23 Nov is 24 Nov in Prague.
      updatedAt: new Date(Date.UTC(2026, 10, 23, 23, 30) + Math.floor(i / 4) * 3_600_000),
    };
  });
  await database.db.insert(applications).values(rows);
});

afterAll(async () => {
  await database?.close();
});

const EXPRESSIONS: Record<string, string> = {
  updated: "updated_at",
  total: "total_amount",
  order: "order_number",
  customer: 'customer_sort collate "C"',
};

/** Every matching id in the sort's order, by a plain ORDER BY (what the pages together must equal). */
async function reference(sort: Sort, where = "true"): Promise<string[]> {
  const dir = sort.startsWith("-") ? "desc" : "asc";
  const expr = EXPRESSIONS[sort.replace("-", "")];
  const result = (await database.db.execute(
    sql.raw(`select id from applications where ${where} order by ${expr} ${dir}, id ${dir}`),
  )) as unknown as { rows: { id: string }[] };
  return result.rows.map((r) => r.id);
}

const list = (filters: Partial<ListFilters>, page: PageAt, size = 10, limit?: number) =>
  listApplications(database.db, { sort: "-updated", ...filters }, page, size, limit);

describe("keyset pages", () => {
  it.each(SORTS)("walk every row exactly once, forwards and backwards, in sort %s", async (sort) => {
    const expected = await reference(sort);
    const forwards: string[] = [];
    let page = await list({ sort }, { at: "first" });
    for (;;) {
      expect(page.before).toBe(forwards.length);
      forwards.push(...page.rows.map((r) => r.id));
      expect(page.after).toBe(N - forwards.length);
      expect(page.total).toEqual({ value: N, kind: "exact" });
      if (page.after === 0 || !page.lastCursor) break;
      page = await list({ sort }, { at: "after", cursor: page.lastCursor });
    }
    expect(forwards).toEqual(expected);

    const backwards: string[] = [];
    page = await list({ sort }, { at: "last" });
    // The last page is where "Next" ends: 53 rows in pages of 10 end on a page of 3.
    expect(page.rows).toHaveLength(3);
    for (;;) {
      backwards.unshift(...page.rows.map((r) => r.id));
      expect(page.after).toBe(backwards.length - page.rows.length);
      expect(page.before).toBe(N - backwards.length);
      if (page.before === 0 || !page.firstCursor) break;
      page = await list({ sort }, { at: "before", cursor: page.firstCursor });
    }
    expect(backwards).toEqual(expected);
  });

  it("past the end there are no rows, and the pager knows how many came before", async () => {
    const last = await list({}, { at: "last" });
    const beyond = await list({}, { at: "after", cursor: last.lastCursor as Cursor });
    expect(beyond).toMatchObject({ rows: [], before: N, after: 0, total: { value: N, kind: "exact" } });
  });

  it("counts stop at the limit: the far side is 'many' and the total is PostgreSQL's estimate", async () => {
    const first = await list({}, { at: "first" }, 10, 20);
    expect(first).toMatchObject({ before: 0, after: null, total: { kind: "about" } });
    expect(first.total.value).toBeGreaterThanOrEqual(30);
    let page = first;
    for (let i = 0; i < 3; i++)
      page = await list({}, { at: "after", cursor: page.lastCursor as Cursor }, 10, 20);
    // 30 rows before this page: more than the limit of 20.
    expect(page).toMatchObject({ before: null, after: N - 40 });
  });

  it("a search counts 100 rows on each side, and past that says how many it saw at least", async () => {
    const all = await list({ q: "example.cz" }, { at: "first" }, 10);
    expect(all).toMatchObject({ countLimit: 100, total: { value: 43, kind: "exact" } });
    const few = await list({ q: "example.cz" }, { at: "first" }, 10, 20);
    expect(few).toMatchObject({ after: null, total: { value: 30, kind: "atLeast" } });
  });
});

describe("filters", () => {
  it("a state takes in all its substates; a substate only itself", async () => {
    const ready = await list({ state: "READY" }, { at: "first" }, 100);
    expect(ready.rows.map((r) => r.id)).toEqual(await reference("-updated", "state = 'READY'"));
    const shipped = await list({ state: "READY_SHIPPED" }, { at: "first" }, 100);
    expect(shipped.rows.map((r) => r.id)).toEqual(
      await reference("-updated", "state_reason = 'READY_SHIPPED'"),
    );
    expect(shipped.rows.length).toBeGreaterThan(0);
    expect(shipped.rows.length).toBeLessThan(ready.rows.length);
  });

  it("financing type, and dates as days in Prague", async () => {
    const three = await list({ type: "PAY_IN_THREE" }, { at: "first" }, 100);
    expect(three.total.value).toBe(Math.ceil(N / 3));
    // The first four rows were updated at 23:30 UTC on 23 Nov: 24 Nov in Prague.
    const on24 = await list({ from: "2026-11-24", to: "2026-11-24", sort: "updated" }, { at: "first" }, 100);
    expect(on24.rows[0]).toMatchObject({ id: "app0000x", totalAmount: 0, customerPhone: "+420601100000" });
    expect(on24.rows[0]?.updatedAt).toEqual(new Date(Date.UTC(2026, 10, 23, 23, 30)));
    expect(await list({ to: "2026-11-23" }, { at: "first" })).toMatchObject({
      rows: [],
      total: { value: 0 },
    });
  });
});

describe("search", () => {
  const found = async (q: string) => (await list({ q }, { at: "first" }, 100)).rows.map((r) => r.id);

  it("names and e-mails partially, whatever the accents and case", async () => {
    const zofie = await reference("-updated", "customer_name = 'Žofie Šťastná'");
    expect(zofie.length).toBeGreaterThan(0);
    expect(await found("stastn")).toEqual(zofie);
    expect(await found("ŽOFIE ŠŤASTNÁ")).toEqual(zofie);
    expect(await found("zolc")).toEqual(await reference("-updated", "customer_name = 'Łukasz Żółć'"));
    expect(await found("CUSTOMER12@EXAM")).toEqual(["app0012x"]);
  });

  it("a name's words in any order, each in part; words under three characters are left out", async () => {
    const zofie = await reference("-updated", "customer_name = 'Žofie Šťastná'");
    expect(await found("Šťastná Žofie")).toEqual(zofie);
    expect(await found("stast, zof")).toEqual(zofie);
    expect(await found("Ž. Šťastná")).toEqual(await found("Šťastná"));
    // Every word must be there: no application has both of these names.
    expect(await found("Šťastná Żółć")).toEqual([]);
    expect(searchPatterns("Dvořák  Jiří")).toEqual([{ like: ["%dvorak%", "%jiri%"], contains: [] }]);
    expect(searchPatterns("100_%")).toEqual([{ like: ["%100%"], contains: ["100_%"] }]);
  });

  it("phone numbers by their digits, however they are written", async () => {
    expect(await found("601 100 017")).toEqual(["app0017x"]);
    expect(await found("+420-601-100017")).toEqual(["app0017x"]);
  });

  it("order numbers, ids and variable symbols in part", async () => {
    expect(await found("vr-2026-1016")).toEqual(await reference("-updated", "order_number = 'VR-2026-1016'"));
    expect(await found("P0042")).toEqual(["app0042x"]);
    expect(await found("2026000042")).toEqual(["app0042x"]);
  });

  it("a word with a separator inside is looked up by its longer runs, then found whole", async () => {
    // Beside the hyphen the trigram index would look up word edges ("25 " is in every order of 2025).
    expect(searchPatterns("25-0519391")).toEqual([
      { like: ["%0519391%"], contains: ["25-0519391"] },
      { like: ["%250519391%"], contains: [] },
    ]);
    expect(searchPatterns("a-b-c")).toEqual([{ like: ["%a-b-c%"], contains: [] }]);
    const whole = await found("026-100");
    expect(whole).toEqual(await reference("-updated", "lower(order_number) like '%026-100%'"));
    expect(whole.length).toBeGreaterThan(0);
    // Its run alone finds more: the whole word is what decides.
    expect((await found("100")).length).toBeGreaterThan(whole.length);
    expect(await found("customer12@exam")).toEqual(["app0012x"]);
    expect(await found("customer12@xam")).toEqual([]);
  });

  it("LIKE's wildcards are just characters, and a term too short to search matches exactly", async () => {
    expect(await found("%%%")).toEqual([]);
    expect(await found("___")).toEqual([]);
    const short = await list({ q: "ab" }, { at: "first" });
    expect(short).toMatchObject({ rows: [], searchTooShort: true });
    expect(searchPatterns("ab")).toEqual([]);
  });
});

describe("an exact match", () => {
  it("finds an id, an order number or a variable symbol whatever the case", async () => {
    expect((await findIndexed(database.db, "APP0007X"))?.id).toBe("app0007x");
    expect((await findIndexed(database.db, "vr-2026-1003"))?.orderNumber).toBe("VR-2026-1003");
    expect((await findIndexed(database.db, "2026000009"))?.id).toBe("app0009x");
    expect(await findIndexed(database.db, "vr-2026")).toBeNull();
  });
});

describe("cursors", () => {
  it("round-trip through the URL, and anything else is no cursor", () => {
    const cursor: Cursor = { sort: "-updated", value: "2026-11-24T10:00:00.123456Z", id: "abc" };
    expect(decodeCursor(encodeCursor(cursor), "-updated")).toEqual(cursor);
    expect(decodeCursor(encodeCursor(cursor), "updated")).toBeNull();
    expect(decodeCursor(encodeCursor({ ...cursor, value: "yesterday" }), "-updated")).toBeNull();
    expect(decodeCursor(encodeCursor({ sort: "total", value: "1e9", id: "x" }), "total")).toBeNull();
    expect(decodeCursor("not-a-cursor", "-updated")).toBeNull();
    // A customer cursor holds a sort key; one holding a name (made before the key existed) is none.
    const customer: Cursor = { sort: "customer", value: sortName("Jiří Kříž"), id: "abc" };
    expect(decodeCursor(encodeCursor(customer), "customer")).toEqual(customer);
    expect(decodeCursor(encodeCursor({ ...customer, value: "Jiří Kříž" }), "customer")).toBeNull();
    expect(decodeCursor(undefined, "-updated")).toBeNull();
  });
});

describe("folding", () => {
  it("a search newest first checks each row's text in the list's index, not in the table (migration 0011)", async () => {
    // 53 rows would be read whole; leave PostgreSQL only the index walks a million rows need (bench P5).
    const plan = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      await tx.execute(sql`set local enable_bitmapscan = off`);
      const result = (await tx.execute(
        sql`explain (costs off) select id from applications where search_text like '%stastna%'
            order by updated_at desc, id desc limit 125`,
      )) as unknown as { rows: Record<string, string>[] };
      return result.rows.map((r) => Object.values(r)[0]).join("\n");
    });
    expect(plan).toContain("Index Only Scan Backward using applications_updated_idx");
  });

  it("the migration folds the letters it knows exactly as the app does", () => {
    const migration = readFileSync(
      path.join(import.meta.dirname, "migrations/0006_applications_list_at_scale.sql"),
      "utf8",
    );
    const [, from = "", to = ""] = migration.match(/translate\(.*?, '([^']+)', '([^']+)'\)/) ?? [];
    expect(from.length).toBeGreaterThan(50);
    for (let i = 0; i < from.length; i++) expect(fold(from[i] as string), from[i]).toBe(to[i]?.toLowerCase());
  });
});

describe("Customer A–Z", () => {
  const NAMES_TO_KEY = [
    "Jiří Kříž",
    "Žofie Šťastná",
    "Tomáš Chalupa",
    "ŁUKASZ ŻÓŁĆ",
    "Anna Marie Nová-Horká",
    "  O'Brien  ",
    "Ďuriš Ťoupal Ňuňa",
    "",
    "Олег Петров",
    "Jan 2. Novák",
    "Nguyễn Trần Thị Hương",
    "İlker Yılmaz",
    "Ing. Jan Novák, Ph.D.",
    "Jan Novák ml.",
    "J.Novák",
    "Jir\u030Ci\u0301 Kr\u030Ci\u0301z\u030C",
    "Hans Straße",
    "\u212Aarel Novák",
    "Jan\u00A0Novák\tml",
    "Eva Nováková/Dvořáková",
  ];

  it("the database keys a name exactly as the app does, and the migration's backfill is that statement", async () => {
    const result = (await database.db.execute(
      sql`select ${sql.raw(sortNameSql("t.n"))} as k from unnest(array[${sql.join(
        NAMES_TO_KEY.map((n) => sql`${n}::text`),
        sql`, `,
      )}]) with ordinality t(n, i) order by t.i`,
    )) as unknown as { rows: { k: string }[] };
    expect(result.rows.map((r) => r.k)).toEqual(NAMES_TO_KEY.map(sortName));
    const migration = readFileSync(
      path.join(import.meta.dirname, "migrations/0012_customer_sort_czech.sql"),
      "utf8",
    );
    expect(migration).toContain(`SET "customer_sort" = ${sortNameSql('"customer_name"')};`);
  });

  it("lists by surname in Czech order, those without a name last", async () => {
    const page = await list({ sort: "customer" }, { at: "first" }, 60);
    const names = [...new Set(page.rows.map((r) => r.customerName))];
    expect(names).toEqual(["Jana Nováková", "Petr Svoboda", "Žofie Šťastná", "Łukasz Żółć", null]);
  });
});

describe("recording Skip Pay's answers", () => {
  const answer = (total: number) =>
    ({
      id: "rec0001x",
      state: "READY",
      stateReason: "READY_TO_SHIP",
      type: "DEFERRED_PAYMENT",
      customer: { firstName: "Jana", lastName: "Nováková", email: "jana@example.cz", phone: "+420601000001" },
      order: {
        number: "VR-REC-1",
        variableSymbols: ["2026000999"],
        state: "PROCESSING",
        totalPrice: { amount: total, currency: "CZK" },
        items: [{ totalPrice: { amount: 100_000 } }],
      },
    }) as unknown as ApplicationResponse;
  const row = async () =>
    (
      (await database.db.execute(
        sql`select xmax::text as xmax, total_amount::int as total from applications where id = 'rec0001x'`,
      )) as unknown as { rows: { xmax: string; total: number }[] }
    ).rows[0];

  it("an answer that changes nothing neither writes nor locks the row (a page view is a read)", async () => {
    await upsertApplication(database.db, answer(100_000), new Date(Date.now() - 2_000));
    expect(await row()).toEqual({ xmax: "0", total: 100_000 });
    await upsertApplication(database.db, answer(100_000), new Date(Date.now() - 1_000));
    expect(await row()).toEqual({ xmax: "0", total: 100_000 });
    await upsertApplication(database.db, answer(90_000), new Date());
    expect((await row())?.total).toBe(90_000);
  });
});
