import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Breaks } from '../../src/reading/breaks.js';
import { chapterText, type ChapterText } from '../../src/reading/chapter-text.js';
import { chapterWork } from './arbitraries.js';
import { paragraph, sceneBreak, workOf } from './fixtures.js';
import { breakIndex } from './reference/breaks.js';

/** Every break and its rank, walking forwards with after(). */
function walkForwards(chapter: ChapterText): [number, number][] {
  const breaks = new Breaks(chapter);
  const found: [number, number][] = [];
  for (let at = breaks.after(0); at !== -1; at = breaks.after(at)) found.push([at, breaks.rankOf(at)]);
  return found;
}

/** The breaks the break index of the paginator before this one listed, with their ranks. */
function indexed(chapter: ChapterText): [number, number][] {
  const { positions, ranks } = breakIndex(chapter);
  return Array.from(positions, (at, i) => [at, ranks[i]!]);
}

describe('finding where a page may end', () => {
  it('finds, walking forwards, the breaks and ranks the whole-chapter break index listed', () => {
    fc.assert(
      fc.property(chapterWork, (work) => {
        const chapter = chapterText(work, 0);
        expect(walkForwards(chapter)).toEqual(indexed(chapter));
      }),
    );
  });

  it('finds, looking back from any offset, the last break after a floor', () => {
    fc.assert(
      fc.property(chapterWork, fc.nat(), fc.nat(), (work, a, b) => {
        const chapter = chapterText(work, 0);
        const n = chapter.text.length + 2;
        const [floor, at] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        const expected = indexed(chapter).filter(([p]) => floor < p && p <= at).pop()?.[0] ?? -1;
        expect(new Breaks(chapter).before(at, floor)).toBe(expected);
      }),
    );
  });

  it('ranks scene breaks over paragraph ends over sentence ends over word starts', () => {
    const work = workOf([[paragraph('One two. Three'), sceneBreak, paragraph('Five six'), paragraph('Seven')]]);
    const chapter = chapterText(work, 0);
    const at = (s: string) => chapter.text.indexOf(s);
    expect(walkForwards(chapter)).toEqual([
      [at('two'), 1],
      [at('Three'), 2],
      [at('⁂'), 4],
      [at('Five'), 4],
      [at('six'), 1],
      [at('Seven'), 3],
    ]);
  });
});
