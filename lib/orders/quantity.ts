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

/**
 * A line ordered in whole pieces (its quantity is a whole number) is counted in whole pieces; decimals — up to 3,
 * as Skip Pay allows — are for lines ordered by weight or length (2.5 kg). `lineMilli`: the line's quantity.
 */
export function countsInWholePieces(lineMilli: number): boolean {
  return lineMilli % MILLI === 0;
}

/** Why a quantity (thousandths) cannot be taken from a line, as far as its form goes; null when it can. */
export function quantityMisfit(typedMilli: number, lineMilli: number): "quantity_whole" | null {
  return countsInWholePieces(lineMilli) && typedMilli % MILLI !== 0 ? "quantity_whole" : null;
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
