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
