// The operations export as CSV text: pure and locale-aware. Czech Excel reads `;`-separated files with decimal
// commas; English uses `,` and decimal points. Amounts are written from integer minor units without floats.
import type { Locale } from "@/lib/orders/money";

export const BOM = "\uFEFF";

export const SEPARATOR: Record<Locale, string> = { cs: ";", en: "," };

/** One CSV field: quoted when it holds the separator, a quote or a line break (quotes doubled, RFC 4180). */
export function csvField(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) gets a leading apostrophe: a staff
 * member's name or a note must never become a formula in the accountant's Excel (OWASP's CSV injection advice).
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvLine(values: readonly string[], separator: string): string {
  return `${values.map((v) => csvField(v, separator)).join(separator)}\r\n`;
}

/** Minor units as a plain decimal ("1499,00" / "1499.00"): no grouping, no currency, so spreadsheets sum it. */
export function csvAmount(minor: number, locale: Locale): string {
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  return `${sign}${Math.trunc(abs / 100)}${locale === "cs" ? "," : "."}${String(abs % 100).padStart(2, "0")}`;
}

/** A quantity in thousandths ("3", "1,5" / "1.5"). */
export function csvQuantity(milli: number, locale: Locale): string {
  const whole = Math.trunc(milli / 1000);
  const fraction = String(Math.abs(milli % 1000))
    .padStart(3, "0")
    .replace(/0+$/, "");
  return fraction ? `${whole}${locale === "cs" ? "," : "."}${fraction}` : String(whole);
}

/**
 * Made once: building an Intl.DateTimeFormat costs about a millisecond, which per row capped a year's export at a
 * few thousand rows a second (bench R23); formatting with a made one costs microseconds.
 */
const PRAGUE_MOMENT = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/Prague",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

/** Prague's date and hour of each UTC hour seen lately: an export's rows come in time order, so nearly all hit. */
let pragueHours = new Map<number, string>();
const HOUR_MS = 3_600_000;
const two = (n: number) => String(n).padStart(2, "0");

/** A moment as Prague wall-clock time, "2026-12-05 09:41:07" (what Excel recognises as a date and time). */
export function csvMoment(at: Date): string {
  const hour = Math.floor(at.getTime() / HOUR_MS);
  let prefix = pragueHours.get(hour);
  if (prefix === undefined) {
    const parts = Object.fromEntries(
      PRAGUE_MOMENT.formatToParts(new Date(hour * HOUR_MS)).map((p) => [p.type, p.value]),
    );
    prefix = `${parts.year}-${parts.month}-${parts.day} ${parts.hour}`;
    if (pragueHours.size >= 10_000) pragueHours = new Map();
    pragueHours.set(hour, prefix);
  }
  // Prague is a whole number of hours from UTC (CET, CEST), so minutes and seconds are UTC's.
  return `${prefix}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())}`;
}
