// The one-pass paginator must cut exactly where the paginator before it did (kept in ./reference, as of
// f92bef3) and render the same bodies: same pages, same page count, byte for byte.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Work } from '../../src/library/model.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { renderedLength, renderRange } from '../../src/reading/markdown.js';
import { PAGE_BUDGET, paginateText } from '../../src/reading/paginate.js';
import { budget, chapterWork } from './arbitraries.js';
import { foundingWorks } from './founding-works.js';
import { emphasisedWork, paragraph, prose, sceneBreak, workOf } from './fixtures.js';
import * as reference from './reference/markdown.js';
import { paginateText as referencePaginateText } from './reference/paginate.js';
import { syntheticWork } from './synthetic-work.js';

/** Every page of every chapter as plain fields, so a lazily rendered body compares like a stored one. */
function pagesOfWork(work: Work, size: number, paginate: typeof paginateText) {
  return work.chapters.map((_, i) =>
    paginate(chapterText(work, i), size).map(({ index, start, end, endsAt, body }) => ({ index, start, end, endsAt, body })),
  );
}

function expectSamePages(work: Work, size: number): void {
  expect(pagesOfWork(work, size, paginateText)).toEqual(pagesOfWork(work, size, referencePaginateText));
}

/** The works paginate.test.ts builds, for their edge cases: scene breaks, one long paragraph, a tiny rest, a long token. */
const FIXTURES: Work[] = [
  emphasisedWork(),
  workOf([[paragraph(prose(420, 1)), sceneBreak, paragraph(prose(60, 2)), paragraph(prose(500, 3))]]),
  workOf([[paragraph(prose(2000, 4))]]),
  workOf([[paragraph(prose(600, 5))]]),
  workOf([[paragraph(`Before. ${'🇫🇷'.repeat(4000)} after.`)]]),
  workOf([[]]),
  workOf([[paragraph(prose(3000, 6))], [paragraph(prose(100, 8))]]),
];

describe('the one-pass paginator against the paginator before it', () => {
  let works: Work[];
  beforeAll(async () => {
    works = await foundingWorks();
  });

  it.each([PAGE_BUDGET, 1000, 300])('cuts the founding works at the same places, with the same bodies, at budget %i', (size) => {
    for (const work of works) expectSamePages(work, size);
  });

  it.each([PAGE_BUDGET, 1000, 120])('cuts the test fixtures at the same places, with the same bodies, at budget %i', (size) => {
    for (const work of FIXTURES) expectSamePages(work, size);
  });

  it.each([PAGE_BUDGET, 700])('cuts 300 kB of generated prose at the same places, with the same bodies, at budget %i', (size) => {
    expectSamePages(syntheticWork(300_000), size);
  });

  it('cuts generated chapters with tokens longer than a page, emoji, marks and markup at the same places', () => {
    fc.assert(
      fc.property(chapterWork, budget, (work, size) => expectSamePages(work, size)),
      { numRuns: 400 },
    );
  });

  it('renders and measures any range of a generated chapter as before', () => {
    fc.assert(
      fc.property(chapterWork, fc.nat(), fc.nat(), (work, a, b) => {
        const chapter = chapterText(work, 0);
        const n = chapter.text.length + 1;
        const [start, end] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        expect(renderRange(chapter, start, end)).toBe(reference.renderRange(chapter, start, end));
        expect(renderedLength(chapter, start, end)).toBe(reference.renderedLength(chapter, start, end));
      }),
      { numRuns: 400 },
    );
  });
});
