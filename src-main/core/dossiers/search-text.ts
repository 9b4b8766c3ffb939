/**
 * Text for catalogue search, and the FTS5 query for each search term.
 *
 * Terms of three characters or more go to the trigram index (any substring of three or more
 * characters is a phrase of trigrams). The trigram tokenizer cannot answer a two-character term —
 * the commonest Chinese search, e.g. 华为 — so a shadow index holds every two-character window of
 * the same text as a word of its own, and a two-character term is then a one-word lookup rather
 * than a LIKE over every row (tests/bench/catalogue-search.bench.ts measures both paths).
 */
import { ArchiveError } from '../errors';

export const MIN_TERM_LENGTH = 2;

/** Full-width forms and case folded once, so 'ＫＨ' finds 'KH'. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Every two-character window of each run of letters and digits, space-separated. */
export function bigrams(text: string): string {
  const out: string[] = [];
  for (const run of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  }
  return out.join(' ');
}

export interface SearchDocument {
  number: string;
  name: string;
  industry: string;
  persons: string;
}

export interface TermQuery {
  table: 'dossier_search' | 'dossier_search_bigram';
  /** Matches the catalogue columns anyone who may search sees. */
  publicMatch: string;
  /** Matches key-person names: only for dossiers whose content the searcher may see. */
  personsMatch: string;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function parseTerms(text: string | undefined): TermQuery[] {
  if (!text) return [];
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((raw) => {
      const term = fold(raw);
      const chars = Array.from(term);
      if (chars.length >= 3) {
        return { table: 'dossier_search', publicMatch: `{number name industry} : ${quote(term)}`, personsMatch: `persons : ${quote(term)}` };
      }
      const word = (term.match(/[\p{L}\p{N}]/gu) ?? []).join('');
      if (Array.from(word).length < MIN_TERM_LENGTH) throw new ArchiveError('catalogue.queryTooShort', { min: MIN_TERM_LENGTH });
      return { table: 'dossier_search_bigram', publicMatch: `{number name industry} : ${quote(word)}`, personsMatch: `persons : ${quote(word)}` };
    });
}
