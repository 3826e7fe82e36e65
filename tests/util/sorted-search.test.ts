import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBetween, firstIndexWhere, lowerBound } from '../../src/util/sorted-search.js';

const sorted = fc.array(fc.integer({ min: -50, max: 50 }), { maxLength: 40 }).map((values) => values.sort((a, b) => a - b));

describe('sorted search', () => {
  it('finds the first index where a monotone predicate holds, as a scan would', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -60, max: 60 }), (values, target) => {
        const scanned = values.findIndex((v) => v >= target);
        expect(firstIndexWhere(0, values.length, (i) => values[i]! >= target)).toBe(scanned === -1 ? values.length : scanned);
        expect(lowerBound(values, target)).toBe(scanned === -1 ? values.length : scanned);
      }),
    );
  });

  it('searches only the range asked, and gives its end when the predicate never holds', () => {
    expect(firstIndexWhere(3, 7, () => true)).toBe(3);
    expect(firstIndexWhere(3, 7, () => false)).toBe(7);
    expect(firstIndexWhere(5, 5, () => true)).toBe(5);
  });

  it('counts the values in [start, end)', () => {
    fc.assert(
      fc.property(sorted, fc.integer({ min: -60, max: 60 }), fc.integer({ min: -60, max: 60 }), (values, a, b) => {
        const [start, end] = a <= b ? [a, b] : [b, a];
        expect(countBetween(values, start, end)).toBe(values.filter((v) => v >= start && v < end).length);
      }),
    );
  });
});
