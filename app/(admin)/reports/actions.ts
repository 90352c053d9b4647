"use server";
// Reconciliation's "Re-read all", one small batch per call so the page can show its progress (lib/reports/reread.ts
// holds the rules and the limits). Supervisors and admins, like the export.
import { ACTION_ACCESS } from "@/lib/auth/action-access";
import { authorize } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";
import { type RereadOutcome, rereadApplications, rereadSchema } from "@/lib/reports/reread";

const access = ACTION_ACCESS["app/(admin)/reports/actions.ts"];

export type RereadResult =
  | { ok: true; outcome: RereadOutcome }
  | { ok: false; failure: "unauthenticated" | "forbidden" | "invalid" };

/** Re-reads the given listed applications from Skip Pay (at most REREAD_BATCH). */
export async function rereadBatch(input: unknown): Promise<RereadResult> {
  const auth = await authorize(access.rereadBatch);
  if (!auth.ok) return { ok: false, failure: auth.reason };
  const parsed = rereadSchema.safeParse(input);
  if (!parsed.success) return { ok: false, failure: "invalid" };
  const operations = await getOperations();
  return { ok: true, outcome: await rereadApplications(operations, parsed.data.ids) };
}
