import { describe, expect, it } from "vitest";
import { MAX_DAYS, reportSearchSchema, resolveReport } from "./range";

const resolve = (query: Record<string, string>) =>
  resolveReport(reportSearchSchema.parse(query), "2026-12-07");

describe("a report's period as given in its address", () => {
  it("is taken as it is when it is fine, and a preset is never called adjusted", () => {
    expect(resolve({ range: "custom", from: "2026-11-01", to: "2026-11-30" })).toMatchObject({
      from: "2026-11-01",
      to: "2026-11-30",
      adjusted: null,
    });
    expect(resolve({ range: "month", from: "nonsense" }).adjusted).toBeNull();
  });

  it("says what it changed: a day it could not read, days the wrong way round, a period too long", () => {
    expect(resolve({ range: "custom", from: "2026-13-01", to: "2026-12-07" })).toMatchObject({
      from: "2026-12-07",
      to: "2026-12-07",
      adjusted: "unreadable",
    });
    expect(resolve({ range: "custom", from: "2026-12-05", to: "2026-12-01" })).toMatchObject({
      from: "2026-12-01",
      to: "2026-12-05",
      adjusted: "reversed",
    });
    const long = resolve({ range: "custom", from: "2024-01-01", to: "2026-12-07" });
    expect(long).toMatchObject({ to: "2026-12-07", adjusted: "cut" });
    expect(long.from > "2025-12-01").toBe(true);
    expect(MAX_DAYS).toBe(370);
  });
});
