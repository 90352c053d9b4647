// When each line was returned or cancelled. Skip Pay dates an item's sending and delivery, never its return or
// cancellation; this admin's journal knows when it did them. A line changed outside this admin keeps no date.
import { pragueToday } from "./forms/defaults";
import { type LineHistory, type OrderLine, referenceMatches } from "./lines";
import type { Operation } from "./plan-types";

/** What this needs of a journal entry (lib/operations' JournalEntry has it). */
export interface DatedEntry {
  status: string;
  endpoint: Operation;
  body: unknown;
  finishedAt: string | null;
}

/** The lines an entry's body names, or "all" for a body that means "all remaining", or none (a refund). */
function linesOf(
  entry: DatedEntry,
): { state: "RETURNED" | "CANCELLED"; items: OrderLine["reference"][] | "all" } | null {
  const body = (entry.body ?? {}) as { items?: OrderLine["reference"][] };
  if (entry.endpoint === "cancel") return { state: "CANCELLED", items: "all" };
  if (entry.endpoint === "order/cancel")
    return { state: "CANCELLED", items: body.items?.length ? body.items : "all" };
  if (entry.endpoint === "order/return") {
    // `{"items": []}` is an amount-only refund: nothing came back.
    if (Array.isArray(body.items) && body.items.length === 0) return null;
    return { state: "RETURNED", items: body.items ?? "all" };
  }
  return null;
}

/**
 * By line key, the day (Prague) of the latest succeeded operation of this admin that returned or cancelled some of
 * the line — only for lines that have returned or cancelled items now.
 */
export function withHistory<L extends OrderLine>(lines: readonly L[], entries: readonly DatedEntry[]): L[] {
  const history = lineHistory(lines, entries);
  return lines.map((line) => (history[line.key] ? { ...line, history: history[line.key] } : line));
}

export function lineHistory(
  lines: readonly OrderLine[],
  entries: readonly DatedEntry[],
): Record<string, LineHistory> {
  const history: Record<string, LineHistory> = {};
  const done = entries
    .filter((e) => e.status === "succeeded" && e.finishedAt)
    .sort((a, b) => String(a.finishedAt).localeCompare(String(b.finishedAt)));
  for (const entry of done) {
    const moved = linesOf(entry);
    if (!moved) continue;
    const day = pragueToday(new Date(entry.finishedAt as string));
    for (const line of lines) {
      const has = moved.state === "RETURNED" ? line.returned > 0 : line.cancelled > 0;
      const named = moved.items === "all" || moved.items.some((item) => referenceMatches(item, line));
      if (has && named) history[line.key] = { ...history[line.key], [moved.state]: day };
    }
  }
  return history;
}
