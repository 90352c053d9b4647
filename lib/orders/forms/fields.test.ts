import { describe, expect, it } from "vitest";
import { pragueToday } from "@/lib/i18n/config";
import { dateField } from "./fields";

describe("a sent or delivery date", () => {
  const issue = (s: string) => dateField.safeParse(s).error?.issues[0]?.message;

  it("is today or earlier (Prague's day), or left empty", () => {
    expect(dateField.safeParse(pragueToday()).success).toBe(true);
    expect(dateField.safeParse("2026-01-31").success).toBe(true);
    expect(dateField.safeParse("").success).toBe(true);
  });

  it("is refused in the future, and when it is no date at all, each with its own reason", () => {
    const tomorrow = pragueToday(new Date(Date.now() + 86_400_000));
    expect(issue(tomorrow)).toBe("date_future");
    expect(issue("2030-01-01")).toBe("date_future");
    expect(issue("2026-02-30")).toBe("date_invalid");
    expect(dateField.safeParse("2026-02-30").error?.issues).toHaveLength(1);
  });

  it("Prague's day, not the server's: 23:30 UTC on 31 December is 1 January there", () => {
    expect(pragueToday(new Date(Date.UTC(2026, 11, 31, 23, 30)))).toBe("2027-01-01");
  });
});
