"use client";
// What the order page shows of Skip Pay's application and of the journal, kept fresh by TanStack Query from the
// admin's GET routes: it starts from what the server read, polls while Skip Pay decides or an operation settles,
// and takes an operation's answer as soon as it arrives.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { CustomerEmail } from "@/lib/mail/types";
import type { JournalEntry, TimelineNote } from "@/lib/operations/types";
import { journalRefreshMs } from "@/lib/operations/types";
import { applicationRefreshMs } from "@/lib/orders/presentation";
import type { ApplicationResponse } from "@/lib/skippay/schemas";
import { learnServerClock, toBrowserTime, toServerTime } from "./server-clock";

export interface Journal {
  entries: JournalEntry[];
  notes: TimelineNote[];
  /** The customer e-mails of the application's operations. */
  emails: CustomerEmail[];
}

async function getJson<T>(url: string, signal: AbortSignal): Promise<T> {
  const response = await fetch(url, { cache: "no-store", signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.json();
}

export function useOrderData({
  initial,
  initialJournal,
  readAt,
}: {
  initial: ApplicationResponse;
  initialJournal: Journal;
  /** When the server began reading them (ms since the epoch, the server's clock). */
  readAt: number;
}) {
  learnServerClock(readAt);
  const client = useQueryClient();
  const id = initial.id;
  const base = `/api/applications/${encodeURIComponent(id)}`;
  const appKey = ["application", id];
  const application = useQuery({
    queryKey: appKey,
    queryFn: ({ signal }) => getJson<ApplicationResponse>(base, signal),
    initialData: initial,
    initialDataUpdatedAt: toBrowserTime(readAt),
    refetchInterval: (q) => (q.state.data ? applicationRefreshMs(q.state.data) : false),
  });
  const journal = useQuery({
    queryKey: ["journal", id],
    queryFn: ({ signal }) => getJson<Journal>(`${base}/journal`, signal),
    initialData: initialJournal,
    initialDataUpdatedAt: toBrowserTime(readAt),
    refetchInterval: (q) => (q.state.data ? journalRefreshMs(q.state.data.entries) : false),
  });

  /** Shows the application as an operation's answer has it; a read begun before it must not overwrite it. */
  const show = useCallback(
    async (next: ApplicationResponse) => {
      await client.cancelQueries({ queryKey: ["application", next.id] });
      client.setQueryData(["application", next.id], next);
    },
    [client],
  );
  const { refetch: refetchApplication } = application;
  const { refetch: refetchJournal } = journal;
  /** Reads both again now; whether both reads succeeded (a failed read keeps what is shown). */
  const recheck = useCallback(async () => {
    const [a, j] = await Promise.all([refetchApplication(), refetchJournal()]);
    return !a.isError && !j.isError;
  }, [refetchApplication, refetchJournal]);

  return {
    application: application.data,
    entries: journal.data.entries,
    notes: journal.data.notes,
    emails: journal.data.emails,
    /** When the application shown was read (ms since the epoch, the server's clock: the journal's times are). */
    updatedAt: toServerTime(application.dataUpdatedAt),
    checking: application.isFetching || journal.isFetching,
    show,
    recheck,
    refreshJournal: refetchJournal,
  };
}
