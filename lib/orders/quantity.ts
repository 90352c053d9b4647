// Quantities: the API allows up to 3 decimals (e.g. 2.5 kg), so the app counts in integer thousandths
// ("milli-units") to keep sums and comparisons exact.
import type { Locale } from "./money";

export const MILLI = 1000;

/** API quantity → integer thousandths (2.5 → 2500). */
export function toMilli(quantity: number): number {
  return Math.round(quantity * MILLI);
}

/** Integer thousandths → the API's decimal quantity (2500 → 2.5). */
export function fromMilli(milli: number): number {
  return milli / MILLI;
}

const formatters = new Map<Locale, Intl.NumberFormat>();

export function formatQuantity(milli: number, locale: Locale = "cs"): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale === "cs" ? "cs-CZ" : "en-GB", { maximumFractionDigits: 3 });
    formatters.set(locale, f);
  }
  return f.format(milli / MILLI);
}
