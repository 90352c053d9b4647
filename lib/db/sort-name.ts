// The list's "Customer by surname A–Z": in Czech alphabetical order (c < č < d, h < ch < i, r < ř < s, s < š < t,
// z < ž; other accents sort as their base letter), by the last word of the name once titles are left out. Kept
// beside the row as a key that compares byte by byte (COLLATE "C"), so the order is the same in PGlite and in any
// PostgreSQL, whatever its locale, and one index serves it. Pure (no database); the SQL form backfills rows written
// before the key existed (a unit test runs the two side by side).

import { UNDECOMPOSED } from "./search-text";

const CARON = "\u030C";
/** The letters Czech sorts on their own, once decomposed: the base letter and a caron. */
const CARONED = { c: "č", r: "ř", s: "š", z: "ž" } as const;
/** Whitespace that is not a plain space. */
const SPACES_FROM = "\t\n\r\u00A0";
/** The Czech alphabet ("#" stands for ch), each letter mapped to one byte in its order: A … _. */
const ALPHABET = "abcčdefgh#ijklmnopqrřsštuvwxyzž";
const CODES = Array.from({ length: ALPHABET.length }, (_, i) => String.fromCharCode(0x41 + i)).join("");
/** No name: after every name in A–Z. */
export const NO_NAME = "~";

function translate(text: string, from: string, to: string): string {
  const map = new Map([...from].map((c, i) => [c, to[i] ?? ""]));
  return [...text].map((c) => map.get(c) ?? c).join("");
}

/** "Ing. Jiří Kříž, Ph.D." → the key of "kříž jiří" in Czech order: the surname first, then the rest. */
export function sortName(name: string | null): string {
  let s = (name ?? "").normalize("NFD").toLowerCase();
  for (const [letter, base] of Object.entries(UNDECOMPOSED)) s = s.replaceAll(letter, base);
  for (const [base, letter] of Object.entries(CARONED)) s = s.replaceAll(base + CARON, letter);
  const words = translate(s.replace(/[\u0300-\u036F]/g, ""), SPACES_FROM, "    ")
    .replace(/,[\s\S]*$/, "") // titles after a comma: "Novák, Ph.D."
    .replace(/[^ ]*\./g, " ") // abbreviations: "Ing.", "ml."
    .replace(/[-'’]/g, "") // within a surname: "Nová-Horká", "O'Brien"
    .replace(/[!-/:-@[-`{-~]/g, " ")
    .replace(/[^a-z0-9čřšž ]/g, "")
    .replace(/ +/g, " ")
    .trim();
  if (!words) return NO_NAME;
  return translate(words.replace(/^(.*) (\S+)$/, "$2 $1").replaceAll("ch", "#"), ALPHABET, CODES);
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The same key in SQL, of the text column `column` (quoted), for a migration's backfill and generated data. */
export function sortNameSql(column: string): string {
  let s = `lower(normalize(coalesce(${column}, ''), NFD))`;
  // lower() leaves letters outside ASCII as they are under some locales: each is replaced in both cases.
  for (const [letter, base] of Object.entries(UNDECOMPOSED))
    for (const c of new Set([letter, letter.toUpperCase()]))
      if (c.length === 1) s = `replace(${s}, ${quote(c)}, ${quote(base)})`;
  for (const [base, letter] of Object.entries(CARONED))
    s = `replace(${s}, '${base}' || chr(780), '${letter}')`;
  s = `translate(regexp_replace(${s}, '[\\u0300-\\u036F]', '', 'g'), chr(9) || chr(10) || chr(13) || chr(160), '    ')`;
  s = `regexp_replace(${s}, ',.*$', '')`;
  s = `regexp_replace(${s}, '[^ ]*\\.', ' ', 'g')`;
  s = `translate(${s}, ${quote("-'’")}, '')`;
  s = `regexp_replace(${s}, '[!-/:-@[-\`{-~]', ' ', 'g')`;
  s = `regexp_replace(${s}, '[^a-z0-9čřšž ]', '', 'g')`;
  s = `btrim(regexp_replace(${s}, ' +', ' ', 'g'))`;
  const surnameFirst = `replace(regexp_replace(${s}, '^(.*) (\\S+)$', '\\2 \\1'), 'ch', '#')`;
  return `coalesce(nullif(translate(${surnameFirst}, '${ALPHABET}', '${CODES}'), ''), '${NO_NAME}')`;
}
