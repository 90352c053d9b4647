// GET: the application's operation journal and notes — the timeline and the money ledger on the application page.
import { authorize, refusal } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const auth = await authorize("view");
  if (!auth.ok) return refusal(auth.reason);
  const { applicationId } = await context.params;
  const operations = await getOperations();
  const [entries, notes] = await Promise.all([
    operations.entries(applicationId),
    operations.notes(applicationId),
  ]);
  return Response.json({ entries, notes }, { headers: { "cache-control": "no-store" } });
}
