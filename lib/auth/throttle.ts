// Per-account sign-in throttling, on top of better-auth's per-IP rate limit: an attacker can vary the client IP
// (or a forwarded-for header), but not the account they are guessing. Stored in the shared rate-limit table, so it
// holds across instances. Server-only.
//
// A limit per account alone lets anyone lock a colleague out by typing wrong passwords for their e-mail. So, as
// OWASP's "device cookies" describe, a browser that has signed in to an account gets a signed cookie naming it
// (a new one at every sign-in), and its attempts for that account count in a window of that browser's own. Clients
// without such a cookie share the account's window: guessing from anywhere else is limited as before, while the
// staff member's own browser still signs in. A stolen cookie gives no more guesses than the window allows.
import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { type Admission, clearWindow, takeFromWindow } from "@/lib/db/rate-limits";

export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
/** better-auth prefixes it ("skippay-admin.device", "__Secure-" too on https). */
export const DEVICE_COOKIE = "device";
export const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

export const normaliseEmail = (email: unknown) =>
  String(email ?? "")
    .trim()
    .toLowerCase();

/** A new device cookie's value (signed by the caller): a nonce and the account it signed in to. */
export function newDeviceValue(email: unknown): string {
  return `${randomUUID()}:${normaliseEmail(email)}`;
}

/**
 * The window an attempt counts in: the browser's own when its verified device cookie names this account, else the
 * account's shared one. `verified` is the cookie's value once its signature checked (null or false otherwise).
 */
export function attemptKey(email: unknown, verified: string | false | null | undefined): string {
  const account = normaliseEmail(email);
  if (verified) {
    const at = verified.indexOf(":");
    if (at > 0 && verified.slice(at + 1) === account) return `sign-in-device:${verified.slice(0, at)}`;
  }
  return `sign-in-account:${account}`;
}

/** Counts one sign-in attempt in its window; refused (with seconds to wait) beyond the limit. */
export function takeSignInAttempt(db: Db, key: string, now = Date.now()): Promise<Admission> {
  return takeFromWindow(db, key, ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_MS, now);
}

export function clearSignInAttempts(db: Db, key: string): Promise<void> {
  return clearWindow(db, key);
}
