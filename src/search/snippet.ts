// A hit's snippet: a line of the passage around its first match, the matches in bold and every other
// character Discord would read as markup escaped, as the reading view escapes a page (src/reading/escape.ts).
import { escapePositions } from '../reading/escape.js';

/** What FTS5's highlight() is asked to put around each match: characters the library never keeps in a text. */
export const MATCH_OPEN = '\u0001';
export const MATCH_CLOSE = '\u0002';

/** Source characters shown before the first match, and in all (about three lines on a phone). */
const BEFORE = 60;
const LENGTH = 240;

export interface Snippet {
  /** Offset of the first match in the passage. */
  matchAt: number;
  markdown: string;
}

/** The snippet of a passage as highlight() returned it; undefined when it marks no match. */
export function snippetOf(highlighted: string): Snippet | undefined {
  const { text, matches } = readHighlights(highlighted);
  const first = matches[0];
  if (!first) return undefined;
  let start = Math.max(0, first.start - BEFORE);
  if (start > 0) start = wordStartAfter(text, start, first.start);
  let end = Math.min(text.length, Math.max(first.end, start + LENGTH));
  if (end < text.length) {
    const space = lastSpace(text, first.end, end);
    if (space > first.end) end = space;
  }
  const line = oneLine(text, start, end, matches);
  const body = renderLine(line.text, line.bold);
  return { matchAt: first.start, markdown: `${start > 0 ? '… ' : ''}${body}${end < text.length ? ' …' : ''}` };
}

interface Range {
  start: number;
  end: number;
}

function readHighlights(highlighted: string): { text: string; matches: Range[] } {
  const matches: Range[] = [];
  const parts = highlighted.split(MATCH_OPEN);
  let text = parts[0] ?? '';
  for (const part of parts.slice(1)) {
    const close = part.indexOf(MATCH_CLOSE);
    const start = text.length;
    text += part.replace(MATCH_CLOSE, '');
    matches.push({ start, end: start + (close === -1 ? part.length : close) });
  }
  return { text, matches };
}

/** The first character after whitespace in [from, limit), else `from` itself. */
function wordStartAfter(text: string, from: number, limit: number): number {
  for (let at = from; at < limit; at++) if (/\s/.test(text[at]!)) return at + 1;
  return from;
}

/** The last whitespace in [from, end), or -1. */
function lastSpace(text: string, from: number, end: number): number {
  for (let at = end - 1; at >= from; at--) if (/\s/.test(text[at]!)) return at;
  return -1;
}

/** text[start, end) with each run of whitespace (line breaks too) as one space, and the matches in it. */
function oneLine(text: string, start: number, end: number, matches: readonly Range[]): { text: string; bold: Range[] } {
  const out: string[] = [];
  const at = new Map<number, number>();
  for (let i = start; i < end; i++) {
    at.set(i, out.length);
    const c = text[i]!;
    if (!/\s/.test(c)) out.push(c);
    else if (out.length > 0 && out[out.length - 1] !== ' ') out.push(' ');
  }
  at.set(end, out.length);
  const bold = matches
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: at.get(m.start)!, end: at.get(m.end)! }));
  return { text: out.join('').trimEnd(), bold };
}

/** Backslashes before markup characters, ** around each bold range. */
function renderLine(line: string, bold: readonly Range[]): string {
  const escapes = new Set(escapePositions(line));
  const opens = new Set(bold.map((r) => r.start));
  const closes = new Set(bold.map((r) => Math.min(r.end, line.length)));
  let out = '';
  for (let i = 0; i <= line.length; i++) {
    if (closes.has(i)) out += '**';
    if (i === line.length) break;
    if (opens.has(i)) out += '**';
    if (escapes.has(i)) out += '\\';
    out += line[i];
  }
  return out;
}
