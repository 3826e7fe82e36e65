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
 * Characters that join the one before them into a grapheme (GB9, GB9a: Extend, ZWJ, SpacingMark, which
 * includes Thai and Lao sara am), and the Prepend characters that join the one after them (GB9b). They only
 * flag where the exact, slower segmenter must decide.
 */
const JOINS_PREVIOUS = /[\p{M}\p{Grapheme_Extend}\p{Emoji_Modifier}\u200C\u200D\u0E33\u0EB3]/uy;
const JOINS_NEXT =
  /[\u0600-\u0605\u06DD\u070F\u0890\u0891\u08E2\u{110BD}\u{110CD}\u0D4E\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/uy;

/**
 * Whether a word may start at `at`, just after a space: `at` must be a grapheme boundary and the grapheme
 * before it only whitespace (a combining mark after a space, or an Arabic number sign before one, glue them).
 */
export function startsWordAfterSpace(text: string, at: number): boolean {
  // Nothing below U+0300 joins the character before it, nor anything below U+0600 the one after it.
  if (text.charCodeAt(at) < 0x300 && (at < 2 || text.charCodeAt(at - 2) < 0x600)) return true;
  let from = Math.max(0, at - 2);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from--;
  if (!joinsAt(JOINS_PREVIOUS, joinsPrevious, text, at) && (at < 2 || !joinsAt(JOINS_NEXT, joinsNext, text, from))) return true;
  for (const { index, segment } of segmenter.segment(text.slice(from, at + 2))) {
    if (from + index + segment.length === at) return /^\s+$/u.test(segment);
    if (from + index + segment.length > at) return false;
  }
  return false;
}

/** Per code point below U+20000 (the emoji live there): 0 not asked yet, 1 joins, 2 does not. */
const joinsPrevious = new Uint8Array(0x20000);
const joinsNext = new Uint8Array(0x20000);

/** pattern.test at `at`, remembered per code point: a chapter asks about the same few emoji again and again. */
function joinsAt(pattern: RegExp, known: Uint8Array, text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  const point = isLowSurrogate(code) ? -1 : text.codePointAt(at)!;
  if (point >= 0 && point < known.length && known[point] !== 0) return known[point] === 1;
  pattern.lastIndex = at;
  const joins = pattern.test(text);
  if (point >= 0 && point < known.length) known[point] = joins ? 1 : 2;
  return joins;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
