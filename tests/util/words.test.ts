import { describe, expect, it } from 'vitest';
import { countWords, wordStarts } from '../../src/util/words.js';

describe('words', () => {
  it('counts runs of non-space characters, whatever the spaces between them', () => {
    const text = '  One\ttwo\n\nthree — four…  ';
    expect(wordStarts(text)).toEqual([2, 6, 11, 17, 19]);
    expect(countWords(text)).toBe(5);
    expect(countWords('')).toBe(0);
  });
});
