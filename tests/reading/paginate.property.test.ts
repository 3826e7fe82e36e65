import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { paginateChapter } from '../../src/reading/paginate.js';
import { renderRange } from '../../src/reading/markdown.js';
import { unrenderPage } from '../support/unrender.js';
import { budget, chapterWork } from './arbitraries.js';

const SPACE_GRAPHEME = /^[ \t\n\r\f\v\u1680\u2000-\u2006\u2008-\u200A\u2028\u2029\u205F\u3000]+$/;
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemeEnds(text: string): Set<number> {
  return new Set([0, ...Array.from(graphemes.segment(text), (g) => g.index + g.segment.length)]);
}

/** Words as a reader sees them: maximal runs of graphemes that are not all space. */
function wordsOf(text: string): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  for (const { index, segment } of graphemes.segment(text)) {
    const last = words[words.length - 1];
    if (SPACE_GRAPHEME.test(segment)) continue;
    if (last && last.end === index) last.end = index + segment.length;
    else words.push({ start: index, end: index + segment.length });
  }
  return words;
}

const cases = fc.tuple(chapterWork, budget);

describe('paginating generated chapters', () => {
  it('gives back the chapter text when the pages are read in order and unrendered', () => {
    fc.assert(
      fc.property(cases, ([work, size]) => {
        const pages = paginateChapter(work, 0, size);
        const { text } = chapterText(work, 0);
        expect(pages.map((p) => unrenderPage(p.body)).join('')).toBe(text);
        for (const page of pages) expect(unrenderPage(page.body)).toBe(text.slice(page.start, page.end));
      }),
    );
  });

  it('never puts more on a page than the budget, markers and backslashes included', () => {
    fc.assert(
      fc.property(cases, ([work, size]) => {
        for (const page of paginateChapter(work, 0, size)) expect(page.body.length).toBeLessThanOrEqual(size);
      }),
    );
  });

  it('covers the text with contiguous page ranges, from its start to its end', () => {
    fc.assert(
      fc.property(cases, ([work, size]) => {
        const pages = paginateChapter(work, 0, size);
        const { text } = chapterText(work, 0);
        expect(pages[0]!.start).toBe(0);
        expect(pages[pages.length - 1]!.end).toBe(text.length);
        pages.forEach((page, i) => {
          expect(page.index).toBe(i);
          expect(page.end).toBeGreaterThan(page.start);
          if (i > 0) expect(page.start).toBe(pages[i - 1]!.end);
        });
      }),
    );
  });

  it('never ends a page inside a word that fits on a page', () => {
    fc.assert(
      fc.property(cases, ([work, size]) => {
        const chapter = chapterText(work, 0);
        const words = wordsOf(chapter.text);
        for (const page of paginateChapter(work, 0, size).slice(0, -1)) {
          const word = words.find((w) => w.start < page.end && page.end < w.end);
          if (word) expect(renderRange(chapter, word.start, word.end).length).toBeGreaterThan(size);
        }
      }),
    );
  });

  it('never splits a surrogate pair, an emoji sequence, a flag or a letter from its accents', () => {
    fc.assert(
      fc.property(cases, ([work, size]) => {
        const ends = graphemeEnds(chapterText(work, 0).text);
        for (const page of paginateChapter(work, 0, size)) expect(ends.has(page.end)).toBe(true);
      }),
    );
  });
});
