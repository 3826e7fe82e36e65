// Reference copy of src/reading/escape.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// Which characters of the author's text Discord would read as markup, so the renderer can put a backslash
// before each. Positions are computed once per chapter; a page only adds its own first line start.
import { lowerBound } from '../../../src/util/sorted-search.js';

/** Markup anywhere in a line: emphasis, spoilers, code, escapes, and `[` of masked links. */
const INLINE_MARKUP = /[\\*_~|`[\]]/g;
/**
 * Markup at a line start, after optional indentation: headings, quotes, bullets (`-`, `+`; `*` is always
 * escaped), and the dot of a numbered list. The escaped character is the last one matched. `^` under the m
 * flag also matches after `\r`, `\u2028` and `\u2029`: escaping there too costs little and is never wrong.
 */
const LINE_START_MARKUP = /^[ \t]*(?:[#>+-]|\d+\.)/gm;
const LINE_START_MARKUP_AT = /[ \t]*(?:[#>+-]|\d+\.)/y;

/** Sorted offsets of the characters that need a backslash when the text is shown from its beginning. */
export function escapePositions(text: string): Int32Array {
  const positions: number[] = [];
  for (const match of text.matchAll(INLINE_MARKUP)) positions.push(match.index);
  for (const match of text.matchAll(LINE_START_MARKUP)) positions.push(match.index + match[0].length - 1);
  return Int32Array.from(positions).sort();
}

/**
 * A page that starts mid-line starts a line in Discord: the offset of the one extra character that then needs
 * a backslash before `end`, or -1.
 */
export function pageStartEscape(text: string, escapes: Int32Array, start: number, end: number): number {
  if (start === 0 || isLineBreak(text.charCodeAt(start - 1))) return -1;
  LINE_START_MARKUP_AT.lastIndex = start;
  if (!LINE_START_MARKUP_AT.test(text)) return -1;
  const at = LINE_START_MARKUP_AT.lastIndex - 1;
  return at < end && escapes[lowerBound(escapes, at)] !== at ? at : -1;
}

function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}
