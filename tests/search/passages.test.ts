import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { PASSAGE_MAX, passagesOf } from '../../src/search/passages.js';
import { paragraph, sceneBreak, workOf } from '../reading/fixtures.js';
import { syntheticWork } from '../reading/synthetic-work.js';

const seeds = (await loadLibrary('seeds')).works;
const fixtures = (await loadLibrary('tests/e2e/fixtures')).works;
const built = [
  workOf([[paragraph('One.'), sceneBreak, paragraph('Two.')], [paragraph('x'.repeat(PASSAGE_MAX * 2 + 10)), paragraph('Three.')]], { id: 'built', epigraph: ['An epigraph', '— its source'] }),
  workOf([[paragraph(`${'word '.repeat(PASSAGE_MAX)}end`)]], { id: 'one-long-paragraph' }),
  syntheticWork(300_000),
];

describe('passagesOf', () => {
  it.each([...seeds, ...fixtures, ...built].map((work) => [work.id, work] as const))(
    'cuts %s into passages that are slices of its chapter text, cover it and keep within the limit',
    (_id, work) => {
      const passages = [...passagesOf(work)];
      work.chapters.forEach((_, chapter) => {
        const { text } = chapterText(work, chapter);
        const here = passages.filter((p) => p.chapter === chapter);
        let covered = 0;
        for (const passage of here) {
          expect(passage.text).toBe(text.slice(passage.start, passage.start + passage.text.length));
          expect(passage.text.length).toBeLessThanOrEqual(PASSAGE_MAX);
          // What lies between two passages is only a block separator or the space a long paragraph was cut at.
          expect(text.slice(covered, passage.start)).toMatch(/^\s*$/);
          covered = passage.start + passage.text.length;
        }
        expect(covered).toBe(text.length);
      });
    },
  );
});
