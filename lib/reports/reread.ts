// Reconciliation's "Re-read all": reads the listed applications from Skip Pay again — each through the operations
// service's one way of reading (the index takes the answer) and its settling of an unclear outcome the answer
// shows — then says which of them still differ from the journal. Server-only.
//
// Within the limits the notifications keep (lib/applications/notifications.ts), in the same throttle table, so
// they hold across instances: each application's own window (shared with its notifications: a re-read is one more
// read of it), and a window of its own for all re-reads, so the button cannot spend the merchant's rate limit at
// Skip Pay that staff pages need. Skip Pay's own 429 stops a round too. A refused read costs one small write.
import "server-only";
import { z } from "zod";
import { PER_KNOWN_APPLICATION } from "@/lib/applications/notifications";
import { isIndexed, markRead } from "@/lib/db/applications";
import type { Db } from "@/lib/db/client";
import { takeFromWindow } from "@/lib/db/rate-limits";
import type { SkipPayResult } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { stillDiffering } from "./reconciliation";

/** Re-reads per minute across every instance: well below Skip Pay's limits, a 50-row list in one minute. */
export const REREADS_PER_MINUTE = 60;
/** Applications per call: small, so the page's progress moves and a call never nears the client's timeout. */
export const REREAD_BATCH = 5;
const MINUTE = 60_000;

/** What the page sends: the ids of the rows it lists (validated here again; the page's own list is the source). */
export const rereadSchema = z.object({
  ids: z
    .array(z.string().regex(/^[0-9a-z-]{1,64}$/i))
    .min(1)
    .max(REREAD_BATCH),
});

/** What the re-read found for one application. */
export type RereadStatus =
  /** Skip Pay's total now agrees with the journal: it drops off the list. */
  | "agrees"
  /** Still differs (the list shows why). */
  | "differs"
  /** Skip Pay did not answer with the application (an error, or it is not in the index). */
  | "failed";

export interface RereadOutcome {
  /** The applications read, in the order asked. */
  read: { id: string; status: RereadStatus }[];
  /** Set when a limit stopped the round: the ids not read, and when to go on. */
  stopped?: { remaining: string[]; retryAfterSeconds: number };
}

/** What a re-read needs of the operations service (lib/operations/service.ts). */
export interface RereadDeps {
  db: Db;
  readApplication: (id: string) => Promise<SkipPayResult<ApplicationResponse>>;
  reconcile: (id: string, fresh?: ApplicationResponse) => Promise<unknown>;
}

export async function rereadApplications(
  deps: RereadDeps,
  ids: readonly string[],
  now: () => number = Date.now,
): Promise<RereadOutcome> {
  const read: { id: string; ok: boolean }[] = [];
  let stopped: RereadOutcome["stopped"];
  for (const [i, id] of ids.entries()) {
    // Only what the admin already knows: the list shows nothing else, and a made-up id costs Skip Pay nothing.
    if (!(await isIndexed(deps.db, id))) {
      read.push({ id, ok: false });
      continue;
    }
    const all = await takeFromWindow(deps.db, "skippay-reread", REREADS_PER_MINUTE, MINUTE, now());
    const own = all.ok
      ? await takeFromWindow(deps.db, `skippay-notification:${id}`, PER_KNOWN_APPLICATION, MINUTE, now())
      : all;
    if (!own.ok) {
      stopped = { remaining: ids.slice(i), retryAfterSeconds: own.retryAfterSeconds };
      break;
    }
    // The clock the index's read times are in (`now` paces the limits, and a test may move it).
    const sentAt = new Date();
    const answer = await deps.readApplication(id);
    if (!answer.ok) {
      if (answer.error.kind === "rate_limited") {
        stopped = { remaining: ids.slice(i), retryAfterSeconds: answer.error.retryAfterSeconds ?? 60 };
        break;
      }
      read.push({ id, ok: false });
      continue;
    }
    // As a notification does: an operation whose outcome was unclear is settled by what the answer shows.
    await deps.reconcile(id, answer.value);
    // An answer that changed nothing still dates the index's knowledge: "not read since the last operation" ends.
    await markRead(deps.db, id, sentAt);
    read.push({ id, ok: true });
  }
  const differing = await stillDiffering(
    deps.db,
    read.filter((r) => r.ok).map((r) => r.id),
  );
  return {
    read: read.map(({ id, ok }) => ({
      id,
      status: !ok ? "failed" : differing.has(id) ? "differs" : "agrees",
    })),
    ...(stopped ? { stopped } : {}),
  };
}
