import { describe, expect, it } from "vitest";
import { backTo, sameOrigin } from "./origin";

const headers = (h: Record<string, string>) => new Headers({ host: "admin.shop.cz", ...h });

describe("sameOrigin", () => {
  it("takes a post from the host the browser addressed, or with no Origin at all", () => {
    expect(sameOrigin(headers({ origin: "https://admin.shop.cz" })).ok).toBe(true);
    expect(sameOrigin(headers({})).ok).toBe(true);
  });

  it("refuses another site, and the opaque 'null' origin", () => {
    expect(sameOrigin(headers({ origin: "https://evil.example" }))).toEqual({
      ok: false,
      origin: "https://evil.example",
    });
    expect(sameOrigin(headers({ origin: "null" })).ok).toBe(false);
  });
});

describe("backTo", () => {
  it("leads back to the page the form was posted from, with its query", () => {
    expect(backTo(headers({ referer: "https://admin.shop.cz/applications?q=novak" }), "/x")).toBe(
      "/applications?q=novak",
    );
  });

  it("never to another site: another host, a path starting '//', no Referer or a broken one", () => {
    expect(backTo(headers({ referer: "https://evil.example/applications" }), "/x")).toBe("/x");
    expect(backTo(headers({ referer: "https://admin.shop.cz//evil.example/a" }), "/x")).toBe("/x");
    expect(backTo(headers({}), "/x")).toBe("/x");
    expect(backTo(headers({ referer: "not a url" }), "/x")).toBe("/x");
  });
});
