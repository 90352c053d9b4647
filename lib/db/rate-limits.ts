// Fixed-window counters in the shared rate-limit table (the one better-auth's per-IP limit uses), so a limit holds
// across instances: the sign-in attempts per account (lib/auth/throttle.ts) and Skip Pay's notifications
// (lib/applications/notifications.ts). Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "./client";
import { rateLimits } from "./schema";

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Counts one event under `key`; refused (with seconds to wait) once more than `limit` fell in the window. */
export async function takeFromWindow(
  db: Db,
  key: string,
  limit: number,
  windowMs: number,
  now = Date.now(),
): Promise<Admission> {
  const windowStart = now - windowMs;
  // One atomic upsert: a window that is over starts again at 1; otherwise the count goes up.
  const [row] = await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} < ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${rateLimits.lastRequest} < ${windowStart} then ${now} else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count, since: rateLimits.lastRequest });
  if (!row || row.count <= limit) return { ok: true };
  return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((row.since + windowMs - now) / 1000)) };
}

export async function clearWindow(db: Db, key: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, key));
}
