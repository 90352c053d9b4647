import { describe, expect, it } from "vitest";
import { PAGE_MESSAGES, pickMessages } from "@/lib/i18n/client-messages";
import cs from "@/lib/i18n/messages/cs.json";
import en from "@/lib/i18n/messages/en.json";
import { messagesFile, pageMessages } from "@/lib/i18n/page-messages";
import { GET } from "./route";

const get = (locale: string, part: string, v?: string) =>
  GET(new Request(`http://localhost/api/messages/${locale}/${part}${v === undefined ? "" : `?v=${v}`}`), {
    params: Promise.resolve({ locale, part }),
  });

describe("a page's messages, as the browser fetches them", () => {
  it("answers each page's shell and own namespaces, to be kept for good at their version's address", async () => {
    for (const [locale, all] of [
      ["cs", cs],
      ["en", en],
    ] as const) {
      for (const part of Object.keys(PAGE_MESSAGES) as (keyof typeof PAGE_MESSAGES)[]) {
        const { src, version } = await pageMessages(locale, part);
        expect(src).toBe(`/api/messages/${locale}/${part}?v=${version}`);
        const response = await get(locale, part, version);
        expect(response.status).toBe(200);
        expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        expect(response.headers.get("content-type")).toMatch(/^application\/json/);
        expect(await response.json()).toEqual(pickMessages(all, part));
      }
    }
  });

  it("gives every language and page an address of its own", async () => {
    const addresses = await Promise.all(
      (["cs", "en"] as const).flatMap((locale) =>
        (Object.keys(PAGE_MESSAGES) as (keyof typeof PAGE_MESSAGES)[]).map(
          async (part) => (await pageMessages(locale, part)).version,
        ),
      ),
    );
    expect(new Set(addresses).size).toBe(addresses.length);
  });

  it("a change to any one message gives the file a new version", () => {
    const before = messagesFile(pickMessages(en, "order") as never).version;
    const changed = structuredClone(pickMessages(en, "order"));
    (changed.workspace as Record<string, unknown>).review = "Changed";
    expect(messagesFile(changed as never).version).not.toBe(before);
    expect(messagesFile(structuredClone(pickMessages(en, "order")) as never).version).toBe(before);
  });

  it("an old or missing version gets today's messages, not to be kept", async () => {
    for (const v of ["stale", undefined]) {
      const response = await get("en", "order", v);
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(await response.json()).toEqual(pickMessages(en, "order"));
    }
  });

  it("refuses an unknown language or page with a JSON 404", async () => {
    for (const [locale, part] of [
      ["de", "order"],
      ["cs", "nope"],
      ["cs", "toString"],
      ["cs", "__proto__"],
      ["../cs", "order"],
    ]) {
      const response = await get(locale as string, part as string);
      expect(response.status, `${locale}/${part}`).toBe(404);
      expect(await response.json()).toEqual({ error: "not_found", message: "No such messages." });
    }
  });
});
