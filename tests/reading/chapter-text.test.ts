import { describe, expect, it } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { paragraph, sceneBreak, workOf } from './fixtures.js';

describe('the chapter text', () => {
  const work = workOf([[paragraph('First.'), sceneBreak, paragraph('Second.', [{ start: 0, end: 6, style: 'bold' }])], [paragraph('Next.')]], {
    epigraph: ['A tiny spark', 'James 3:5'],
  });

  it('joins paragraphs with a blank line, marks scene breaks, and puts the epigraph first in chapter 0 only', () => {
    const first = chapterText(work, 0);
    expect(first.text).toBe('A tiny spark\nJames 3:5\n\nFirst.\n\n⁂\n\nSecond.');
    expect(first.spans).toEqual([
      { start: 0, end: 12, style: 'italic' },
      { start: 13, end: 22, style: 'italic' },
      { start: 35, end: 41, style: 'bold' },
    ]);
    expect(first.blocks.map((b) => b.kind)).toEqual(['epigraph', 'paragraph', 'sceneBreak', 'paragraph']);
    expect(chapterText(work, 1).text).toBe('Next.');
  });

  it('builds each chapter text once, as the indexes over it are remembered per text', () => {
    expect(chapterText(work, 0)).toBe(chapterText(work, 0));
    expect(chapterText(work, 1)).not.toBe(chapterText(work, 0));
  });

  it('refuses a chapter the work does not have', () => {
    expect(() => chapterText(work, 2)).toThrow(RangeError);
  });
});
