// bm25_counted (src/search/bm25.c, given the counts src/search/bm25.ts keeps) against FTS5's own bm25: the same
// hits in the same order, for common and rare words, in scopes with a rating filter, and after the index
// changes, when every count kept must be dropped.
import { afterEach, describe, expect, it } from 'vitest';
import type { Rating, Work } from '../../src/library/model.js';
import { SearchIndex } from '../../src/search/index.js';
import { parseQuery } from '../../src/search/query.js';
import { mulberry32 } from '../support/seeded-random.js';
import { paragraph, workOf } from '../reading/fixtures.js';

const open: SearchIndex[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((index) => index.close()));
});

async function opened(options: { bm25Extension?: string | null }): Promise<SearchIndex> {
  const index = await SearchIndex.open(options);
  open.push(index);
  return index;
}

/** Words from common to rare (Zipf-like), so that their weights differ and decide the order. */
const VOCABULARY = ['ember', 'frost', 'lantern', 'harbour', 'willow', 'copper', 'meadow', 'thistle', 'quartz', 'saffron'];
const RATINGS: Rating[] = ['General Audiences', 'Teen And Up Audiences', 'Explicit'];

function corpus(seed: number): Work[] {
  const random = mulberry32(seed);
  const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 2)]!;
  return Array.from({ length: 12 }, (_, w) =>
    workOf(
      Array.from({ length: 2 }, () =>
        Array.from({ length: 6 }, () => paragraph(Array.from({ length: 5 + Math.floor(random() * 400) }, word).join(' ') + '.')),
      ),
      { id: `work-${w}`, rating: RATINGS[w % RATINGS.length]! },
    ),
  );
}

const QUERIES = ['ember', 'saffron', 'frost quartz', 'lantern willow thistle', 'copper meadow ember saffron'];

async function ranked(index: SearchIndex, input: string, scope: readonly Work[]): Promise<string[]> {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.problem);
  const results = await index.search(parsed.query, scope, { offset: 0, limit: 1000 });
  expect(results.order).toBe('relevance');
  return results.hits.map((hit) => `${hit.work.id}:${hit.chapter}:${hit.offset}`);
}

async function expectSameRanking(counted: SearchIndex, fts5: SearchIndex, works: readonly Work[]): Promise<void> {
  const notExplicit = works.filter((work) => work.meta.rating !== 'Explicit');
  for (const scope of [works, notExplicit, [works[1]!, works[5]!]]) {
    for (const input of QUERIES) {
      const hits = await ranked(counted, input, scope);
      expect(hits.length).toBeGreaterThan(1);
      expect(hits, `${input} in ${scope.length} works`).toEqual(await ranked(fts5, input, scope));
    }
  }
}

describe('bm25_counted', () => {
  it('is what the index ranks with once built, and FTS5’s bm25 without it', async () => {
    expect((await opened({})).ranking).toBe('bm25_counted');
    expect((await opened({ bm25Extension: null })).ranking).toBe('bm25');
    expect((await opened({ bm25Extension: 'dist/no-such-extension.so' })).ranking).toBe('bm25');
  });

  it('ranks as FTS5’s bm25 does, before and after the library changes', async () => {
    const works = corpus(11);
    const [counted, fts5] = [await opened({}), await opened({ bm25Extension: null })];
    expect(counted.ranking).toBe('bm25_counted');
    await Promise.all([counted.build(works), fts5.build(works)]);
    await expectSameRanking(counted, fts5, works);
    // The rarest words become the commonest: a count kept from before would now weigh them wrongly.
    const changed = workOf([Array.from({ length: 40 }, (_, i) => paragraph(`saffron quartz thistle ${i}.`))], { id: 'work-3' });
    const later = works.map((work) => (work.id === changed.id ? changed : work));
    for (const index of [counted, fts5]) {
      await index.replace(changed);
      await index.remove('work-4');
    }
    await expectSameRanking(counted, fts5, later.filter((work) => work.id !== 'work-4'));
  });
});
