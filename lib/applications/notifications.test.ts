// The bound on Skip Pay notifications acted on, against the real database: the window fills, refuses with the
// time to wait, and opens again once it is over.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/lib/db/client";
import { openTestDatabase } from "@/lib/testing/database";
import { admitNotification, NOTIFICATIONS_PER_MINUTE } from "./notifications";

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

describe("Skip Pay notifications acted on", () => {
  it("admits a minute's worth, refuses the next with the seconds left, and admits again after the minute", async () => {
    const start = 1_800_000_000_000;
    for (let i = 0; i < NOTIFICATIONS_PER_MINUTE; i++) {
      expect(await admitNotification(database.db, start + i)).toEqual({ ok: true });
    }
    expect(await admitNotification(database.db, start + 20_000)).toEqual({
      ok: false,
      retryAfterSeconds: 40,
    });
    // Refused until the minute is over; refusing does not push the window further.
    expect(await admitNotification(database.db, start + 59_999)).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(await admitNotification(database.db, start + 60_001)).toEqual({ ok: true });
    expect(await admitNotification(database.db, start + 60_002)).toEqual({ ok: true });
  });
});
