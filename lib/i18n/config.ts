// The UI's languages. Each staff member picks one (a cookie, and their profile once signed in); the default
// follows the browser, falling back to Czech.
import type { Locale } from "@/lib/orders/money";

export const LOCALES: readonly Locale[] = ["cs", "en"];
export const DEFAULT_LOCALE: Locale = "cs";
export const LOCALE_COOKIE = "locale";
export const TIME_ZONE = "Europe/Prague";

/** Today in the shop's time zone, as `YYYY-MM-DD` (what a date input and Skip Pay's dates use). */
export function pragueToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE }).format(now);
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The best supported language in an Accept-Language header ("en-US,en;q=0.9,cs;q=0.8" → "en"). */
export function localeFromAcceptLanguage(header: string | null): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(params.find((p) => p.trim().startsWith("q="))?.split("=")[1] ?? 1);
      return { language: tag.toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0 };
    })
    .sort((a, b) => b.q - a.q);
  return ranked.map((r) => r.language).find(isLocale) ?? DEFAULT_LOCALE;
}
