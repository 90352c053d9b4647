// What the list's search box matches: one lower-case, accent-free text per application, kept by the app beside
// the row, under a trigram index (pg_trgm). Plain PostgreSQL functions cannot do this in an index: `unaccent` is
// not immutable, and PGlite and Debian's PostgreSQL would each need it installed; JavaScript does it the same way
// everywhere. Pure (no database), so the browser could use it too.

/** Letters that Unicode does not decompose into a base letter and an accent, mapped by hand. */
export const UNDECOMPOSED: Record<string, string> = {
  ł: "l",
  đ: "d",
  ø: "o",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
};

/** Lower case, no accents: "Šťastná" → "stastna". */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[łđøħıßæœ]/g, (c) => UNDECOMPOSED[c] ?? c);
}

/** A phone number's digits only: "+420 601 234 567" → "420601234567". */
export function digits(text: string): string {
  return text.replace(/\D/g, "");
}

export interface Searchable {
  id: string;
  orderNumber: string;
  variableSymbol: string | null;
  customerName: string | null;
  customerEmail: string | null;
  customerPhone: string | null;
}

/**
 * The text an application is found by. Fields are joined by a character nobody types, so a search never matches
 * across two of them.
 */
export function searchText(a: Searchable): string {
  return [
    a.id,
    a.orderNumber,
    a.variableSymbol,
    a.customerName,
    a.customerEmail,
    a.customerPhone ? digits(a.customerPhone) : null,
  ]
    .filter((part): part is string => !!part)
    .map(fold)
    .join("\u0001");
}

/** Searches need three characters: shorter ones have no trigram to look up, and would read every row. */
export const MIN_SEARCH_LENGTH = 3;

/**
 * What a search term matches, for `LIKE`: alternatives, each a list of patterns that must all be found. The folded
 * term's words, each anywhere (so "Dvořák Jiří" finds Jiří Dvořák: staff type the surname first), and for what
 * looks like a phone number ("601 234 567", "+420-601") its digits anywhere. Words under three characters have no
 * trigram to look up and would read every row, so they are left out ("J. Novák" is "novák"). Empty when the term
 * is too short to search.
 */
export function searchPatterns(term: string): string[][] {
  const folded = fold(term.trim());
  const like = (p: string) => `%${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const words = [...new Set(folded.split(/[\s,;]+/).filter((w) => w.length >= MIN_SEARCH_LENGTH))];
  const alternatives: string[][] = [];
  if (words.length > 0) alternatives.push(words.map(like));
  else if (folded.length >= MIN_SEARCH_LENGTH) alternatives.push([like(folded)]);
  if (/^[+\d\s()./-]+$/.test(folded) && digits(folded).length >= MIN_SEARCH_LENGTH)
    alternatives.push([like(digits(folded))]);
  return alternatives;
}
