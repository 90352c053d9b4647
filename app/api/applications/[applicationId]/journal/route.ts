// GET: the application's operation journal — the timeline and the money ledger on the application page.
import { authorize, refusal } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const auth = await authorize("view");
  if (!auth.ok) return refusal(auth.reason);
  const { applicationId } = await context.params;
  const entries = await (await getOperations()).entries(applicationId);
  return Response.json({ entries }, { headers: { "cache-control": "no-store" } });
}
