import { afterEach, describe, expect, it } from 'vitest';
import type { Work } from '../../src/library/model.js';
import { mayShow } from '../../src/rating-gate/policy.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { SearchIndex, type SearchResults } from '../../src/search/index.js';
import { parseQuery, type SearchQuery } from '../../src/search/query.js';
import { paragraph, prose, sceneBreak, workOf } from '../reading/fixtures.js';

const open: SearchIndex[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((index) => index.close()));
});

async function indexOf(works: readonly Work[], options?: { cap?: number }): Promise<SearchIndex> {
  const index = await SearchIndex.open(options);
  open.push(index);
  await index.build(works);
  return index;
}

function query(input: string): SearchQuery {
  const parsed = parseQuery(input);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.query;
}

async function find(index: SearchIndex, input: string, scope: readonly Work[], limit = 10): Promise<SearchResults> {
  return index.search(query(input), scope, { offset: 0, limit });
}

const evening = workOf(
  [
    [paragraph(`${prose(400, 1)} A storm.`), paragraph('The lamps came on, and the quiet rain kept falling over the Café Noir.')],
    [paragraph(prose(300, 2)), sceneBreak, paragraph('Rain, quiet as ever, found the naïve *stars* and snake_case signs.')],
  ],
  { id: 'evening', epigraph: ['Before the rain', '— nobody'] },
);
const storm = workOf([[paragraph('Storm storm storm over the harbour.'), paragraph(prose(500, 3))]], { id: 'storm' });
const spark = workOf([[paragraph('A quiet rain over the burning city, rated for grown-ups.')]], { id: 'spark', rating: 'Explicit' });
const other = workOf([[paragraph('Quiet rain again, in another explicit work.')]], { id: 'other', rating: 'Explicit' });
const library = [evening, storm, spark, other];
const normalChannel = library.filter((work) => mayShow({ kind: 'channel', ageRestricted: false }, work));

/** The text a hit's offset points at. */
function textAt(work: Work, chapter: number, offset: number, length: number): string {
  return chapterText(work, chapter).text.slice(offset, offset + length);
}

