import compile from "icu-minify/compile";
import { IntlMessageFormat } from "intl-messageformat";
import { _createCache, _createIntlFormatters } from "use-intl/core";
import formatCompiled from "use-intl/format-message/format-only";
import { describe, expect, it } from "vitest";
import { quoted } from "./format";
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

type Ast = ReturnType<IntlMessageFormat["getAst"]>;
const PLURAL_SAMPLES = [0, 1, 2, 4, 5, 21, 1.5, 1000];

/**
 * Each argument of a message with the values worth trying for it: every option of a select, numbers that pick
 * every Czech and English plural form, else a text and a number.
 */
function argumentSamples(ast: Ast, out = new Map<string, Set<string | number>>()) {
  for (const node of ast) {
    if (!("value" in node) || typeof node.value !== "string" || node.type === 0) continue;
    const values = out.get(node.value) ?? new Set<string | number>();
    out.set(node.value, values);
    if ("options" in node) {
      if ("pluralType" in node) for (const n of PLURAL_SAMPLES) values.add(n);
      else for (const key of Object.keys(node.options)) values.add(key);
      for (const option of Object.values(node.options)) argumentSamples(option.value, out);
    } else {
      values.add("‹text›");
      values.add(1234);
    }
  }
  return out;
}

describe("UI messages", () => {
  const english = flatten(en as Tree);
  const czech = flatten(cs as Tree);

  it('Czech quotes the Czech way, „…“: no ASCII " nor English ” in a Czech message (ICU quotes with \', not ")', () => {
    const wrong = [...czech].filter(([, message]) => /["\u201d]/.test(message)).map(([key]) => key);
    expect(wrong).toEqual([]);
    // Staff's own words quoted in the UI (notes, decisions) follow the UI's language too.
    expect(quoted("Fotky prosím", "cs")).toBe("\u201eFotky prosím\u201c");
    expect(quoted("Checked the photos", "en")).toBe("\u201cChecked the photos\u201d");
  });

  it('numbers written out in a message follow its language: no Czech "1 234,50" in English, nor "2.5" in Czech', () => {
    const czechInEnglish = [...english]
      .filter(([, m]) => /\d[\s\u00a0]\d{3}|\d,\d{1,2}\b/.test(m))
      .map(([k]) => k);
    const englishInCzech = [...czech].filter(([, m]) => /\d,\d{3}\b|\d\.\d{1,2}\b/.test(m)).map(([k]) => k);
    expect(czechInEnglish).toEqual([]);
    expect(englishInCzech).toEqual([]);
  });

  it("Czech and English have exactly the same keys", () => {
    expect([...czech.keys()].filter((k) => !english.has(k))).toEqual([]);
    expect([...english.keys()].filter((k) => !czech.has(k))).toEqual([]);
  });

  it("every message is valid ICU and uses the same arguments in both languages", () => {
    for (const [key, message] of english) {
      const other = czech.get(key) as string;
      const args = (m: string, locale: string) =>
        [...argumentSamples(new IntlMessageFormat(m, locale).getAst()).keys()].sort();
      expect(args(other, "cs"), key).toEqual(args(message, "en"));
    }
  });
});

/**
 * The build compiles every message (next-intl's `precompile`, see next.config.js) and the app formats the result
 * with use-intl's format-only runtime. It must say exactly what intl-messageformat says for the source message,
 * for every sample value of every argument.
 */
describe("precompiled messages (what the build ships)", () => {
  // The cache and formatters use-intl itself formats with.
  const cache = _createCache();
  const formatters = _createIntlFormatters(cache);

  for (const [locale, tree] of [
    ["cs", cs],
    ["en", en],
  ] as const) {
    it(`${locale}: every message, every sample value, the same text`, () => {
      let checked = 0;
      for (const [key, message] of flatten(tree as Tree)) {
        const reference = new IntlMessageFormat(message, locale);
        const compiled = compile(message);
        const args = argumentSamples(reference.getAst());
        const base = Object.fromEntries([...args].map(([name, values]) => [name, [...values][0] ?? ""]));
        const cases = [
          base,
          ...[...args].flatMap(([name, values]) => [...values].map((v) => ({ ...base, [name]: v }))),
        ];
        for (const values of cases) {
          const expected = reference.format(values);
          const actual = formatCompiled(key, compiled, values, {
            locale,
            cache,
            formatters,
            timeZone: "Europe/Prague",
          });
          expect(actual, `${locale} ${key} ${JSON.stringify(values)}`).toEqual(expected);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(500);
    });
  }
});
