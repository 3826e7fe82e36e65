// Which characters of the author's text Discord would read as markup, so the renderer can put a backslash
// before each. Positions are computed once per chapter; a page only adds its own first line start.
import { lowerBound } from '../util/sorted-search.js';
import { isLineBreak } from './whitespace.js';

/**
 * Markup at a line start, after optional indentation: headings, quotes, bullets (`-`, `+`; `*` is always
 * escaped), and the dot of a numbered list. The escaped character is the last one matched.
 */
const LINE_START_MARKUP_AT = /[ \t]*(?:[#>+-]|\d+\.)/y;
/** Markup anywhere in a line: emphasis, spoilers, code, escapes, and `[` of masked links. */
const INLINE_MARKUP = ['\\', '*', '_', '~', '|', '`', '[', ']'];
/** What `^` under the m flag matches after, besides the text's start. */
const LINE_BREAKS = ['\n', '\r', '\u2028', '\u2029'];

/**
 * Sorted offsets of the characters that need a backslash when the text is shown from its beginning. Each
 * character is looked for with indexOf: finding one character is several times faster than testing each
 * character against a class, and most prose has none of them.
 */
export function escapePositions(text: string): Int32Array {
  let positions: Int32Array = new Int32Array(0);
  for (const markup of INLINE_MARKUP) {
    const found = new Offsets();
    for (let at = text.indexOf(markup); at !== -1; at = text.indexOf(markup, at + 1)) found.add(at);
    positions = merge(positions, found.sorted());
  }
  const lineStarts = new Offsets();
  lineStarts.add(lineStartMarkup(text, 0));
  for (const lineBreak of LINE_BREAKS) {
    const found = new Offsets();
    for (let at = text.indexOf(lineBreak); at !== -1; at = text.indexOf(lineBreak, at + 1)) found.add(lineStartMarkup(text, at + 1));
    positions = merge(positions, found.sorted());
  }
  return merge(positions, lineStarts.sorted());
}

/** The character to escape for markup at the line starting at `at`, or -1. */
function lineStartMarkup(text: string, at: number): number {
  const code = text.charCodeAt(at);
  // Such markup starts with a space, a tab, one of # > + - or a digit: most lines need no regex.
  if (!(code === 0x20 || code === 0x09 || code === 0x23 || code === 0x3e || code === 0x2b || code === 0x2d || (code >= 0x30 && code <= 0x39))) {
    return -1;
  }
  LINE_START_MARKUP_AT.lastIndex = at;
  return LINE_START_MARKUP_AT.test(text) ? LINE_START_MARKUP_AT.lastIndex - 1 : -1;
}

/** Ascending offsets, gathered one at a time; -1 is left out. */
class Offsets {
  private values = new Int32Array(16);
  private count = 0;

  add(at: number): void {
    if (at === -1) return;
    if (this.count === this.values.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = at;
  }

  sorted(): Int32Array {
    return this.values.slice(0, this.count);
  }
}

/** Two ascending lists as one. No offset is in both: each kind of markup is a different character. */
function merge(a: Int32Array, b: Int32Array): Int32Array {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) merged[k++] = a[i]! < b[j]! ? a[i++]! : b[j++]!;
  merged.set(a.subarray(i), k);
  merged.set(b.subarray(j), k + a.length - i);
  return merged;
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
