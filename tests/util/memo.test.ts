import { describe, expect, it } from 'vitest';
import { memoize } from '../../src/util/memo.js';

describe('memoize', () => {
  it('computes once per key object, and apart for each key', () => {
    const calls: object[] = [];
    const sizeOf = memoize((key: { items: number[] }) => (calls.push(key), key.items.length));
    const [a, b] = [{ items: [1, 2] }, { items: [3] }];
    expect([sizeOf(a), sizeOf(a), sizeOf(b), sizeOf(a)]).toEqual([2, 2, 1, 2]);
    expect(calls).toEqual([a, b]);
  });
});
