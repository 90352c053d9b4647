// Reconciliation against a real database: only applications whose indexed Skip Pay total differs from the
// journal's (financed − cancelled − returned − refunded, succeeded operations only) are listed, largest first.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { applicationNotes, applications, operations } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { reconciliation } from "./reconciliation";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const app = (id: string, original: number, total: number) => ({
  id,
  orderNumber: `VR-${id}`,
  state: "READY",
  stateReason: "READY_DELIVERED",
  totalAmount: total,
  originalTotalAmount: original,
  currency: "CZK",
});
let n = 0;
const op = (
  applicationId: string,
  intent: "refund" | "return" | "cancel",
  status: "succeeded" | "failed" | "unknown",
  money: { refund?: number; cancelled?: number },
  minute: number,
) => ({
  id: `op-${++n}`,
  submissionId: `s-${n}`,
  applicationId,
  actorId: "u1",
  actorName: "Jana Nováková",
  intent,
  endpoint: "order/cancel" as const,
  request: {} as never,
  body: {} as never,
  plan: {} as never,
  refund: money.refund ?? 0,
  cancelledValue: money.cancelled ?? 0,
  totalBefore: 0,
  totalExpected: 0,
  basisBefore: {} as never,
  basisExpected: {} as never,
  status,
  createdAt: new Date(Date.UTC(2026, 11, 1, 10, minute)),
  finishedAt: new Date(Date.UTC(2026, 11, 1, 10, minute, 30)),
});

describe("reconciliation", () => {
  it("lists the applications whose total differs from the journal, with the difference and the last operation", async () => {
    const db = database.db;
    await db.execute(sql`truncate ${operations}, ${applications}, ${applicationNotes}`);
    await db.insert(applications).values([
      app("agrees", 10_000, 7_000),
      app("short", 10_000, 5_000),
      app("failed-ignored", 20_000, 20_000),
      // Read after its last operation (it has none): the difference came from outside this admin.
      { ...app("outside", 8_000, 9_000), readAt: new Date(Date.UTC(2026, 11, 1, 11)) },
      app("mixed", 10_000, 7_000),
      // Skip Pay shows a refund whose outcome the journal has not settled yet.
      { ...app("unclear", 10_000, 9_500), readAt: new Date(Date.UTC(2026, 11, 1, 11)) },
    ]);
    await db
      .insert(operations)
      .values([
        op("agrees", "refund", "succeeded", { refund: 3_000 }, 1),
        op("short", "refund", "succeeded", { refund: 3_000 }, 2),
        op("short", "refund", "failed", { refund: 1_000 }, 3),
        op("failed-ignored", "return", "failed", { refund: 5_000 }, 4),
        op("mixed", "cancel", "succeeded", { cancelled: 2_000 }, 5),
        op("mixed", "return", "succeeded", { refund: 1_000 }, 6),
        op("unclear", "refund", "unknown", { refund: 500 }, 7),
      ]);
    await db.insert(applicationNotes).values({
      id: "note-1",
      applicationId: "short",
      kind: "drift_checked",
      actorId: "u2",
      actorName: "Vedoucí Věra",
      drift: -2_000,
      total: 5_000,
    });

    const all = await reconciliation(db);
    expect(all.total).toBe(3);
    expect(all.rows).toEqual([
      {
        applicationId: "short",
        orderNumber: "VR-short",
        actual: 5_000,
        expected: 7_000,
        difference: -2_000,
        lastOperation: {
          intent: "refund",
          status: "failed",
          at: new Date(Date.UTC(2026, 11, 1, 10, 3, 30)),
          actorName: "Jana Nováková",
        },
        checked: true,
        explanation: "checked",
        readAt: null,
      },
      {
        applicationId: "outside",
        orderNumber: "VR-outside",
        actual: 9_000,
        expected: 8_000,
        difference: 1_000,
        lastOperation: null,
        checked: false,
        explanation: "outside",
        readAt: new Date(Date.UTC(2026, 11, 1, 11)),
      },
      {
        applicationId: "unclear",
        orderNumber: "VR-unclear",
        actual: 9_500,
        expected: 10_000,
        difference: -500,
        lastOperation: {
          intent: "refund",
          status: "unknown",
          at: new Date(Date.UTC(2026, 11, 1, 10, 7, 30)),
          actorName: "Jana Nováková",
        },
        checked: false,
        explanation: "unsettled",
        readAt: new Date(Date.UTC(2026, 11, 1, 11)),
      },
    ]);
    const first = await reconciliation(db, 1);
    expect([first.total, first.rows.map((r) => r.applicationId)]).toEqual([3, ["short"]]);
  });

  it("keeps each application's journal sum as operations change, whichever is recorded first", async () => {
    const db = database.db;
    const ids = async () => (await reconciliation(db)).rows.map((r) => r.applicationId).sort();
    // The unclear refund is settled as applied: Skip Pay's total and the journal agree.
    await db.execute(sql`update ${operations} set status = 'succeeded' where application_id = 'unclear'`);
    expect(await ids()).toEqual(["outside", "short"]);
    // An operation journalled before its application reached the index: the new row starts from its sum.
    await db.insert(operations).values(op("late", "cancel", "succeeded", { cancelled: 4_000 }, 8));
    await db.insert(applications).values(app("late", 10_000, 6_000));
    expect(await ids()).toEqual(["outside", "short"]);
    // An operation taken out of the journal gives its sum back.
    await db.execute(sql`delete from ${operations} where application_id = 'late'`);
    expect(await ids()).toEqual(["late", "outside", "short"]);
  });
});
