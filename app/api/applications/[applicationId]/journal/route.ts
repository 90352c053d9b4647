// GET: the application's operation journal, notes and customer e-mails — the timeline and the money ledger on the application page.
import { authorize, refusal } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { customerEmails } from "@/lib/mail/notify";
import { getOperations } from "@/lib/operations/server";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const auth = await authorize("view");
  if (!auth.ok) return refusal(auth.reason);
  const { applicationId } = await context.params;
  const operations = await getOperations();
  const [entries, notes, emails] = await Promise.all([
    operations.entries(applicationId),
    operations.notes(applicationId),
    customerEmails(await getDb(), applicationId),
  ]);
  return Response.json({ entries, notes, emails }, { headers: { "cache-control": "no-store" } });
}
