// Which characters of the author's text Discord would read as markup, so the renderer can put a backslash
// before each. Positions are computed once per chapter, in one pass of one regex; a page only adds its own
// first line start.
import { lowerBound } from '../util/sorted-search.js';
import { isLineBreak } from './whitespace.js';

/**
 * Markup at a line start, after optional indentation: headings, quotes, bullets (`-`, `+`; `*` is always
 * escaped), and the dot of a numbered list. The escaped character is the last one matched.
 */
const LINE_START_MARKUP_AT = /[ \t]*(?:[#>+-]|\d+\.)/y;
/**
 * Markup anywhere in a line (emphasis, spoilers, code, escapes, and `[` of masked links), or line-start markup
 * after a line break, the places `^` matches under the m flag. The escaped character is the last one matched;
 * neither kind can contain the other, so matches come in text order.
 */
const MARKUP = /[\\*_~|`[\]]|[\n\r\u2028\u2029][ \t]*(?:[#>+-]|\d+\.)/g;

/** Sorted offsets of the characters that need a backslash when the text is shown from its beginning. */
export function escapePositions(text: string): Int32Array {
  let positions = new Int32Array(1024);
  let count = 0;
  const add = (at: number) => {
    if (count === positions.length) {
      const grown = new Int32Array(count * 2);
      grown.set(positions);
      positions = grown;
    }
    positions[count++] = at;
  };
  LINE_START_MARKUP_AT.lastIndex = 0;
  if (LINE_START_MARKUP_AT.test(text)) add(LINE_START_MARKUP_AT.lastIndex - 1);
  MARKUP.lastIndex = 0;
  while (MARKUP.test(text)) add(MARKUP.lastIndex - 1);
  return positions.slice(0, count);
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
