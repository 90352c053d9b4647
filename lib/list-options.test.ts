import { describe, expect, it } from "vitest";
import { listHref, shortQuery } from "./list-options";

describe("shortQuery", () => {
  it("drops empty fields and the default sort, keeping the rest in order", () => {
    const posted = new URLSearchParams("q=novak&lookup=1&state=&type=&from=&to=2026-12-01&sort=-updated");
    expect(shortQuery(posted)).toBe("q=novak&lookup=1&to=2026-12-01");
  });

  it("answers an empty query when nothing was chosen", () => {
    expect(shortQuery(new URLSearchParams("q=&state=&type=&from=&to=&sort=-updated"))).toBe("");
  });

  it("answers null for a query that is already short", () => {
    expect(shortQuery(new URLSearchParams("q=novak&sort=total"))).toBeNull();
    expect(shortQuery(new URLSearchParams(""))).toBeNull();
  });

  it("treats a field of spaces as empty and trims the rest, as the interactive form does", () => {
    expect(shortQuery(new URLSearchParams("q=%20%20&state=READY"))).toBe("state=READY");
    expect(shortQuery(new URLSearchParams("q=%20novak%20"))).toBe("q=novak");
  });

  it("keeps a field's first value only, as the page reads it", () => {
    expect(shortQuery(new URLSearchParams("sort=-updated&sort=total&q=a&q=b"))).toBe("q=a");
  });
});

describe("listHref", () => {
  it("is the list's URL for a form's fields, short; the bare list when nothing is chosen", () => {
    expect(
      listHref([
        ["q", " novak "],
        ["lookup", "1"],
        ["state", ""],
        ["sort", "-updated"],
      ]),
    ).toBe("/applications?q=novak&lookup=1");
    expect(listHref([["sort", "-updated"]])).toBe("/applications");
  });
});
