// Fixed-window counters in their own table, so a limit holds across instances: the sign-in attempts per account
// or browser (lib/auth/throttle.ts) and Skip Pay's notifications (lib/applications/notifications.ts). Not in
// better-auth's rate-limit table: better-auth deletes every row there older than its own one-minute windows.
// Server-only.
import "server-only";
import { eq, lte, sql } from "drizzle-orm";
import type { Db } from "./client";
import { throttleWindows } from "./schema";

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one event under `key`; refused (with seconds to wait) once more than `limit` fell in the window. */
export async function takeFromWindow(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<Admission> {
  const over = sql`${throttleWindows.endsAt} <= ${now}`;
  // One atomic upsert: a window that is over starts again at 1; otherwise the count goes up.
  const [row] = await db
    .insert(throttleWindows)
    .values({ key, count: 1, endsAt: now + windowMs })
    .onConflictDoUpdate({
      target: throttleWindows.key,
      set: {
        count: sql`case when ${over} then 1 else ${throttleWindows.count} + 1 end`,
        endsAt: sql`case when ${over} then ${now + windowMs} else ${throttleWindows.endsAt} end`,
      },
    })
    .returning({ count: throttleWindows.count, endsAt: throttleWindows.endsAt });
  // A new window is the moment to forget the windows that are over (at most once per window and key).
  if (row?.count === 1) await db.delete(throttleWindows).where(lte(throttleWindows.endsAt, now));
  if (!row || row.count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.endsAt - now) / 1000)) };
}

/** Takes one event back out of `key`'s window (what a successful sign-in does with its own attempt). */
export async function giveBack(db: Db, key: string): Promise<void> {
  await db
    .update(throttleWindows)
    .set({ count: sql`greatest(${throttleWindows.count} - 1, 0)` })
    .where(eq(throttleWindows.key, key));
}

export async function clearWindow(db: Db, key: string): Promise<void> {
  await db.delete(throttleWindows).where(eq(throttleWindows.key, key));
}
