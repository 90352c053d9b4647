import { describe, expect, it } from "vitest";
import { safeReturnTo } from "./return-to";

describe("safeReturnTo", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeReturnTo("/applications/abc123?tab=journal#history")).toBe(
      "/applications/abc123?tab=journal#history",
    );
    expect(safeReturnTo("/staff")).toBe("/staff");
  });

  it("never leads to another origin, however the browser would read it", () => {
    for (const value of [
      "//evil.example/phish",
      "/\\evil.example",
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "/\r\n/evil.example",
      "/ \t/evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
    ]) {
      const target = safeReturnTo(value);
      expect(new URL(target, "https://admin.shop.cz").origin, value).toBe("https://admin.shop.cz");
    }
    expect(safeReturnTo("/\t/evil.example/phish")).toBe("/applications");
  });

  it("falls back to the application list when there is nothing to return to", () => {
    expect(safeReturnTo(undefined)).toBe("/applications");
    expect(safeReturnTo(null)).toBe("/applications");
    expect(safeReturnTo("")).toBe("/applications");
  });
});
