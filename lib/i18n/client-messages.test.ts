import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PAGE_MESSAGES, SHELL_MESSAGES } from "./client-messages";
import en from "./messages/en.json";

// The lists in client-messages.ts, checked against the code: from each page, layout and error file, follow the
// imports; from the first "use client" module down, every `useTranslations("ns")` names a namespace the browser
// needs. A list may neither miss one (the page would show keys) nor carry one nobody uses (weight in every page).
const ROOT = path.resolve(import.meta.dirname, "../..");
const ADMIN = path.join(ROOT, "app/(admin)");

type Module = { client: boolean; imports: string[]; namespaces: string[]; literal: boolean };
const modules = new Map<string, Module>();

function resolve(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(ROOT, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile() && /\.tsx?$/.test(c)) ?? null;
}

function read(file: string): Module {
  const known = modules.get(file);
  if (known) return known;
  const source = readFileSync(file, "utf8");
  const specs = [
    ...source.matchAll(/^(?:import|export)(?!\s+type\s)[^;]*?\sfrom\s+"([^"]+)"/gm),
    ...source.matchAll(/import\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => m[1] as string);
  const module: Module = {
    client: /^"use client";/m.test(source.slice(0, 300)),
    imports: specs.map((s) => resolve(file, s)).filter((f): f is string => f !== null),
    namespaces: [...source.matchAll(/useTranslations\(\s*"([^".]+)/g)].map((m) => m[1] as string),
    // Only a literal namespace can be followed: `useTranslations(x)` or `useMessages()` would escape the check.
    literal: !/useTranslations\(\s*[^"\s)]|useTranslations\(\)|useMessages\(/.test(source),
  };
  modules.set(file, module);
  return module;
}

/** The namespaces the client modules reachable from `entry` use, and any client module that hides its own. */
function clientNamespaces(entry: string) {
  const seen = new Set<string>();
  const namespaces = new Set<string>();
  const opaque: string[] = [];
  const walk = (file: string, inClient: boolean) => {
    const module = read(file);
    const client = inClient || module.client;
    if (seen.has(`${file}:${client}`)) return;
    seen.add(`${file}:${client}`);
    if (client) {
      for (const n of module.namespaces) namespaces.add(n);
      if (!module.literal) opaque.push(path.relative(ROOT, file));
    }
    for (const next of module.imports) walk(next, client);
  };
  walk(entry, false);
  return { namespaces, opaque };
}

function files(dir: string, name: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name), name) : name.test(e.name) ? [path.join(dir, e.name)] : [],
  );
}

const sorted = (names: Iterable<string>) => [...new Set(names)].sort();
const pages = files(ADMIN, /^page\.tsx$/);
const around = files(ADMIN, /^(layout|error|loading|not-found|template)\.tsx$/);

describe("the messages each page sends to the browser", () => {
  it("finds the pages and the client modules it follows", () => {
    expect(pages.length).toBeGreaterThanOrEqual(9);
    const order = clientNamespaces(path.join(ADMIN, "applications/[applicationId]/page.tsx"));
    expect(order.namespaces).toContain("workspace");
  });

  it("the shell carries exactly what the layout, error, loading and not-found files use", () => {
    const used = around.flatMap((f) => [...clientNamespaces(f).namespaces]);
    expect(sorted(SHELL_MESSAGES)).toEqual(sorted(used));
  });

  it.each(pages.map((p) => [path.relative(ADMIN, p), p]))(
    "%s names exactly the namespaces it uses",
    (_, file) => {
      const { namespaces, opaque } = clientNamespaces(file);
      expect(opaque).toEqual([]);
      const own = sorted([...namespaces].filter((n) => !SHELL_MESSAGES.includes(n)));
      const source = readFileSync(file, "utf8");
      const parts = [...source.matchAll(/<ClientMessages part="(\w+)">/g)].map(
        (m) => m[1] as keyof typeof PAGE_MESSAGES,
      );
      if (own.length === 0) {
        expect(parts).toEqual([]);
        return;
      }
      // One provider, around everything the page returns: a nested provider replaces the layout's messages.
      expect(parts).toHaveLength(1);
      expect(source).toMatch(/\n {2}return \(\n {4}<ClientMessages part="\w+">/);
      expect(sorted(PAGE_MESSAGES[parts[0] as keyof typeof PAGE_MESSAGES])).toEqual(own);
    },
  );

  it("every namespace named is in the catalog", () => {
    const all = [...SHELL_MESSAGES, ...Object.values(PAGE_MESSAGES).flat()];
    expect(all.filter((n) => !(n in en))).toEqual([]);
  });
});
