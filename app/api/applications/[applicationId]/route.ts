// GET: the application as Skip Pay has it now — what react-query polls and refetches on the application page.
import { fetchApplication } from "@/lib/applications/service";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const { applicationId } = await context.params;
  const result = await fetchApplication(applicationId);
  if (result.ok) return Response.json(result.value, { headers: { "cache-control": "no-store" } });
  const status = result.error.kind === "not_found" ? 404 : result.error.kind === "rate_limited" ? 429 : 502;
  return Response.json({ error: result.error.kind, message: result.error.message }, { status });
}
