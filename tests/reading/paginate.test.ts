import { beforeAll, describe, expect, it } from 'vitest';
import type { Work } from '../../src/library/model.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { renderedLength, renderRange } from '../../src/reading/markdown.js';
import { hasPages, PAGE_BUDGET, pagesOf, paginateChapter, paginateWork, type Page } from '../../src/reading/paginate.js';
import { sentenceRanges } from '../../src/reading/sentences.js';
import { unrenderPage } from '../support/unrender.js';
import { foundingWorks } from './founding-works.js';
import { emphasisedWork, paragraph, prose, sceneBreak, workOf } from './fixtures.js';

function expectReadableChapter(work: Work, chapterIndex: number, pages: Page[]): void {
  expect(pages.map((page) => unrenderPage(page.body)).join('')).toBe(chapterText(work, chapterIndex).text);
  for (const page of pages) expect(page.body.length).toBeLessThanOrEqual(PAGE_BUDGET);
  for (const page of pages.slice(0, -1)) expect(page.body.length).toBeGreaterThanOrEqual(PAGE_BUDGET / 2);
}

const MARKERS = ['**', '__', '~~', '*'];

/**
 * The markers a body leaves open at its end. Every `*`, `_` and `~` the author wrote is escaped, so the others
 * are markers; a run of them closes the innermost open marker first, as the renderer writes them.
 */
function unclosedMarkers(body: string): string[] {
  const open: string[] = [];
  for (const [run] of body.replace(/\\[\s\S]/g, 'x').matchAll(/[*_~]+/g)) {
    for (let at = 0; at < run.length; ) {
      const top = open[open.length - 1];
      const marker = top !== undefined && run.startsWith(top, at) ? top : MARKERS.find((m) => run.startsWith(m, at));
      if (marker === undefined) return [...open, run.slice(at)];
      if (marker === top) open.pop();
      else open.push(marker);
      at += marker.length;
    }
  }
  return open;
}

function meanFill(pages: readonly Page[]): number {
  return pages.reduce((sum, page) => sum + page.body.length, 0) / pages.length / PAGE_BUDGET;
}

describe('paginating the founding works', () => {
  let works: Work[];
  beforeAll(async () => {
    works = await foundingWorks();
  });

  it('keeps every page in budget, no page but a chapter\'s last under half, and gives back every chapter', () => {
    for (const work of works) paginateWork(work).forEach((pages, i) => expectReadableChapter(work, i, pages));
  });

  it('fills pages to at least 85% of the budget on average, work by work', () => {
    for (const work of works) expect(meanFill(paginateWork(work).flat())).toBeGreaterThanOrEqual(0.85);
  });

  it('ends most pages at a paragraph or a scene break', () => {
    const ends = works.flatMap((work) => paginateWork(work).flat()).filter((page) => page.endsAt !== 'end');
    const good = ends.filter((page) => page.endsAt === 'paragraph' || page.endsAt === 'scene');
    expect(good.length / ends.length).toBeGreaterThan(0.8);
  });
});

describe('paginating works with emphasis', () => {
  it('keeps every page in budget and gives back every chapter, epigraph included', () => {
    const work = emphasisedWork();
    const pages = paginateWork(work);
    expect(pages[0]![0]!.body.startsWith('*A tiny spark can set a great forest on fire*\n*James 3:5*')).toBe(true);
    pages.forEach((chapterPages, i) => expectReadableChapter(work, i, chapterPages));
  });

  it('closes every marker a page opens', () => {
    for (const page of paginateWork(emphasisedWork()).flat()) {
      expect(page.body.replace(/\\[\s\S]/g, '')).toMatch(/[*_]/);
      expect(unclosedMarkers(page.body)).toEqual([]);
    }
  });
});

describe('choosing where a page ends', () => {
  it('prefers a scene break to a paragraph end when the page is well filled either way', () => {
    const work = workOf([[paragraph(prose(420, 1)), sceneBreak, paragraph(prose(60, 2)), paragraph(prose(500, 3))]]);
    const chapter = chapterText(work, 0);
    const paragraphEnd = chapter.blocks[3]!.start;
    expect(renderedLength(chapter, 0, paragraphEnd)).toBeLessThanOrEqual(PAGE_BUDGET);
    expect(renderedLength(chapter, 0, paragraphEnd)).toBeGreaterThan(0.75 * PAGE_BUDGET);
    const [first] = paginateChapter(work, 0);
    expect(first!.endsAt).toBe('scene');
    expect(first!.end).toBe(chapter.blocks[2]!.start);
    expect(first!.body.length).toBeGreaterThan(0.75 * PAGE_BUDGET);
  });

  it('cuts a paragraph at a sentence end rather than between words', () => {
    const text = prose(2000, 4);
    const sentenceStarts = new Set(sentenceRanges(text).map((sentence) => sentence.start));
    const pages = paginateChapter(workOf([[paragraph(text)]]), 0);
    expect(pages.length).toBeGreaterThan(2);
    for (const page of pages.slice(0, -1)) {
      expect(page.endsAt).toBe('sentence');
      expect(sentenceStarts.has(page.end)).toBe(true);
    }
  });

  it('balances the last two pages rather than leave a tiny last page', () => {
    const text = prose(600, 5);
    const work = workOf([[paragraph(text)]]);
    const pages = paginateChapter(work, 0);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.body.length).toBeGreaterThan(PAGE_BUDGET / 4);
  });

  it('cuts a token longer than a page at grapheme boundaries, filling the pages', () => {
    const flags = '🇫🇷'.repeat(4000);
    const pages = paginateChapter(workOf([[paragraph(`Before. ${flags} after.`)]]), 0);
    expect(pages.slice(0, -1).every((page) => page.body.length > PAGE_BUDGET - 4)).toBe(true);
    for (const page of pages) expect(page.body.match(/\p{Regional_Indicator}/gu)!.length % 2).toBe(0);
  });

  it('gives an empty chapter one empty page', () => {
    expect(paginateChapter(workOf([[]]), 0)).toEqual([{ index: 0, start: 0, end: 0, body: '', endsAt: 'end' }]);
  });

  it('refuses a budget too small to hold a grapheme with its markers', () => {
    expect(() => paginateChapter(workOf([[paragraph('a')]]), 0, 10)).toThrow(RangeError);
  });

  it('remembers pages per work and budget', () => {
    const work = workOf([[paragraph(prose(3000, 6))]]);
    expect(pagesOf(work, 0)).toBe(pagesOf(work, 0));
    expect(pagesOf(work, 0, 1000)).not.toBe(pagesOf(work, 0));
    expect(pagesOf(work, 0, 1000)).toEqual(paginateChapter(work, 0, 1000));
  });

  it('renders a page\'s body when it is first read, not when the chapter is paginated', () => {
    const work = workOf([[paragraph(prose(3000, 9))]]);
    const [page] = paginateChapter(work, 0);
    const body = Object.getOwnPropertyDescriptor(page, 'body')!;
    expect(body.get).toBeTypeOf('function');
    expect(body.enumerable).toBe(true);
    expect(page!.body).toBe(renderRange(chapterText(work, 0), page!.start, page!.end));
  });

  it('tells whether a chapter\'s pages are remembered without paginating it', () => {
    const work = workOf([[paragraph(prose(3000, 7))], [paragraph(prose(100, 8))]]);
    expect(hasPages(work, 0)).toBe(false);
    expect(hasPages(work, 0)).toBe(false);
    pagesOf(work, 0);
    expect(hasPages(work, 0)).toBe(true);
    expect(hasPages(work, 1)).toBe(false);
    expect(hasPages(work, 0, 1000)).toBe(false);
  });
});
