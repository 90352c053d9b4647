import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate, formatMoney, parseMoney, proportion, sum, toInputValue, vatIncluded } from "./money";

describe("parseMoney", () => {
  it.each([
    ["1 234,50", 123_450],
    ["1234.5", 123_450],
    ["1234,5", 123_450],
    ["1,234.50", 123_450],
    ["1.234,50", 123_450],
    ["1 234 Kč", 123_400],
    ["CZK 99", 9_900],
    ["0,01", 1],
    [",5", 50],
    ["12", 1_200],
    ["1\u00a0234,50", 123_450],
    ["1 000 000", 100_000_000],
    ["1,234,567", 123_456_700],
  ])("reads %s as %i haléřů", (input, minor) => {
    expect(parseMoney(input)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ["", "empty"],
    ["   ", "empty"],
    ["12,345", "thousands_or_decimals"],
    ["1.234", "thousands_or_decimals"],
    ["1234,567", "too_many_decimals"],
    ["0.001", "too_many_decimals"],
    ["1,2345", "too_many_decimals"],
    ["-5", "negative"],
    ["−5", "negative"],
    ["0", "zero"],
    ["0,00", "zero"],
    ["NaN", "invalid"],
    ["1e5", "invalid"],
    ["12.34.5", "invalid"],
    ["1,2.3", "invalid"],
    ["12a", "invalid"],
    ["99999999999999999", "too_large"],
  ])("refuses %j (%s)", (input, error) => {
    expect(parseMoney(input)).toEqual({ ok: false, error });
  });

  it("reads back what it formats, in both locales, for any amount", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000_000 }), (minor) => {
        expect(parseMoney(formatMoney(minor, "cs"))).toEqual({ ok: true, value: minor });
        expect(parseMoney(formatMoney(minor, "en"))).toEqual({ ok: true, value: minor });
        expect(parseMoney(toInputValue(minor, "cs"))).toEqual({ ok: true, value: minor });
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("formatMoney", () => {
  it("formats minor units per locale", () => {
    expect(formatMoney(123_450, "cs")).toBe("1\u00a0234,50\u00a0Kč");
    expect(formatMoney(123_450, "en")).toBe("CZK\u00a01,234.50");
    expect(formatMoney(-5_000, "cs")).toBe("-50,00\u00a0Kč");
  });
});

describe("proportion", () => {
  it("rounds half away from zero, exactly, even beyond 2^53 intermediate products", () => {
    expect(proportion(100, 1, 3)).toBe(33);
    expect(proportion(200, 1, 3)).toBe(67);
    expect(proportion(1, 1, 2)).toBe(1);
    expect(proportion(-1, 1, 2)).toBe(-1);
    expect(proportion(9_007_199_254_740, 999_999, 1_000_000)).toBe(9_007_190_247_541);
  });
});

describe("allocate", () => {
  it("splits a total by weight so the parts sum exactly, handing the residual to the largest remainders", () => {
    expect(allocate(100, [1, 1, 1])).toEqual({ parts: [34, 33, 33], residual: 1, adjusted: [0] });
    expect(allocate(10_000, [70, 30])).toEqual({ parts: [7_000, 3_000], residual: 0, adjusted: [] });
    expect(allocate(5, [0, 0])).toEqual({ parts: [5, 0], residual: 0, adjusted: [] });
    expect(allocate(7, [-3, 2])).toEqual({ parts: [0, 7], residual: 0, adjusted: [] });
  });

  it("always sums to the total and never gives a part more than one unit over its exact share", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000_000 }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 6 }),
        (total, weights) => {
          const { parts } = allocate(total, weights);
          expect(sum(parts)).toBe(total);
          const weightSum = sum(weights);
          parts.forEach((p, i) => {
            const exact = (total * (weights[i] as number)) / weightSum;
            expect(Number.isInteger(p)).toBe(true);
            expect(p).toBeGreaterThanOrEqual(Math.floor(exact));
            expect(p).toBeLessThanOrEqual(Math.floor(exact) + 1);
          });
        },
      ),
      { numRuns: 2_000 },
    );
  });
});

describe("vatIncluded", () => {
  it("extracts the VAT contained in a gross price", () => {
    expect(vatIncluded(12_100, 21)).toBe(2_100);
    expect(vatIncluded(11_200, 12)).toBe(1_200);
    expect(vatIncluded(149_900, 21)).toBe(26_016);
    expect(vatIncluded(10_000, 0)).toBe(0);
    expect(vatIncluded(-12_100, 21)).toBe(-2_100);
  });
});
