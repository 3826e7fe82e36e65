// Grapheme boundaries, so no cut splits a surrogate pair, an emoji ZWJ sequence, a flag or a letter from its
// accents. Intl.Segmenter is exact but slow, so it runs only on short windows.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Grapheme boundaries in (from, to], given that `from` is one. A boundary depends on the characters before it
 * and on the one after it, never on more, so a window reaching one code point past `to` decides them all.
 */
export function graphemeBoundaries(text: string, from: number, to: number): number[] {
  const windowEnd = Math.min(text.length, to + 2);
  const boundaries: number[] = [];
  for (const { index, segment } of segmenter.segment(text.slice(from, windowEnd))) {
    const end = from + index + segment.length;
    if (end <= to && (end < windowEnd || windowEnd === text.length)) boundaries.push(end);
  }
  return boundaries;
}

/** The last code point boundary at or before `to`: the cut of last resort, inside a grapheme longer than a page. */
export function codePointBoundary(text: string, to: number): number {
  const code = text.charCodeAt(to - 1);
  return code >= 0xd800 && code <= 0xdbff && to < text.length ? to - 1 : to;
}

/**
 * Whether a word may start at `at`, just after a space: `at` must be a grapheme boundary and the grapheme
 * before it only whitespace (a combining mark after a space, or an Arabic number sign before one, glue them).
 */
export function startsWordAfterSpace(text: string, at: number): boolean {
  if (text.charCodeAt(at) < 0x300 && (at < 2 || text.charCodeAt(at - 2) < 0x600)) return true;
  let from = Math.max(0, at - 2);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  for (const { index, segment } of segmenter.segment(text.slice(from, at + 2))) {
    if (from + index + segment.length === at) return /^\s+$/u.test(segment);
    if (from + index + segment.length > at) return false;
  }
  return false;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
