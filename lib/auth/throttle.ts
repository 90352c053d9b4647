// Per-account sign-in throttling, on top of better-auth's per-IP rate limit: an attacker can vary the client IP
// (or a forwarded-for header), but not the account they are guessing. Stored in the shared rate-limit table, so it
// holds across instances. Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { rateLimits } from "@/lib/db/schema";

export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

const keyOf = (email: string) => `sign-in-account:${email.trim().toLowerCase()}`;

/** Counts one sign-in attempt for an account; refused (with seconds to wait) beyond the limit in the window. */
export async function takeSignInAttempt(
  db: Db,
  email: string,
  now = Date.now(),
): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const windowStart = now - ACCOUNT_WINDOW_MS;
  // One atomic upsert: a fresh window starts over at 1; otherwise the count goes up.
  const [row] = await db
    .insert(rateLimits)
    .values({ id: randomUUID(), key: keyOf(email), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} < ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: sql`case when ${rateLimits.lastRequest} < ${windowStart} then ${now} else ${rateLimits.lastRequest} end`,
      },
    })
    .returning({ count: rateLimits.count, since: rateLimits.lastRequest });
  if (!row || row.count <= ACCOUNT_ATTEMPTS) return { ok: true };
  return {
    ok: false,
    retryAfterSeconds: Math.max(1, Math.ceil((row.since + ACCOUNT_WINDOW_MS - now) / 1000)),
  };
}

export async function clearSignInAttempts(db: Db, email: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(email)));
}
