// The list's "Customer A–Z": by surname, in Czech alphabetical order (c < č < d, h < ch < i, r < ř < s, s < š < t,
// z < ž; á, é, ě, ů… sort as their base letter). Kept beside the row as a key that compares byte by byte (COLLATE
// "C"), so the order is the same in PGlite and in any PostgreSQL, whatever its locale, and one index serves it.
// Pure (no database); the SQL form backfills rows written before the key existed (a unit test compares the two).

/** Letters folded to their base: everything but č, ř, š, ž, which Czech sorts as letters of their own. */
const BASES: Record<string, string> = {
  a: "áäàâãåăą",
  c: "ćç",
  d: "ďđ",
  e: "éěëèêę",
  i: "íìîï",
  l: "ľĺł",
  n: "ňńñ",
  o: "óöôòõőø",
  r: "ŕ",
  s: "śş",
  t: "ťţ",
  u: "úůüùûű",
  y: "ýÿ",
  z: "źż",
};
const FOLD_FROM = Object.values(BASES).join("");
const FOLD_TO = Object.entries(BASES)
  .map(([base, letters]) => base.repeat(letters.length))
  .join("");
const CARON_UPPER = "ČŘŠŽ";
const CARON_LOWER = "čřšž";
/** The Czech alphabet ("#" stands for ch), each letter mapped to one byte in its order: A … _. */
const ALPHABET = "abcčdefgh#ijklmnopqrřsštuvwxyzž";
const CODES = Array.from({ length: ALPHABET.length }, (_, i) => String.fromCharCode(0x41 + i)).join("");
/** No name: after every name in A–Z. */
export const NO_NAME = "~";

function translate(text: string, from: string, to: string): string {
  const map = new Map([...from].map((c, i) => [c, to[i] ?? ""]));
  return [...text].map((c) => map.get(c) ?? c).join("");
}

/** "Jiří Kříž" → the key of "kriz jiri" in Czech order: the last word (the surname) first, then the rest. */
export function sortName(name: string | null): string {
  const base = translate(
    translate(name ?? "", FOLD_FROM + FOLD_FROM.toUpperCase(), FOLD_TO + FOLD_TO.toUpperCase()),
    CARON_UPPER,
    CARON_LOWER,
  )
    .toLowerCase()
    .replace(/[^a-z0-9čřšž]+/g, " ")
    .trim();
  if (!base) return NO_NAME;
  const surnameFirst = base.replace(/^(.*) (\S+)$/, "$2 $1").replaceAll("ch", "#");
  return translate(surnameFirst, ALPHABET, CODES);
}

/** The same key in SQL, of the text column `column` (quoted), for a migration's backfill and generated data. */
export function sortNameSql(column: string): string {
  const folded = `lower(translate(translate(${column}, '${FOLD_FROM}${FOLD_FROM.toUpperCase()}', '${FOLD_TO}${FOLD_TO.toUpperCase()}'), '${CARON_UPPER}', '${CARON_LOWER}'))`;
  const words = `btrim(regexp_replace(${folded}, '[^a-z0-9čřšž]+', ' ', 'g'))`;
  const surnameFirst = `replace(regexp_replace(${words}, '^(.*) (\\S+)$', '\\2 \\1'), 'ch', '#')`;
  return `coalesce(nullif(translate(${surnameFirst}, '${ALPHABET}', '${CODES}'), ''), '${NO_NAME}')`;
}
