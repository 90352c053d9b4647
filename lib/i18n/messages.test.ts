import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import cs from "./messages/cs.json";
import en from "./messages/en.json";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

describe("UI messages", () => {
  const english = flatten(en as Tree);
  const czech = flatten(cs as Tree);

  it("Czech and English have exactly the same keys", () => {
    expect([...czech.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !czech.has(k))).toEqual([]);
  });

  it("every message is valid ICU and uses the same arguments in both languages", () => {
    for (const [key, message] of english) {
      const other = czech.get(key) as string;
      const args = (m: string, locale: string) => {
        const ast = new IntlMessageFormat(m, locale).getAst();
        const names = new Set<string>();
        const walk = (nodes: typeof ast) => {
          for (const n of nodes) {
            if ("value" in n && typeof n.value === "string" && n.type !== 0) names.add(n.value);
            if ("options" in n) for (const o of Object.values(n.options)) walk(o.value);
          }
        };
        walk(ast);
        return [...names].sort();
      };
      expect(args(other, "cs"), key).toEqual(args(message, "en"));
    }
  });
});
