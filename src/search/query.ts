// What a reader typed into /search, read as words (any order) and "quoted phrases", and turned into an FTS5
// expression. Every word goes to FTS5 as a quoted string, so nothing typed is ever read as FTS5 syntax
// (NEAR, OR, column filters, prefixes); FTS5's unicode61 tokenizer then folds case and diacritics as it
// did when the text was indexed.

/** Discord's option allows this many characters too (commands/search.ts); longer is refused here as well. */
export const QUERY_MAX_LENGTH = 200;
/** Words in all, phrases' words included: each costs a walk through its postings. */
export const QUERY_MAX_WORDS = 10;

/** A word as FTS5's unicode61 tokenizer sees one by default: letters, numbers and private-use characters. */
const WORD = /[\p{L}\p{N}\p{Co}]+/gu;
const QUOTES = /["“”„«»]/;
const LATIN_WORD = /^[\p{Script=Latin}\p{N}]+$/u;

export interface SearchQuery {
  /** What the reader typed, trimmed. */
  text: string;
  /** Each term's words; a term of several words is a phrase. Phrases first, then words, as typed. */
  terms: string[][];
}

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; problem: string };

export function parseQuery(input: string): ParsedQuery {
  const text = input.trim();
  if (text.length > QUERY_MAX_LENGTH) return { ok: false, problem: `A search can be at most ${QUERY_MAX_LENGTH} characters long.` };
  // Splitting on quotes puts the quoted parts at odd indexes; an unclosed quote runs to the end.
  const parts = text.split(QUOTES);
  const phrases = parts.filter((_, i) => i % 2 === 1).map(wordsOf);
  const loose = parts.filter((_, i) => i % 2 === 0).flatMap((part) => part.split(/\s+/)).map(wordsOf);
  const terms = withoutRedundantTerms([...phrases, ...loose].filter((term) => term.length > 0));
  const words = terms.reduce((sum, term) => sum + term.length, 0);
  if (words === 0) return { ok: false, problem: 'Type a word or two to search for, or "a phrase" in quotes.' };
  if (words > QUERY_MAX_WORDS) return { ok: false, problem: `A search can hold at most ${QUERY_MAX_WORDS} words.` };
  return { ok: true, query: { text, terms } };
}

/** Every term, ANDed, in the text column only (the index's other columns name works and ratings). */
export function matchExpression(query: SearchQuery): string {
  return `text : (${query.terms.map((words) => `"${words.join(' ')}"`).join(' AND ')})`;
}

/**
 * Queries of single words are ranked by bm25. A phrase's hits are listed in library order: FTS5's bm25 weighs
 * a phrase by counting the passages that hold it, one pass over every occurrence of its words (18 ms for two
 * common words in the bench library), while finding the first hits in order stops early.
 */
export function rankedByRelevance(query: SearchQuery): boolean {
  return query.terms.every((words) => words.length === 1);
}

/**
 * Without a term typed twice (as FTS5 folds it) or a single word that a phrase holds: finding them adds
 * nothing, and each costs FTS5 a walk through the postings of every passage that holds it.
 */
function withoutRedundantTerms(terms: readonly string[][]): string[][] {
  const seen = new Set<string>();
  const inPhrases = new Set(terms.filter((words) => words.length > 1).flatMap((words) => words.map(folded)));
  return terms.filter((words) => {
    const key = words.map(folded).join(' ');
    if (seen.has(key) || (words.length === 1 && inPhrases.has(key))) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A word of Latin letters and digits with case and diacritics folded, as unicode61 `remove_diacritics 2` folds
 * them; any other word as typed. Two words this calls the same must be the same to FTS5, or dropping one
 * would widen the search; two it calls different only cost a redundant term.
 */
function folded(word: string): string {
  return LATIN_WORD.test(word) ? word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase() : word;
}

function wordsOf(part: string): string[] {
  return part.match(WORD) ?? [];
}
