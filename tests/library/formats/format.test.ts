import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headLines } from '../../../src/library/formats/format.js';

describe('the head of a file, from its lines', () => {
  it('is the lines that the head of its whole text splits into', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '😀'), { maxLength: 40 }).map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(text, fc.nat(12), fc.nat(30), (whole, maxLines, maxChars) => {
        expect(headLines(whole.split('\n'), maxLines, maxChars)).toStrictEqual(whole.slice(0, maxChars).split('\n', maxLines));
      }),
      { numRuns: 3000 },
    );
  });
});
