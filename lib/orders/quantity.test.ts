import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseQuantity } from "./forms/fields";
import { countsInWholePieces, formatQuantity, MILLI, quantityMisfit } from "./quantity";

const wholeLine = fc.integer({ min: 1, max: 10_000 }).map((n) => n * MILLI);
const fractionalLine = fc.integer({ min: MILLI, max: 10_000_000 }).filter((m) => m % MILLI !== 0);
const typed = fc.integer({ min: 1, max: 10_000_000 });

describe("quantities that fit the line", () => {
  it("a line ordered in whole pieces takes whole numbers only", () => {
    fc.assert(
      fc.property(wholeLine, typed, (line, q) => {
        expect(countsInWholePieces(line)).toBe(true);
        expect(quantityMisfit(q, line)).toBe(q % MILLI === 0 ? null : "quantity_whole");
      }),
    );
  });

  it("a line ordered by weight or length takes up to 3 decimals", () => {
    fc.assert(
      fc.property(fractionalLine, typed, (line, q) => {
        expect(countsInWholePieces(line)).toBe(false);
        expect(quantityMisfit(q, line)).toBeNull();
      }),
    );
  });

  it("what staff type reads back exactly, to the thousandth, in either locale's notation", () => {
    fc.assert(
      fc.property(typed, fc.constantFrom("cs", "en") as fc.Arbitrary<"cs" | "en">, (q, locale) => {
        const text = formatQuantity(q, locale)
          .replace(/\s/g, "")
          .replace(/,/g, locale === "cs" ? "," : "");
        expect(parseQuantity(text)).toEqual({ ok: true, milli: q });
      }),
    );
    expect(parseQuantity("1.5")).toEqual({ ok: true, milli: 1_500 });
    expect(parseQuantity("1,2345")).toEqual({ ok: false, error: "quantity_decimals" });
    // Each cause its own message: a huge number is too large, not "not a number".
    expect(parseQuantity("999999999")).toEqual({ ok: false, error: "quantity_too_large" });
    expect(parseQuantity("9999999")).toEqual({ ok: true, milli: 9_999_999_000 });
    expect(parseQuantity("00000012")).toEqual({ ok: true, milli: 12_000 });
    expect(parseQuantity("1e5")).toEqual({ ok: false, error: "quantity_invalid" });
  });

  it("1.5 of a towel ordered ×3 is refused; 1.5 kg of cheese ordered 2.5 kg is not", () => {
    expect(quantityMisfit(1_500, 3_000)).toBe("quantity_whole");
    expect(quantityMisfit(2_000, 3_000)).toBeNull();
    expect(quantityMisfit(1_500, 2_500)).toBeNull();
  });
});
