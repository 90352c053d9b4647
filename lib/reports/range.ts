// A report's date range and what it is split by: presets (today, this week, this month, last month) or custom
// days, always whole days in Prague, as the rest of the admin shows dates. Pure and isomorphic: the page, the CSV
// route and the query read the same parameters with the same schema.
import { z } from "zod";
import type { IntentKind } from "@/lib/orders/plan-types";

export const PRESETS = ["today", "week", "month", "last-month", "custom"] as const;
export type Preset = (typeof PRESETS)[number];

export const BUCKETS = ["day", "week"] as const;
export type Bucket = (typeof BUCKETS)[number];

/** What a figure counts: cancelled value, returned value, amount-only refunds, or every operation. */
export const METRICS = ["cancelled", "returned", "refunded", "count"] as const;
export type Metric = (typeof METRICS)[number];

/** The journal's intents (lib/orders/plan-types.ts `IntentKind`), as the report splits them. */
export const INTENT_KINDS = [
  "cancel",
  "cancel-all",
  "return",
  "return-all",
  "refund",
  "send",
  "deliver",
  "cancel-application",
  "change-order",
] as const satisfies readonly IntentKind[];

/** The splits the page shows, each a column of the journal (financing type: of the application). */
export const DIMENSIONS = ["operation", "reason", "staff", "type"] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface DayRange {
  /** First and last day, inclusive (YYYY-MM-DD, Prague). */
  from: string;
  to: string;
}

/** The longest range a report or an export covers: a little over a year. */
export const MAX_DAYS = 370;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day's number since the epoch (days are named in Prague; the arithmetic is on the calendar). */
const dayNumber = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
const dayOf = (n: number) => new Date(n * 86_400_000).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Monday of the ISO week a day is in. */
export function weekStart(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The days a preset covers, as of `today`; a preset covers days up to today, never the future. */
export function presetRange(preset: Exclude<Preset, "custom">, today: string): DayRange {
  switch (preset) {
    case "today":
      return { from: today, to: today };
    case "week":
      return { from: weekStart(today), to: today };
    case "month":
      return { from: `${today.slice(0, 8)}01`, to: today };
    case "last-month": {
      const firstOfThis = `${today.slice(0, 8)}01`;
      const lastOfPrevious = addDays(firstOfThis, -1);
      return { from: `${lastOfPrevious.slice(0, 8)}01`, to: lastOfPrevious };
    }
  }
}

/** Days for short ranges, weeks beyond two months (a year is 53 bars, not 365). */
export function defaultBucket(range: DayRange): Bucket {
  return daysBetween(range.from, range.to) > 62 ? "week" : "day";
}

const day = z
  .string()
  .regex(DAY)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)));

/** A day given that is no day at all ("2026-13-01"): kept apart from "not given", so the page can say so. */
const UNREADABLE = "unreadable";

/**
 * The report's URL parameters. Bad values fall back to the defaults (the page never fails on an edited URL); a
 * custom range with its days reversed is put the right way round, one longer than `MAX_DAYS` is cut to it — and
 * the page says which of these it did.
 */
export const reportSearchSchema = z.object({
  range: z.enum(PRESETS).catch("month"),
  from: day.optional().catch(UNREADABLE),
  to: day.optional().catch(UNREADABLE),
  by: z.enum(BUCKETS).optional().catch(undefined),
});
export type ReportSearch = z.infer<typeof reportSearchSchema>;

export interface ResolvedReport extends DayRange {
  preset: Preset;
  bucket: Bucket;
  /** What was changed in a custom range as given: a day unreadable, the days reversed, or cut to `MAX_DAYS`. */
  adjusted: "unreadable" | "reversed" | "cut" | null;
}

/** The days and the bucket a report's parameters mean, as of `today`. */
export function resolveReport(search: ReportSearch, today: string): ResolvedReport {
  let range: DayRange;
  let adjusted: ResolvedReport["adjusted"] = null;
  const preset = search.range;
  if (preset === "custom") {
    const given = (d: string | undefined) => (d === UNREADABLE ? undefined : d);
    if (search.from === UNREADABLE || search.to === UNREADABLE) adjusted = "unreadable";
    const from = given(search.from) ?? given(search.to) ?? today;
    const to = given(search.to) ?? given(search.from) ?? today;
    range = from <= to ? { from, to } : { from: to, to: from };
    if (from > to) adjusted ??= "reversed";
    if (daysBetween(range.from, range.to) >= MAX_DAYS) {
      range = { from: addDays(range.to, -(MAX_DAYS - 1)), to: range.to };
      adjusted ??= "cut";
    }
  } else {
    range = presetRange(preset, today);
  }
  return { ...range, preset, bucket: search.by ?? defaultBucket(range), adjusted };
}

/** Every bucket's first day from `from` to `to` (a week bucket starts on its Monday, possibly before `from`). */
export function bucketStarts(range: DayRange, bucket: Bucket): string[] {
  const out: string[] = [];
  const step = bucket === "day" ? 1 : 7;
  for (let d = bucket === "day" ? range.from : weekStart(range.from); d <= range.to; d = addDays(d, step))
    out.push(d);
  return out;
}

/** The report's parameters as a query string (for links to it and to its export). */
export function reportQuery(r: ResolvedReport): URLSearchParams {
  const q = new URLSearchParams();
  q.set("range", r.preset);
  if (r.preset === "custom") {
    q.set("from", r.from);
    q.set("to", r.to);
  }
  q.set("by", r.bucket);
  return q;
}

/** What one figure of a report covers: the days, the metric, and at most one split's value. */
export interface FigureFilter extends DayRange {
  metric: Metric;
  dimension?: Dimension;
  /** The split's value: an intent, a reason ("" = none), a staff member's id, a financing type ("" = unknown). */
  value?: string;
}

/**
 * The link to the applications behind a figure: the applications list, filtered to those with a succeeded
 * operation of that kind in those days (lib/db/applications.ts `operation` filter).
 */
export function figureHref(f: FigureFilter): string {
  const q = new URLSearchParams();
  q.set("opFrom", f.from);
  q.set("opTo", f.to);
  if (f.metric !== "count") q.set("opMetric", f.metric);
  if (f.dimension && f.value !== undefined) {
    const key = { operation: "opKind", reason: "opReason", staff: "opActor", type: "opType" }[f.dimension];
    q.set(key, f.value === "" ? "none" : f.value);
  }
  return `/applications?${q.toString()}`;
}

/**
 * The export's URL parameters, strictly: a download is asked for on purpose, so a bad value is an error (400)
 * rather than quietly another period's file.
 */
export const exportSearchSchema = z.object({
  range: z.enum(PRESETS).default("month"),
  from: day.optional(),
  to: day.optional(),
  by: z.enum(BUCKETS).optional(),
});

/** The applications list's operation parameters, as `figureHref` writes them (validated by the list's schema). */
export interface FigureParams {
  opFrom?: string;
  opTo?: string;
  opMetric?: "cancelled" | "returned" | "refunded";
  opKind?: string;
  opReason?: string;
  opActor?: string;
  opType?: string;
}

/**
 * What the list filters by for a figure's link (lib/db/applications.ts `OperationFilter`): both days are needed;
 * "none" is the empty reason / unknown financing type.
 */
export function figureFilter(p: FigureParams) {
  if (!p.opFrom || !p.opTo) return undefined;
  return {
    from: p.opFrom,
    to: p.opTo,
    metric: p.opMetric,
    intent: p.opKind,
    reason: p.opReason === "none" ? "" : p.opReason,
    actorId: p.opActor,
    financingType: p.opType === "none" ? "" : p.opType,
  };
}
