import { describe, expect, it } from 'vitest';
import { plural } from '../../src/util/plural.js';

describe('plural', () => {
  it.each([
    [0, 'work', undefined, '0 works'],
    [1, 'work', undefined, '1 work'],
    [2, 'chapter', undefined, '2 chapters'],
    [1, 'more work is', 'more works are', '1 more work is'],
    [3, 'more work is', 'more works are', '3 more works are'],
  ])('says %i %s', (count, one, many, said) => {
    expect(plural(count, one, many)).toBe(said);
  });
});
