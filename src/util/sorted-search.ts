/**
 * The first index in [lo, hi) where `holds` is true, for a predicate that is false up to some index and true
 * from it on; hi when it never holds. Binary search: every sorted lookup in the bot is one of these.
 */
export function firstIndexWhere(lo: number, hi: number, holds: (index: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (holds(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index whose value is >= target. */
export function lowerBound(sorted: ArrayLike<number>, target: number): number {
  return firstIndexWhere(0, sorted.length, (index) => sorted[index]! >= target);
}

/** How many of the sorted values fall in [start, end). */
export function countBetween(sorted: ArrayLike<number>, start: number, end: number): number {
  return lowerBound(sorted, end) - lowerBound(sorted, start);
}
