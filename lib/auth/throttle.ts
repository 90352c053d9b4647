// Per-account sign-in throttling, on top of better-auth's per-address rate limit: an attacker can vary the client
// address (a botnet has many), but not the account they are guessing. Stored in the shared database, so it
// holds across instances. Server-only.
//
// A limit per account alone lets anyone lock a colleague out by typing wrong passwords for their e-mail. So, as
// OWASP's "device cookies" describe, a browser that has signed in to an account keeps a cookie entry for it (a new
// one at every sign-in; up to five accounts per browser, for a shared desk), and its attempts for that account
// count in a window of that browser's own — and not in the per-address limit, which anyone at the office's address
// (behind its NAT) can fill. Clients without such an entry share the account's window: guessing from anywhere else is
// limited as before, while the staff member's own browser still signs in. An entry is a nonce and a keyed hash of
// the nonce with the account's e-mail, so the cookie does not say whose it is; a stolen one gives no more guesses
// than its window allows.
import "server-only";
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { type Admission, clearWindow, giveBack, takeFromWindow } from "@/lib/db/rate-limits";

export const ACCOUNT_ATTEMPTS = 10;
export const ACCOUNT_WINDOW_MS = 15 * 60_000;
export const DEVICE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;
/** Accounts one browser is known for (the most recent sign-ins). */
const DEVICE_ACCOUNTS = 5;
/** The prefix of a known browser's window (the account's shared one is `sign-in-account:<e-mail>`). */
const DEVICE_WINDOW = "sign-in-device:";
const ENTRY = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;

/** With the `__Secure-` prefix wherever the session cookie has it. */
export const deviceCookieName = (secure: boolean) => `${secure ? "__Secure-" : ""}skippay-admin.device`;

/** The e-mail an attempt names, as a window's key; anything that cannot be one (better-auth refuses it) is "". */
export const normaliseEmail = (email: unknown) =>
  typeof email === "string" && email.length <= 320 ? email.trim().toLowerCase() : "";

const tagOf = (secret: string, nonce: string, email: unknown) =>
  createHmac("sha256", secret)
    .update(`sign-in-device:${nonce}:${normaliseEmail(email)}`)
    .digest();

function entries(cookie: string | null | undefined): { nonce: string; tag: Buffer; raw: string }[] {
  return (cookie ?? "")
    .split("~")
    .map((raw) => ENTRY.exec(raw))
    .filter((m) => m !== null)
    .map((m) => ({ nonce: m[1] as string, tag: Buffer.from(m[2] as string, "base64url"), raw: m[0] }));
}

/** Whether a device cookie has any entry at all (before anything is spent on checking one). */
export const hasDeviceEntries = (cookie: string | null | undefined) => entries(cookie).length > 0;

/** The browser's nonce for this account, when its device cookie holds a genuine entry for it; else null. */
export function knownDevice(
  cookie: string | null | undefined,
  email: unknown,
  secret: string,
): string | null {
  for (const entry of entries(cookie)) {
    const expected = tagOf(secret, entry.nonce, email);
    if (entry.tag.length === expected.length && timingSafeEqual(entry.tag, expected)) return entry.nonce;
  }
  return null;
}

/** The device cookie after a sign-in to `email`: a new entry for it first, the browser's other accounts after. */
export function renewedDevice(cookie: string | null | undefined, email: unknown, secret: string): string {
  const mine = knownDevice(cookie, email, secret);
  const nonce = randomUUID();
  const fresh = `${nonce}.${tagOf(secret, nonce, email).toString("base64url")}`;
  const others = entries(cookie)
    .filter((e) => e.nonce !== mine)
    .map((e) => e.raw);
  return [fresh, ...others].slice(0, DEVICE_ACCOUNTS).join("~");
}

/** Every value of cookie `name` in a Cookie header, as one device cookie (another site's same-named one cannot hide it). */
export function cookieValue(header: string | null | undefined, name: string): string | null {
  const values: string[] = [];
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0 && part.slice(0, at).trim() === name) values.push(part.slice(at + 1).trim());
  }
  return values.length > 0 ? values.join("~") : null;
}

/** The window an attempt counts in: the browser's own for an account it is known for, else the account's. */
export function attemptKey(email: unknown, device: string | null): string {
  return device ? `${DEVICE_WINDOW}${device}` : `sign-in-account:${normaliseEmail(email)}`;
}

/** Counts one sign-in attempt in its window; refused (with seconds to wait) beyond the limit. */
export function takeSignInAttempt(db: Db, key: string, now = Date.now()): Promise<Admission> {
  return takeFromWindow(db, key, ACCOUNT_ATTEMPTS, ACCOUNT_WINDOW_MS, now);
}

/**
 * After a successful sign-in: a known browser's window is done with (it gets a new nonce); in the account's shared
 * window only this attempt is given back, so colleagues' sign-ins from fresh browsers do not add up, and neither do
 * they wipe out the count of someone guessing from elsewhere.
 */
export function settleSignIn(db: Db, key: string): Promise<void> {
  return key.startsWith(DEVICE_WINDOW) ? clearWindow(db, key) : giveBack(db, key);
}
