import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { paginateChapter } from '../../src/reading/paginate.js';
import { minutesLeftInChapter, pageOf, percentOfWork, placeAtPercent } from '../../src/reading/positions.js';
import { WORDS_PER_MINUTE } from '../../src/reading/time.js';
import { budget, chapterWork } from './arbitraries.js';
import { paragraph, prose, workOf } from './fixtures.js';

describe('positions and pages', () => {
  it('maps each page start back to its page', () => {
    fc.assert(
      fc.property(chapterWork, budget, (work, size) => {
        const pages = paginateChapter(work, 0, size);
        pages.forEach((page, i) => expect(pageOf(pages, page.start)).toBe(i));
      }),
    );
  });

  it('opens a position saved under one budget on the page holding it under another', () => {
    fc.assert(
      fc.property(chapterWork, budget, budget, (work, before, after) => {
        const old = paginateChapter(work, 0, before);
        const now = paginateChapter(work, 0, after);
        for (const page of old) {
          const found = now[pageOf(now, page.start)]!;
          expect(found.start <= page.start && (page.start < found.end || found.end === found.start)).toBe(true);
        }
      }),
    );
  });

  it('finds the page holding any offset', () => {
    fc.assert(
      fc.property(chapterWork, budget, fc.nat(), (work, size, n) => {
        const pages = paginateChapter(work, 0, size);
        const offset = n % (chapterText(work, 0).text.length + 1);
        const page = pages[pageOf(pages, offset)]!;
        expect(page.start <= offset && (offset < page.end || page === pages[pages.length - 1])).toBe(true);
      }),
    );
  });

  const work = workOf([[paragraph(prose(3000, 9))]]);
  const pages = paginateChapter(work, 0);
  test.each([
    ['before the start', -5, 0],
    ['at the start', 0, 0],
    ['past the end', 10 ** 9, pages.length - 1],
    ['at the end', chapterText(work, 0).text.length, pages.length - 1],
  ])('clamps an offset %s', (_, offset, index) => {
    expect(pageOf(pages, offset)).toBe(index);
  });
});

describe('progress through a work', () => {
  const work = workOf([[paragraph('one two three four')], [paragraph('five six seven ten')]]);

  test.each([
    [0, 0, 0],
    [0, 9, 25],
    [1, 0, 50],
    [1, 18, 100],
    [1, 999, 100],
  ])('chapter %i at offset %i is %i% of the work', (chapter, offset, percent) => {
    expect(percentOfWork(work, chapter, offset)).toBe(percent);
  });

  test.each([
    [0, { chapter: 0, offset: 0 }],
    [25, { chapter: 0, offset: 9 }],
    [50, { chapter: 1, offset: 0 }],
    [100, { chapter: 1, offset: 18 }],
  ])('finds %i% of the work at %o', (percent, place) => {
    expect(placeAtPercent(work, percent)).toEqual(place);
  });

  it('finds the first place at which the work is P% read, for every P', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (percent) => {
        const long = workOf([[paragraph(prose(300, 1))], [], [paragraph(prose(500, 2))], [paragraph(prose(77, 3))]]);
        const { chapter, offset } = placeAtPercent(long, percent);
        expect(percentOfWork(long, chapter, offset)).toBe(percent);
        if (offset > 0) expect(percentOfWork(long, chapter, offset - 1)).toBeLessThan(percent);
      }),
    );
  });

  it('reaches 100% only at the very end of the work', () => {
    const long = workOf([[paragraph(prose(1000, 3))]]);
    const { length } = chapterText(long, 0).text;
    expect(percentOfWork(long, 0, length - 1)).toBe(99);
    expect(percentOfWork(long, 0, length)).toBe(100);
  });

  it(`counts minutes left in a chapter at ${WORDS_PER_MINUTE} words a minute, rounded up`, () => {
    const long = workOf([[paragraph(prose(1000, 3))]]);
    expect(minutesLeftInChapter(long, 0, 0)).toBe(Math.ceil(1000 / WORDS_PER_MINUTE));
    expect(minutesLeftInChapter(long, 0, chapterText(long, 0).text.length)).toBe(0);
  });
});
