// The one way to read an application from Skip Pay: the answer also goes into the admin's index, now — or, for a
// page or a GET route, once the response is sent (`later`, Next's `after`), so rendering writes nothing.
import "server-only";
import { upsertApplication } from "@/lib/db/applications";
import type { Db } from "@/lib/db/client";
import type { SkipPayClient } from "@/lib/skippay/client";
import type { SkipPayResult } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";

export type Later = (task: () => Promise<void>) => void;

export async function readApplication(
  db: Db,
  client: SkipPayClient,
  id: string,
  options: { now?: () => Date; later?: Later } = {},
): Promise<SkipPayResult<ApplicationResponse>> {
  // The index keeps the answer to the latest request: when this one was sent decides, not when it arrived.
  const sentAt = (options.now ?? (() => new Date()))();
  const result = await client.getApplication(id);
  if (result.ok) {
    const index = () => upsertApplication(db, result.value, sentAt);
    if (options.later) options.later(index);
    else await index();
  }
  return result;
}
