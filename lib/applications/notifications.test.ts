// The bounds on Skip Pay notifications acted on, against the real database: a known application has a window of
// its own that a flood of made-up ids does not touch; ids not seen before share one; each refuses with the time
// to wait and opens again once its minute is over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { applications } from "@/lib/db/schema";
import { openTestDatabase } from "@/lib/testing/database";
import { admitNotification, NEW_PER_MINUTE, PER_KNOWN_APPLICATION } from "./notifications";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.insert(applications).values(
    ["KNOWN00001", "KNOWN00002"].map((id, i) => ({
      id,
      orderNumber: `ORD-${i}`,
      state: "READY",
      stateReason: "READY_TO_SHIP",
      totalAmount: 100_000,
      originalTotalAmount: 100_000,
      currency: "CZK",
    })),
  );
});
afterAll(async () => {
  await database.close();
});

const start = 1_800_000_000_000;
const admit = (id: string, at: number) => admitNotification(database.db, id, at);

describe("Skip Pay notifications acted on", () => {
  it("ids not seen before share a minute's window: full, refused with the seconds left, open again after it", async () => {
    for (let i = 0; i < NEW_PER_MINUTE; i++)
      expect(await admit(`made-up-${i}`, start + i)).toEqual({ ok: true });
    expect(await admit("made-up-x", start + 20_000)).toEqual({ ok: false, retryAfterSeconds: 40 });
    // Refused until the minute is over; refusing does not push the window further.
    expect(await admit("made-up-y", start + 59_999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await admit("made-up-z", start + 60_001)).toEqual({ ok: true });
  });

  it("a known application has its own window, which the flood of made-up ids does not touch", async () => {
    const at = start + 120_000;
    for (let i = 0; i <= NEW_PER_MINUTE; i++) await admit(`flood-${i}`, at);
    expect(await admit("flood-last", at)).toMatchObject({ ok: false });
    for (let i = 0; i < PER_KNOWN_APPLICATION; i++)
      expect(await admit("KNOWN00001", at + i)).toEqual({ ok: true });
    expect(await admit("KNOWN00001", at + 30_000)).toEqual({ ok: false, retryAfterSeconds: 30 });
    // Another known application is not held by the first one's window.
    expect(await admit("KNOWN00002", at + 30_000)).toEqual({ ok: true });
  });
});
