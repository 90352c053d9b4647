// GET: the application as Skip Pay has it now — what the application page polls and refetches.
// Reading it also settles any operation on it whose outcome was unknown.
import { after } from "next/server";
import { forBrowser } from "@/lib/applications/for-browser";
import { authorize, refusal } from "@/lib/auth/session";
import { getOperations } from "@/lib/operations/server";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const auth = await authorize("view");
  if (!auth.ok) return refusal(auth.reason);
  const { applicationId } = await context.params;
  const operations = await getOperations();
  // The index takes the answer once the response is sent.
  const result = await operations.readApplication(applicationId, after);
  if (result.ok) {
    await operations.reconcile(applicationId, result.value);
    return Response.json(forBrowser(result.value), { headers: { "cache-control": "no-store" } });
  }
  const status = result.error.kind === "not_found" ? 404 : result.error.kind === "rate_limited" ? 429 : 502;
  return Response.json({ error: result.error.kind, message: result.error.message }, { status });
}
