// Reading applications from Skip Pay for the pages, the GET route and the actions — and keeping the admin's
// index current with every answer. Server-only.
import "server-only";
import { findIndexed } from "@/lib/db/applications";
import { getDb } from "@/lib/db/client";
import { isVariableSymbol } from "@/lib/orders/eligibility";
import { skippay } from "@/lib/skippay/client";
import type { SkipPayResult } from "@/lib/skippay/errors";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { readApplication } from "./read";

/** The application as Skip Pay has it now; recorded in the index on the way. */
export async function fetchApplication(id: string): Promise<SkipPayResult<ApplicationResponse>> {
  return readApplication(await getDb(), skippay(), id);
}

const APPLICATION_ID = /^[0-9a-z]{6,32}$/i;

/**
 * Finds the application a staff member means by an application id, an order number or a variable symbol: the
 * admin's index first, then Skip Pay's order lookup. Returns its id, or null.
 */
export async function lookupApplication(term: string): Promise<string | null> {
  const q = term.trim();
  if (q === "") return null;
  const known = await findIndexed(await getDb(), q);
  if (known) return known.id;
  const client = skippay();
  const attempts: Parameters<typeof client.findOrder>[0][] = [];
  if (isVariableSymbol(q)) attempts.push({ variableSymbol: q });
  attempts.push({ orderNumber: q });
  if (APPLICATION_ID.test(q)) attempts.push({ applicationId: q });
  for (const criteria of attempts) {
    const found = await client.findOrder(criteria);
    if (found.ok) {
      // The lookup answers with the order only; read the whole application to index the customer too.
      await fetchApplication(found.value.applicationInfo.id);
      return found.value.applicationInfo.id;
    }
  }
  return null;
}
