// Per-account sign-in throttling, on top of better-auth's per-IP rate limit: an attacker can vary the client IP
// (or a forwarded-for header), but not the account they are guessing. Stored in the shared rate-limit table, so it
// holds across instances. Server-only.
import "server-only";
import type { Db } from "@/lib/db/client";
import { type Admission, clearWindow, takeFromWindow } from "@/lib/db/rate-limits";

export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;

const keyOf = (email: string) => `sign-in-account:${email.trim().toLowerCase()}`;

/** Counts one sign-in attempt for an account; refused (with seconds to wait) beyond the limit in the window. */
export function takeSignInAttempt(db: Db, email: string, now = Date.now()): Promise<Admission> {
  return takeFromWindow(db, keyOf(email), ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_MS, now);
}

export function clearSignInAttempts(db: Db, email: string): Promise<void> {
  return clearWindow(db, keyOf(email));
}
