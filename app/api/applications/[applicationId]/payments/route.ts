// GET: the payouts Skip Pay made to the shop for this application (every page) — what the order page reads again
// when the application's substate changes.

import { readPayouts } from "@/lib/applications/payouts";
import { authorize, refusal } from "@/lib/auth/session";
import { skippay } from "@/lib/skippay/client";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, context: { params: Promise<{ applicationId: string }> }) {
  const auth = await authorize("view");
  if (!auth.ok) return refusal(auth.reason);
  const { applicationId } = await context.params;
  const payouts = await readPayouts(skippay(), applicationId);
  const status = payouts.ok
    ? 200
    : payouts.error === "not_found"
      ? 404
      : payouts.error === "rate_limited"
        ? 429
        : 502;
  return Response.json(payouts, { status, headers: { "cache-control": "no-store" } });
}
