// How many of Skip Pay's application notifications the admin acts on. Skip Pay does not sign them and cannot sign
// in, so anyone can post one, and each makes the admin read the application from Skip Pay with the merchant's
// token: unbounded, the endpoint would let anyone multiply requests to Skip Pay and spend the merchant's rate limit
// there (which staff pages need). Server-only.
//
// One window for all of them, kept in the shared rate-limit table: a flood of forged notifications costs one small
// write each and no request to Skip Pay once the window is full. Skip Pay retries a notification answered 503
// after 1, 5, 5, 5 and 5 minutes, so a real one that arrives during a flood is still acted on later — and what it
// updates is the admin's index (the list and the search); every staff page reads the application from Skip Pay.
import "server-only";
import type { Db } from "@/lib/db/client";
import { type Admission, takeFromWindow } from "@/lib/db/rate-limits";

/** Far above a shop's own traffic (a few notifications per order over days), far below a flood. */
export const NOTIFICATIONS_PER_MINUTE = 300;

export function admitNotification(db: Db, now = Date.now()): Promise<Admission> {
  return takeFromWindow(db, "skippay-notifications", NOTIFICATIONS_PER_MINUTE, 60_000, now);
}
