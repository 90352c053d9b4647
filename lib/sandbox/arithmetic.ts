// The sandbox's own arithmetic, written from the spec and the sandbox's decisions (docs/sandbox.md), not borrowed
// from the admin: the simulated Skip Pay must be an independent check of the admin's planner, so a rounding
// mistake there cannot pass unnoticed by agreeing with itself.
//
// Decisions: quantities are exact to 3 decimals (kept as integer thousandths); a part of an amount is rounded half
// away from zero; a total split by weights goes by largest remainder, ties to the earlier weight.

/** An API quantity (up to 3 decimals) as integer thousandths. */
export const toMilli = (quantity: number) => Math.round(quantity * 1000);
export const fromMilli = (milli: number) => milli / 1000;

/** Thousandths as the API writes a quantity ("2.5"), for messages. */
export function quantityText(milli: number): string {
  const whole = Math.trunc(milli / 1000);
  const rest = Math.abs(milli % 1000);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(3, "0").replace(/0+$/, "")}`;
}

export const total = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);

/** numerator / denominator, rounded half away from zero (denominator > 0). */
function rounded(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const q = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -q : q;
}

/** The share of `amount` that `part` of `whole` (quantities) carries. */
export function share(amount: number, part: number, whole: number): number {
  if (whole <= 0) throw new RangeError("whole must be positive");
  return Number(rounded(BigInt(amount) * BigInt(part), BigInt(whole)));
}

/** The VAT in a VAT-inclusive amount at a rate in percent (12.5 allowed): amount × rate / (100 + rate). */
export function vatIn(amount: number, ratePercent: number): number {
  const rate = BigInt(Math.round(ratePercent * 100));
  return Number(rounded(BigInt(amount) * rate, 10_000n + rate));
}

/** `amount` (≥ 0) split in proportion to `weights` (negatives count as 0), summing exactly to it. */
export function splitByWeight(amount: number, weights: readonly number[]): number[] {
  const w = weights.map((x) => BigInt(Math.max(0, x)));
  const sumW = w.reduce((a, b) => a + b, 0n);
  if (sumW === 0n) return weights.map((_, i) => (i === 0 ? amount : 0));
  const a = BigInt(amount);
  const exact = w.map((x) => ({ floor: (a * x) / sumW, remainder: (a * x) % sumW }));
  let left = a - exact.reduce((s, e) => s + e.floor, 0n);
  const byRemainder = exact
    .map((e, i) => ({ i, r: e.remainder }))
    .sort((x, y) => (x.r === y.r ? x.i - y.i : x.r > y.r ? -1 : 1));
  const parts = exact.map((e) => e.floor);
  for (const { i } of byRemainder) {
    if (left === 0n) break;
    parts[i] = (parts[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}