describe('SearchIndex', () => {
  it('is building until its first build is done', async () => {
    const index = await SearchIndex.open();
    open.push(index);
    expect(index.state).toBe('building');
    await index.build(library);
    expect(index.state).toBe('ready');
  });

  it('says its build failed, rather than building for ever, and is ready after a build that succeeds', async () => {
    const index = await SearchIndex.open();
    open.push(index);
    const unreadable = { ...storm, id: 'unreadable', get chapters(): never { throw new Error('no chapters') } } as Work;
    await expect(index.build([evening, unreadable])).rejects.toThrow('no chapters');
    expect(index.state).toBe('failed');
    await index.build(library);
    expect(index.state).toBe('ready');
  });

  it('finds words in any order, and a quoted phrase only where its words stand together', async () => {
    const index = await indexOf(library);
    const anyOrder = await find(index, 'rain quiet', [evening]);
    expect(anyOrder.hits.map((h) => h.chapter).sort()).toEqual([0, 1]);
    const phrase = await find(index, '"quiet rain"', [evening]);
    expect(phrase.hits.map((h) => [h.chapter, textAt(evening, h.chapter, h.offset, 10)])).toEqual([[0, 'quiet rain']]);
  });

  it('ignores case and diacritics both ways', async () => {
    const index = await indexOf(library);
    for (const typed of ['CAFE noir', 'café NOIR', '"cafe noir"']) {
      const { hits } = await find(index, typed, library);
      expect(hits.map((h) => textAt(h.work, h.chapter, h.offset, 4))).toEqual(['Café']);
    }
    expect((await find(index, 'NAIVE', library)).hits).toHaveLength(1);
  });

  it('ranks by bm25: a short passage full of the word before a long one that says it once', async () => {
    const index = await indexOf(library);
    const { hits, order } = await find(index, 'storm', library);
    expect(order).toBe('relevance');
    expect(hits.map((h) => h.work.id)).toEqual(['storm', 'evening']);
    expect(textAt(storm, 0, hits[0]!.offset, 5)).toBe('Storm');
  });

  it('lists a phrase’s hits in library order, as the index was built, a page at a time, saying when more follow', async () => {
    const index = await indexOf(library);
    const { hits, order } = await find(index, '"quiet rain"', [other, evening, spark]);
    expect(order).toBe('library');
    expect(hits.map((h) => h.work.id)).toEqual(['evening', 'spark', 'other']);
    const pages = await Promise.all([0, 1, 2, 3].map((offset) => index.search(query('"quiet rain"'), library, { offset, limit: 1 })));
    expect(pages.map((page) => [page.hits.map((h) => h.work.id), page.total, page.more])).toEqual([
      [['evening'], 1, true],
      [['spark'], 2, true],
      [['other'], 3, false],
      [[], 3, false],
    ]);
  });

  it('snippets the text around the match, the match in bold and the rest escaped for Discord', async () => {
    const index = await indexOf(library);
    const [hit] = (await find(index, '"naive stars"', [evening])).hits;
    expect(hit?.snippet).toMatch(/^… [^*]+ ⁂ Rain, quiet as ever, found the \*\*naïve \\\*stars\*\*\\\* and snake\\_case signs\.$/);
    expect(textAt(evening, 1, hit!.offset, 5)).toBe('naïve');
    expect(hit!.snippet.length).toBeLessThan(400);
  });

  it('bolds every match inside the snippet, cuts long text at a space with an ellipsis and puts it on one line', async () => {
    const index = await indexOf(library);
    const [lamps] = (await find(index, 'lamps rain', [evening])).hits;
    expect(lamps?.snippet).toBe('The **lamps** came on, and the quiet **rain** kept falling over the Café Noir.');
    const [storms] = (await find(index, 'storm', [storm])).hits;
    expect(storms?.snippet).toMatch(/^\*\*Storm\*\* \*\*storm\*\* \*\*storm\*\* over the harbour\. [A-Z][^*\n]+[^ ] …$/);
    expect(storms?.snippet).not.toContain('\n');
  });

  it('searches only the works it is given: a normal channel’s works leave the Explicit ones out', async () => {
    const index = await indexOf(library);
    const here = await find(index, 'quiet rain', normalChannel);
    expect(here.hits.map((h) => h.work.id)).toEqual(['evening', 'evening']);
    const everywhere = await find(index, 'quiet rain', library);
    expect(new Set(everywhere.hits.map((h) => h.work.id))).toEqual(new Set(['evening', 'spark', 'other']));
    // A scope that is not a set of whole ratings (one Explicit work of two) is kept as well.
    const mixed = await find(index, 'quiet rain', [storm, other]);
    expect(mixed.hits.map((h) => h.work.id)).toEqual(['other']);
    expect((await find(index, 'quiet rain', [])).hits).toEqual([]);
  });

  it('pages through the hits and says how many there are', async () => {
    const index = await indexOf(library);
    const all = await find(index, 'rain', library);
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(4);
    expect(all.more).toBe(false);
    const second = await index.search(query('rain'), library, { offset: 2, limit: 2 });
    expect(second.hits.map((h) => [h.work.id, h.offset])).toEqual(all.hits.slice(2, 4).map((h) => [h.work.id, h.offset]));
    // A page past the end (a message older than a change of the library) still says how many there are.
    const past = await index.search(query('rain'), library, { offset: all.total + 3, limit: 2 });
    expect([past.hits, past.total]).toEqual([[], all.total]);
  });

  it('stops at its cap, and says there are more', async () => {
    const many = workOf([Array.from({ length: 12 }, (_, i) => paragraph(`Rain ${i}. ${prose(400, i)}`))], { id: 'many' });
    const index = await indexOf([many], { cap: 5 });
    const results = await find(index, 'rain', [many]);
    expect(results.total).toBe(5);
    expect(results.more).toBe(true);
  });

  it('replaces one work and removes another, for a reload of the library', async () => {
    const index = await indexOf(library);
    const changed = workOf([[paragraph('Sunshine now, no weather of that kind.')]], { id: 'evening' });
    await index.replace(changed);
    await index.remove('spark');
    const rain = await find(index, 'quiet rain', [changed, storm, spark, other]);
    expect(rain.hits.map((h) => h.work.id)).toEqual(['other']);
    const [sun] = (await find(index, 'sunshine', [changed])).hits;
    expect(sun?.work).toBe(changed);
  });
});
