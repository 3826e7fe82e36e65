import { describe, expect, it } from 'vitest';
import { matchExpression, parseQuery, QUERY_MAX_LENGTH, QUERY_MAX_WORDS, rankedByRelevance } from '../../src/search/query.js';

function terms(input: string): string[][] {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.query.terms;
}

describe('parseQuery', () => {
  it.each([
    ['rain', [['rain']]],
    ['  quiet   RAIN ', [['quiet'], ['RAIN']]],
    ['"smiled toward the door"', [['smiled', 'toward', 'the', 'door']]],
    ['door "quiet rain" alec', [['quiet', 'rain'], ['door'], ['alec']]],
    ['“curly quotes” work too', [['curly', 'quotes'], ['work'], ['too']]],
    ["don't", [['don', 't']]],
    ['"unclosed phrase', [['unclosed', 'phrase']]],
    ['café, naïve!', [['café'], ['naïve']]],
    // FTS5 folds case and diacritics: a term typed again, so folded, or a word a phrase holds, adds nothing to find.
    ['spark SPARK spárk', [['spark']]],
    ['"quiet rain" Rain door "QUIET RAIN"', [['quiet', 'rain'], ['door']]],
    // Only Latin words are folded here: FTS5 tells й from и, and JavaScript's case rules differ from its for some scripts.
    ['йод иод ЙОД', [['йод'], ['иод'], ['ЙОД']]],
  ])('reads %j as words and phrases %j', (input, expected) => {
    expect(terms(input)).toEqual(expected);
  });

  it.each(['', '   ', '""', '!!! ... ?'])('refuses %j: there is no word to look for', (input) => {
    const parsed = parseQuery(input);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.problem).toMatch(/word/);
  });

  it(`refuses more than ${QUERY_MAX_WORDS} words, phrases' words included`, () => {
    expect(parseQuery(Array.from({ length: QUERY_MAX_WORDS }, (_, i) => `w${i}`).join(' ')).ok).toBe(true);
    const over = parseQuery(`"${Array.from({ length: QUERY_MAX_WORDS + 1 }, (_, i) => `w${i}`).join(' ')}"`);
    expect(over.ok ? '' : over.problem).toContain(String(QUERY_MAX_WORDS));
  });

  it(`refuses a query longer than ${QUERY_MAX_LENGTH} characters`, () => {
    const over = parseQuery('a'.repeat(QUERY_MAX_LENGTH + 1));
    expect(over.ok ? '' : over.problem).toContain(String(QUERY_MAX_LENGTH));
  });
});

describe('matchExpression', () => {
  it('quotes every word, so nothing a reader types is read as FTS5 syntax, and keeps the search in the text column', () => {
    // A word with punctuation inside ("NEAR(a", "text:x", "don't") is its words side by side, as FTS5 would read it.
    const parsed = parseQuery('NEAR(a b) OR text:x "c d" -e *');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(matchExpression(parsed.query)).toBe('text : ("c d" AND "NEAR a" AND "b" AND "OR" AND "text x" AND "e")');
  });

  it('ranks by relevance only queries of single words; a phrase lists hits in library order', () => {
    const ranked = (input: string) => {
      const parsed = parseQuery(input);
      return parsed.ok && rankedByRelevance(parsed.query);
    };
    expect(ranked('quiet rain')).toBe(true);
    expect(ranked('"quiet rain"')).toBe(false);
    expect(ranked('"rain"')).toBe(true);
  });
});
