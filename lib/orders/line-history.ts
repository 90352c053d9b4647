// When each line was returned or cancelled. Skip Pay dates an item's sending and delivery, never its return or
// cancellation; this admin's journal knows when it did them, line by line. A line changed outside this admin
// keeps no date.

import { pragueToday } from "@/lib/i18n/config";
import type { OrderState } from "@/lib/skippay/schemas";
import type { LineHistory, OrderLine } from "./lines";

/** What this needs of a journal entry (lib/operations' JournalEntry has it). */
export interface DatedEntry {
  status: string;
  /** What the operation moved: each line's key and the state its quantity went into. */
  items: readonly { key: string; to: OrderState }[];
  /** When Skip Pay was called: the change's moment, even if its answer was settled later. */
  startedAt: string | null;
  finishedAt: string | null;
}

/**
 * By line key, the day (Prague) of the latest succeeded operation of this admin that returned or cancelled some of
 * the line — for lines that have returned or cancelled items now.
 */
export function lineHistory(
  lines: readonly OrderLine[],
  entries: readonly DatedEntry[],
): Record<string, LineHistory> {
  const now = new Map(lines.map((l) => [l.key, { RETURNED: l.returned > 0, CANCELLED: l.cancelled > 0 }]));
  const history: Record<string, LineHistory> = {};
  const done = entries
    .filter((e) => e.status === "succeeded" && (e.startedAt ?? e.finishedAt))
    .map((e) => ({ items: e.items, at: (e.startedAt ?? e.finishedAt) as string }))
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const entry of done) {
    const day = pragueToday(new Date(entry.at));
    for (const { key, to } of entry.items)
      if ((to === "RETURNED" || to === "CANCELLED") && now.get(key)?.[to])
        history[key] = { ...history[key], [to]: day };
  }
  return history;
}

/** The lines, each with its history where it has one. */
export function withHistory<L extends OrderLine>(lines: readonly L[], entries: readonly DatedEntry[]): L[] {
  const history = lineHistory(lines, entries);
  return lines.map((line) => (history[line.key] ? { ...line, history: history[line.key] } : line));
}
