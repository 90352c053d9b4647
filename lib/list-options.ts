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

/** The list's query with its empty fields, repeats (the page reads a field's first value) and the default sort left out. */
function compact(query: Iterable<[string, string]>): URLSearchParams {
  const short = new URLSearchParams();
  const seen = new Set<string>();
  for (const [name, raw] of query) {
    if (seen.has(name)) continue;
    seen.add(name);
    const value = raw.trim();
    if (value !== "" && !(name === "sort" && value === DEFAULT_SORT)) short.append(name, value);
  }
  return short;
}

/** The list's URL for what a filter form holds, as short as the same list can be linked. */
export function listHref(query: Iterable<[string, string]>): string {
  const text = compact(query).toString();
  return text ? `/applications?${text}` : "/applications";
}

/**
 * The short form of a query that is not short, or null. A search sent before the page is interactive posts every
 * field (`?q=novak&state=&type=&from=&to=&sort=-updated`); the page answers with the URL the interactive form
 * would have made (listHref), so the link stays easy to share.
 */
export function shortQuery(query: URLSearchParams): string | null {
  const text = compact(query).toString();
  return text === query.toString() ? null : text;
}
