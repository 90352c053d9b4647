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

/** One way a row can match: every `like` pattern (looked up in the trigram index) and every `contains` text. */
export interface SearchAlternative {
  like: string[];
  contains: string[];
}

/**
 * What a search term matches: alternatives, each a list of patterns that must all be found. The folded term's
 * words, each anywhere (so "Dvořák Jiří" finds Jiří Dvořák: staff type the surname first), and for what looks like
 * a phone number ("601 234 567", "+420-601") its digits anywhere. Words under three characters have no trigram to
 * look up and would read every row, so they are left out ("J. Novák" is "novák"). Empty when the term is too short
 * to search.
 *
 * A word with a separator inside ("25-0519391", "novak@ex") is looked up by its runs of three letters or digits and
 * then checked whole: beside a separator the trigram index also looks up word edges ("25 ": every order of 2025),
 * whose lists grow with the table (bench P5).
 */
export function searchPatterns(term: string): SearchAlternative[] {
  const folded = fold(term.trim());
  const like = (p: string) => `%${p.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const lookUp = (words: string[]): SearchAlternative => {
    const alternative: SearchAlternative = { like: [], contains: [] };
    for (const word of words) {
      const runs = word.split(/[^\p{L}\p{N}]+/u).filter((r) => r.length >= MIN_SEARCH_LENGTH);
      if (runs.length === 0 || runs[0] === word) {
        alternative.like.push(like(word));
      } else {
        alternative.like.push(...runs.map(like));
        alternative.contains.push(word);
      }
    }
    alternative.like = [...new Set(alternative.like)];
    return alternative;
  };
  const words = [...new Set(folded.split(/[\s,;]+/).filter((w) => w.length >= MIN_SEARCH_LENGTH))];
  const alternatives: SearchAlternative[] = [];
  if (words.length > 0) alternatives.push(lookUp(words));
  else if (folded.length >= MIN_SEARCH_LENGTH) alternatives.push(lookUp([folded]));
  if (/^[+\d\s()./-]+$/.test(folded) && digits(folded).length >= MIN_SEARCH_LENGTH)
    alternatives.push({ like: [like(digits(folded))], contains: [] });
  return alternatives;
}
