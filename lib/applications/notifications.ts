// How many of Skip Pay's application notifications the admin acts on. Skip Pay does not sign them and cannot sign
// in, so anyone can post one, and each makes the admin read the application from Skip Pay with the merchant's
// token: unbounded, the endpoint would let anyone multiply requests to Skip Pay and spend the merchant's rate limit
// there (which staff pages need). Server-only.
//
// Windows in the database's throttle table (lib/db/rate-limits.ts; they hold across instances), so that a flood
// cannot crowd out the notifications that matter:
// - an application the admin already knows has a window of its own — a flood of made-up ids does not touch it,
//   and flooding it takes knowing its id;
// - ids the admin has not seen (a new application, or made up) share one window: a flood of made-up ids delays
//   the real new ones. Skip Pay retries a notification answered 503 after 1, 5, 5, 5 and 5 minutes, and staff who
//   search for a new application find it at Skip Pay whether or not its notification got through.
// Over a window, nothing is read from Skip Pay: the cost of a refused post is one small write.
import "server-only";
import { isIndexed } from "@/lib/db/applications";
import type { Db } from "@/lib/db/client";
import { type Admission, takeFromWindow } from "@/lib/db/rate-limits";

/** Per known application and minute: a few state changes per order over days, or a quick run through them. */
export const PER_KNOWN_APPLICATION = 20;
/** For all ids not seen before, per minute: far above the new orders of a shop, far below a flood. */
export const NEW_PER_MINUTE = 300;
const MINUTE = 60_000;

export async function admitNotification(db: Db, applicationId: string, now = Date.now()): Promise<Admission> {
  if (await isIndexed(db, applicationId))
    return takeFromWindow(db, `skippay-notification:${applicationId}`, PER_KNOWN_APPLICATION, MINUTE, now);
  return takeFromWindow(db, "skippay-notifications:new", NEW_PER_MINUTE, MINUTE, now);
}
