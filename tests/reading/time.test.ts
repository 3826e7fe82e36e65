import { describe, expect, it, test } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { readingMinutes, WORDS_PER_MINUTE, wordsFrom } from '../../src/reading/time.js';
import { paragraph, sceneBreak, workOf } from './fixtures.js';

describe('reading time', () => {
  test.each([
    [0, 0],
    [1, 1],
    [WORDS_PER_MINUTE, 1],
    [WORDS_PER_MINUTE + 1, 2],
  ])(`reads %i words in %i minutes at ${WORDS_PER_MINUTE} words a minute, rounded up`, (words, minutes) => {
    expect(readingMinutes(words)).toBe(minutes);
  });

  it('counts the words left in a chapter, epigraph in, scene break ornaments out', () => {
    const chapter = chapterText(workOf([[paragraph('a b'), sceneBreak, paragraph('c')]], { epigraph: ['d e'] }), 0);
    expect(chapter.text).toBe('d e\n\na b\n\n⁂\n\nc');
    expect(wordsFrom(chapter, 0)).toBe(5);
    expect(wordsFrom(chapter, chapter.text.indexOf('b'))).toBe(2);
    expect(wordsFrom(chapter, chapter.text.indexOf('⁂'))).toBe(1);
    expect(wordsFrom(chapter, chapter.text.length)).toBe(0);
  });
});
