// The payouts Skip Pay made to the shop for an application, as the order page shows them: every page of
// GET …/payments read on the server, or the fact that they could not be read (the page still works without them).
import "server-only";
import type { SkipPayClient } from "@/lib/skippay/client";
import type { SkipPayError } from "@/lib/skippay/errors";
import type { Payment } from "@/lib/skippay/schemas";

export type PayoutsState =
  | { ok: true; payments: Payment[]; complete: boolean }
  | { ok: false; error: SkipPayError["kind"] };

export async function readPayouts(client: SkipPayClient, id: string): Promise<PayoutsState> {
  const result = await client.allPayments(id);
  return result.ok ? { ok: true, ...result.value } : { ok: false, error: result.error.kind };
}
