// Money: integer minor units (haléře) from the API to the screen. Division happens only here, in exact integer
// arithmetic (BigInt) with documented rounding; formatting (Intl) is the only place `minor / 100` appears.

export const CURRENCY = "CZK" as const;
export type Locale = "cs" | "en";

const big = (n: number) => BigInt(n);

/** Integer division of a / b rounded half away from zero (b > 0). */
function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= b) return a < 0n ? q - 1n : q + 1n;
  return q;
}

/** `amount × numerator / denominator`, rounded half away from zero; exact for any safe integers. */
export function proportion(amount: number, numerator: number, denominator: number): number {
  if (denominator <= 0) throw new RangeError("denominator must be positive");
  return Number(divRound(big(amount) * big(numerator), big(denominator)));
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, v) => total + v, 0);
}

/** A VAT rate such as 21 or 12.5, scaled to an integer of hundredths of a percent. */
function rateHundredths(ratePercent: number): bigint {
  return big(Math.round(ratePercent * 100));
}

/** The VAT contained in a gross (VAT-inclusive) amount: gross × rate / (100 + rate), rounded half away from 0. */
export function vatIncluded(gross: number, ratePercent: number): number {
  const r = rateHundredths(ratePercent);
  return Number(divRound(big(gross) * r, 10_000n + r));
}

export interface Allocation {
  /** The parts, in the order of the weights; they sum exactly to the total. */
  parts: number[];
  /** Minor units that rounding down left over and that were handed out one by one (largest remainder first). */
  residual: number;
  /** Indexes that received one of those residual minor units. */
  adjusted: number[];
}

/**
 * Splits `total` (≥ 0) into parts proportional to `weights` so that the parts sum exactly to the total:
 * each part is rounded down, then the residual goes one minor unit at a time to the largest remainders
 * (ties: the earlier index). Negative weights count as zero; with no positive weight the first part takes all.
 */
export function allocate(total: number, weights: readonly number[]): Allocation {
  if (weights.length === 0) throw new RangeError("nothing to allocate to");
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError("total must be a non-negative integer");
  const w = weights.map((x) => big(Math.max(0, x)));
  const weightSum = w.reduce((a, b) => a + b, 0n);
  if (weightSum === 0n) {
    return { parts: weights.map((_, i) => (i === 0 ? total : 0)), residual: 0, adjusted: [] };
  }
  const t = big(total);
  const floors = w.map((x) => (t * x) / weightSum);
  const remainders = w.map((x, i) => t * x - (floors[i] ?? 0n) * weightSum);
  let residual = Number(t - floors.reduce((a, b) => a + b, 0n));
  const order = remainders
    .map((r, i) => ({ r, i }))
    .sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1))
    .map((x) => x.i);
  const parts = floors.map(Number);
  const adjusted: number[] = [];
  const handedOut = residual;
  for (const i of order) {
    if (residual === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    adjusted.push(i);
    residual -= 1;
  }
  return { parts, residual: handedOut, adjusted };
}

// ── Display ──────────────────────────────────────────────────────────────────────────────────────────────────

const INTL_LOCALE: Record<Locale, string> = { cs: "cs-CZ", en: "en-GB" };
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(locale: Locale, currency: string): Intl.NumberFormat {
  const key = `${locale}:${currency}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[locale], { style: "currency", currency });
    formatters.set(key, f);
  }
  return f;
}

/** `125 90` → "125,90 Kč" (cs) or "CZK 125.90" (en). */
export function formatMoney(minor: number, locale: Locale = "cs", currency: string = CURRENCY): string {
  return formatter(locale, currency).format(minor / 100);
}

// ── Staff input ──────────────────────────────────────────────────────────────────────────────────────────────

export type MoneyInputError =
  | "empty"
  | "invalid"
  | "too_many_decimals"
  | "thousands_or_decimals"
  | "negative"
  | "zero"
  | "too_large";
export type ParsedMoney = { ok: true; value: number } | { ok: false; error: MoneyInputError };

const SPACES = /[\s\u00a0\u202f']/g;

/**
 * Parses what staff type — "1 234,50", "1234.5", "1,234.50", "1 234 Kč" — into minor units without floats.
 * When both `,` and `.` appear the last one is the decimal separator; a single `,` or `.` is a decimal
 * separator; repeated ones are thousands separators. More than two decimals, negatives and zero are refused;
 * "1,234" or "1.234" (a thousand in one language, three decimals in the other) is refused with its own reason.
 */
export function parseMoney(input: string): ParsedMoney {
  let s = input
    .trim()
    .replace(/(kč|czk)$/i, "")
    .replace(/^(kč|czk)/i, "")
    .replace(SPACES, "");
  if (s === "") return { ok: false, error: "empty" };
  if (s.startsWith("-") || s.startsWith("−")) return { ok: false, error: "negative" };
  if (s.startsWith("+")) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s)) return { ok: false, error: "invalid" };

  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let decimalSep: "," | "." | null = null;
  if (lastComma >= 0 && lastDot >= 0) decimalSep = lastComma > lastDot ? "," : ".";
  else if (lastComma >= 0) decimalSep = s.indexOf(",") === lastComma ? "," : null;
  else if (lastDot >= 0) decimalSep = s.indexOf(".") === lastDot ? "." : null;

  let whole = s;
  let fraction = "";
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep);
    whole = s.slice(0, at);
    fraction = s.slice(at + 1);
    if (/[.,]/.test(fraction)) return { ok: false, error: "invalid" };
  }
  const groupSep = decimalSep === "," ? "." : decimalSep === "." ? "," : lastComma >= 0 ? "," : ".";
  if (whole.includes(groupSep)) {
    // Thousands separators must group by three: "1.234.567", never "12.34".
    if (!/^\d{1,3}(?:[.,]\d{3})+$/.test(whole) || whole.includes(decimalSep ?? "\0")) {
      return { ok: false, error: "invalid" };
    }
    whole = whole.split(groupSep).join("");
  }
  if (whole === "") whole = "0";
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return { ok: false, error: "invalid" };
  if (fraction.length === 3 && /^[1-9]\d{0,2}$/.test(whole) && s.length === whole.length + 4)
    return { ok: false, error: "thousands_or_decimals" };
  if (fraction.length > 2) return { ok: false, error: "too_many_decimals" };

  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0") || "0");
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, error: "too_large" };
  if (minor === 0n) return { ok: false, error: "zero" };
  return { ok: true, value: Number(minor) };
}

/** Minor units as the plain decimal a staff member would type back in ("1234.50" → "1234,50" in cs). */
export function toInputValue(minor: number, locale: Locale = "cs"): string {
  const abs = Math.abs(minor);
  const fraction = String(abs % 100).padStart(2, "0");
  return `${minor < 0 ? "-" : ""}${Math.trunc(abs / 100)}${locale === "cs" ? "," : "."}${fraction}`;
}
