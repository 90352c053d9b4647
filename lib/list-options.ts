// The applications list's sort orders: one list for the page, its filter form (in the browser) and the query
// (lib/db). Here, below both, with no imports, so the browser gets only these strings.

export const SORTS = [
  "updated",
  "-updated",
  "total",
  "-total",
  "order",
  "-order",
  "customer",
  "-customer",
] as const;
export type Sort = (typeof SORTS)[number];

export const DEFAULT_SORT: Sort = "-updated";

/** Rows per page. */
export const PAGE_SIZE = 25;

/**
 * The list's query without its empty fields and the default sort, or null when it has none. A search sent before
 * the page is interactive posts every field (`?q=novak&state=&type=&from=&to=&sort=-updated`); the page answers
 * with the short URL the interactive form would have made, so the link stays easy to share.
 */
export function shortQuery(query: URLSearchParams): string | null {
  const short = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, raw] of query) {
    // The page reads a field's first value only.
    if (seen.has(name)) continue;
    seen.add(name);
    const value = raw.trim();
    if (value !== "" && !(name === "sort" && value === DEFAULT_SORT)) short.append(name, value);
  }
  const text = short.toString();
  return text === query.toString() ? null : text;
}
