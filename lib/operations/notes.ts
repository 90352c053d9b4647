// Notes staff add to an application's timeline besides operations: that they checked a difference between Skip
// Pay's total and what this admin recorded (a change made outside this admin). Server-only.
import "server-only";
import { randomUUID } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Db } from "@/lib/db/client";
import { applicationNotes } from "@/lib/db/schema";
import { ledger } from "@/lib/orders/ledger";
import type { NoteResult } from "@/lib/orders/outcome";
import type { SkipPayResult } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { type Actor, skippayFailure } from "./kit";
import type { JournalEntry, TimelineNote } from "./types";

/** What recording a note needs of the operations service (./service.ts). */
interface Needs {
  db: Db;
  readApplication: (id: string) => Promise<SkipPayResult<ApplicationResponse>>;
  entries: (applicationId: string) => Promise<JournalEntry[]>;
}

export async function notesFor(db: Db, applicationId: string): Promise<TimelineNote[]> {
  const rows = await db
    .select()
    .from(applicationNotes)
    .where(eq(applicationNotes.applicationId, applicationId))
    .orderBy(asc(applicationNotes.createdAt));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/**
 * Records that `actor` checked the difference in the total. Only the difference the page showed is recorded: if
 * the order or the journal has moved on since, nothing is written and the page reads them again.
 */
export async function recordDriftChecked(
  operations: Needs,
  actor: Actor,
  input: { applicationId: string; drift: number; note: string },
): Promise<NoteResult> {
  const read = await operations.readApplication(input.applicationId);
  if (!read.ok) return { ok: false, failure: skippayFailure(read.error) };
  const now = ledger(read.value.order, await operations.entries(input.applicationId));
  if (now.drift === 0 || now.drift !== input.drift) return { ok: false, failure: { kind: "drift_changed" } };
  await operations.db.insert(applicationNotes).values({
    id: randomUUID(),
    applicationId: input.applicationId,
    kind: "drift_checked",
    actorId: actor.id,
    actorName: actor.name,
    drift: now.drift,
    total: now.actual,
    note: input.note.trim(),
  });
  return { ok: true };
}
