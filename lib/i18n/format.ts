// Dates for staff, per locale (cs-CZ, and British English for the English UI — a European shop's conventions,
// consistent with how money is shown). API dates are plain YYYY-MM-DD days in Prague.
import type { Locale } from "@/lib/orders/money";
import { TIME_ZONE } from "./config";

const INTL: Record<Locale, string> = { cs: "cs-CZ", en: "en-GB" };
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale], { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

const noon = (day: string) => new Date(`${day}T12:00:00Z`);

/** "2026-11-12" → "12 Nov" / "12. 11." */
export function formatShortDay(day: string, locale: Locale): string {
  return formatter(
    locale,
    locale === "cs" ? { day: "numeric", month: "numeric" } : { day: "numeric", month: "short" },
  ).format(noon(day));
}

/** "2026-11-12" → "12 Nov 2026" / "12. 11. 2026" */
export function formatDay(day: string, locale: Locale): string {
  return formatter(locale, {
    day: "numeric",
    month: locale === "cs" ? "numeric" : "short",
    year: "numeric",
  }).format(noon(day));
}

/** A moment, e.g. "23 Nov 2026, 14:05" / "23. 11. 2026 14:05" */
export function formatMoment(at: Date, locale: Locale): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short" }).format(at);
}

/** A time of day, e.g. "14:05" (Prague). */
export function formatTime(at: Date, locale: Locale): string {
  return formatter(locale, { timeStyle: "short" }).format(at);
}

/** Someone's words quoted as the language writes them: „…“ in Czech, “…” in English (never ASCII "…"). */
export function quoted(text: string, locale: Locale): string {
  return locale === "cs" ? `„${text}“` : `“${text}”`;
}
