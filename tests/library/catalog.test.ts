import { describe, expect, it } from 'vitest';
import { Catalog } from '../../src/library/catalog.js';
import { loadLibrary } from '../../src/library/load.js';
import type { Work, WorkMeta } from '../../src/library/model.js';
import { countWords } from '../../src/library/stats.js';

function work(id: string, title: string, meta: Partial<WorkMeta> = {}): Work {
  return {
    id,
    file: `${id}.txt`,
    format: 'text',
    meta: { title, rating: 'General Audiences', warnings: [], fandoms: [], relationships: [], characters: [], tags: [], ...meta },
    epigraph: [],
    chapters: [{ title, blocks: [{ kind: 'paragraph', text: 'one  two\u00a0three\nfour', spans: [] }] }],
  };
}

const spark = work('a-tiny-spark', 'A Tiny Spark', { rating: 'Explicit', fandoms: ['Shadowhunters (TV)'] });
const step = work('one-step-at-a-time', 'One Step At A Time', { fandoms: ['Shadowhunters (TV)'] });
const night = work('one-night-only', 'One Night Only', { author: 'Nova Pen' });
const catalog = new Catalog([spark, step, night]);
const titles = (works: readonly Work[]) => works.map((w) => w.meta.title);
const sfw = (w: Work) => w.meta.rating !== 'Explicit';

describe('Catalog.resolve', () => {
  it.each([
    ['the id', 'one-step-at-a-time'],
    ['the exact title', 'One Step At A Time'],
    ['the title in any case', 'one STEP at a time'],
    ['an unambiguous title prefix', 'one st'],
    ['an unambiguous id prefix', 'one-ste'],
    ['surrounding spaces', '  One Step At A Time '],
  ])('finds a work by %s', (_, query) => {
    expect(catalog.resolve(query)).toEqual({ kind: 'found', work: step });
  });

  it('answers an ambiguous prefix with the works it could mean', () => {
    const result = catalog.resolve('one');
    expect(result.kind).toBe('ambiguous');
    expect(result.kind !== 'found' && titles(result.suggestions).sort()).toEqual(['One Night Only', 'One Step At A Time']);
  });

  it('answers an unknown query with the closest titles, at most 5', () => {
    const result = catalog.resolve('A Tiny Sprak');
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && titles(result.suggestions)[0]).toBe('A Tiny Spark');
    const many = new Catalog(Array.from({ length: 9 }, (_, n) => work(`w${n}`, `Work ${n}`)));
    const none = many.resolve('zzz');
    expect(none.kind === 'none' && none.suggestions.length).toBe(5);
  });

  it('never finds or suggests a work the filter does not allow', () => {
    const result = catalog.resolve('a-tiny-spark', sfw);
    expect(result.kind).toBe('none');
    expect(result.kind === 'none' && titles(result.suggestions)).not.toContain('A Tiny Spark');
  });

  it('looks works up by id', () => {
    expect(catalog.byId('one-night-only')).toBe(night);
    expect(catalog.byId('nope')).toBeUndefined();
    expect(catalog.all()).toEqual([spark, step, night]);
  });
});

describe('Catalog.suggest', () => {
  it("offers One Step At A Time for 'one st'", () => {
    expect(titles(catalog.suggest('one st', () => true))).toEqual(['One Step At A Time']);
  });

  it('puts title prefixes before matches inside the title, author or fandom', () => {
    expect(titles(catalog.suggest('o', () => true))).toEqual(['One Step At A Time', 'One Night Only', 'A Tiny Spark']);
    expect(titles(catalog.suggest('one', () => true))).toEqual(['One Step At A Time', 'One Night Only']);
    expect(titles(catalog.suggest('nova', () => true))).toEqual(['One Night Only']);
    expect(titles(catalog.suggest('shadowhunters', () => true))).toEqual(['A Tiny Spark', 'One Step At A Time']);
  });

  it('respects the filter and the limit', () => {
    expect(titles(catalog.suggest('', sfw))).toEqual(['One Step At A Time', 'One Night Only']);
    expect(catalog.suggest('', () => true, 2)).toHaveLength(2);
    const many = new Catalog(Array.from({ length: 40 }, (_, n) => work(`w${n}`, `Work ${n}`)));
    expect(many.suggest('w', () => true)).toHaveLength(25);
  });
});

describe('countWords', () => {
  it('counts whitespace-separated tokens of paragraph text', () => {
    expect(countWords(step)).toBe(4);
  });

  it('counts the founding works', async () => {
    const { works } = await loadLibrary(new URL('../../seeds/', import.meta.url).pathname);
    expect(works.map(countWords).every((words) => words > 3000)).toBe(true);
  });
});
