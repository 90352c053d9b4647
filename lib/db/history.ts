// What this database has been used for, kept whatever the configuration says today: whether it has ever run
// against a remote Skip Pay. A database that has never again gets demo data or demo accounts. Server-only.
import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "./client";
import { databaseFacts } from "./schema";

const REMOTE = "skippay_remote";

export interface RemoteHistory {
  /** The Skip Pay it first ran against, and when. */
  baseUrl: string;
  since: Date;
  /** The last start against a remote Skip Pay. */
  lastSeen: Date;
}

/** Notes that this database runs against a remote Skip Pay (keeping the first base URL and time). */
export async function recordRemote(db: Db, baseUrl: string): Promise<void> {
  await db
    .insert(databaseFacts)
    .values({ key: REMOTE, value: { baseUrl } })
    .onConflictDoUpdate({ target: databaseFacts.key, set: { updatedAt: new Date() } });
}

/** When and where this database first ran against a remote Skip Pay; null if it never has. */
export async function remoteHistory(db: Db): Promise<RemoteHistory | null> {
  const [fact] = await db.select().from(databaseFacts).where(eq(databaseFacts.key, REMOTE));
  if (!fact) return null;
  return {
    baseUrl: (fact.value as { baseUrl: string }).baseUrl,
    since: fact.createdAt,
    lastSeen: fact.updatedAt,
  };
}
