import { beforeAll, describe, expect, it } from 'vitest';
import type { Work } from '../../src/library/model.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { EXCERPT_MAX, EXCERPT_MIN, excerptMarkdown, pickExcerpt, type Excerpt } from '../../src/reading/excerpt.js';
import { sentenceRanges } from '../../src/reading/sentences.js';
import { mulberry32 } from '../support/seeded-random.js';
import { unrenderPage } from '../support/unrender.js';
import { foundingWorks } from './founding-works.js';
import { paragraph, prose, sceneBreak, workOf } from './fixtures.js';

/** Sentence starts and ends of a chapter, in chapter offsets. */
function sentenceEdges(work: Work, chapterIndex: number): { starts: Set<number>; ends: Set<number> } {
  const { text, blocks } = chapterText(work, chapterIndex);
  const starts = new Set<number>();
  const ends = new Set<number>();
  for (const block of blocks.filter((b) => b.kind === 'paragraph')) {
    for (const s of sentenceRanges(text.slice(block.start, block.end))) {
      starts.add(block.start + s.start);
      ends.add(block.start + s.end);
    }
  }
  return { starts, ends };
}

function sceneOf(work: Work, excerpt: Excerpt): { start: number; end: number } {
  const { text, blocks } = chapterText(work, excerpt.chapterIndex);
  const breaks = blocks.filter((b) => b.kind === 'sceneBreak');
  const start = Math.max(0, ...breaks.filter((b) => b.end <= excerpt.start).map((b) => b.end));
  const end = Math.min(text.length, ...breaks.filter((b) => b.start >= excerpt.end).map((b) => b.start));
  return { start, end };
}

describe('picking excerpts', () => {
  let works: Work[];
  const shortScene = workOf([[paragraph('A short scene. Only two sentences.'), sceneBreak, paragraph('Another one.')]], { id: 'short', rating: 'Explicit' });
  beforeAll(async () => {
    works = [...(await foundingWorks()), shortScene, workOf([[paragraph(prose(900, 2)), sceneBreak, paragraph(prose(400, 3))]], { id: 'prose' })];
  });

  it('draws 1,000 contiguous passages of whole sentences, 300 to 1,200 characters unless the scene is shorter, within one scene', () => {
    const rng = mulberry32(20240601);
    for (let i = 0; i < 1000; i++) {
      const excerpt = pickExcerpt(rng, works, () => true)!;
      const { text, blocks } = chapterText(excerpt.work, excerpt.chapterIndex);
      expect(excerpt.text).toBe(text.slice(excerpt.start, excerpt.end));
      const edges = sentenceEdges(excerpt.work, excerpt.chapterIndex);
      expect(edges.starts.has(excerpt.start)).toBe(true);
      expect(edges.ends.has(excerpt.end)).toBe(true);
      expect(blocks.some((b) => b.kind === 'sceneBreak' && excerpt.start < b.end && b.start < excerpt.end)).toBe(false);
      expect(excerpt.text.length).toBeLessThanOrEqual(EXCERPT_MAX);
      const scene = sceneOf(excerpt.work, excerpt);
      if (excerpt.text.length < EXCERPT_MIN) expect(text.slice(scene.start, scene.end).trim()).toBe(excerpt.text);
    }
  });

  it('never takes a passage from a work the filter excludes', () => {
    const rng = mulberry32(7);
    const allow = (w: Work) => w.meta.rating !== 'Explicit';
    expect(works.some((w) => !allow(w))).toBe(true);
    for (let i = 0; i < 1000; i++) expect(allow(pickExcerpt(rng, works, allow)!.work)).toBe(true);
  });

  it('draws from every allowed work', () => {
    const rng = mulberry32(11);
    const seen = new Set(Array.from({ length: 200 }, () => pickExcerpt(rng, works, () => true)!.work.id));
    expect(seen.size).toBe(works.length);
  });

  it('gives the same passages for the same seed', () => {
    const draw = (seed: number) => Array.from({ length: 20 }, ((rng) => () => pickExcerpt(rng, works, () => true)!.start)(mulberry32(seed)));
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('has nothing to give when no work is allowed, or no work has a passage that fits', () => {
    expect(pickExcerpt(mulberry32(1), works, () => false)).toBeUndefined();
    const oneHugeSentence = workOf([[paragraph('word '.repeat(400).trim() + '.')]]);
    expect(pickExcerpt(mulberry32(1), [oneHugeSentence], () => true)).toBeUndefined();
  });

  it('renders an excerpt for Discord, escaped like a page', () => {
    const work = workOf([[paragraph('- Stars *here* and there. ' + prose(80, 1), [{ start: 2, end: 7, style: 'bold' }])]]);
    const excerpt = pickExcerpt(mulberry32(1), [work], () => true)!;
    const markdown = excerptMarkdown(excerpt);
    expect(markdown.startsWith('\\- **Stars** \\*here\\*')).toBe(true);
    expect(unrenderPage(markdown)).toBe(excerpt.text);
  });
});
