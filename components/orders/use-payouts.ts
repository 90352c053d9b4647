"use client";
// The payouts shown on the order page: what the server read, read again (TanStack Query) whenever the
// application's substate changes — a payout turns it READY_PAID — and when the tab gets the focus.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { PayoutsState } from "@/lib/applications/payouts";
import { toBrowserTime } from "./server-clock";

async function getPayouts(url: string, signal: AbortSignal): Promise<PayoutsState> {
  const response = await fetch(url, { cache: "no-store", signal });
  // The route answers a failure with its kind in the body; anything else is a network failure here.
  return response.json().catch(() => ({ ok: false, error: "network" }) as const);
}

export function usePayouts({
  id,
  stateReason,
  initial,
  readAt,
}: {
  id: string;
  stateReason: string;
  initial: { stateReason: string; payouts: PayoutsState };
  readAt: number;
}): PayoutsState {
  const query = useQuery({
    queryKey: ["payouts", id, stateReason],
    queryFn: ({ signal }) => getPayouts(`/api/applications/${encodeURIComponent(id)}/payments`, signal),
    initialData: stateReason === initial.stateReason ? initial.payouts : undefined,
    initialDataUpdatedAt: toBrowserTime(readAt),
    placeholderData: keepPreviousData,
  });
  return query.data ?? initial.payouts;
}
