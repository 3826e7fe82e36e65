// Reference copy of src/reading/emphasis.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// Emphasis markers for a range of a chapter. Discord's markdown needs a non-space right inside `*`, and
// properly nested markers, so spans are trimmed to their non-space ends, nested in a fixed order, and closed
// at a page's end then reopened on the next page.
import type { EmphasisStyle, Span } from '../../../src/library/model.js';
import { lowerBound } from '../../../src/util/sorted-search.js';

/** Outer to inner: the order markers nest in when several styles overlap. */
const NESTING: readonly EmphasisStyle[] = ['bold', 'underline', 'italic', 'strike'];

export const MARKERS: Readonly<Record<EmphasisStyle, string>> = {
  bold: '**',
  underline: '__',
  italic: '*',
  strike: '~~',
};

/** Text inserted before the character at `at` (or at the range's end). */
export interface Insert {
  at: number;
  text: string;
}

/** Spans sorted by start, with the longest length, to find those meeting a range without a full scan. */
export interface SpanIndex {
  spans: readonly Span[];
  starts: Int32Array;
  longest: number;
}

export function indexSpans(spans: readonly Span[]): SpanIndex {
  return {
    spans,
    starts: Int32Array.from(spans, (span) => span.start),
    longest: spans.reduce((max, span) => Math.max(max, span.end - span.start), 0),
  };
}

/** The markers that render the spans within [start, end), in text order. */
export function emphasisMarkers(text: string, index: SpanIndex, start: number, end: number): Insert[] {
  const pieces = piecesIn(text, index, start, end);
  if (pieces.length === 0) return [];
  const points = [...new Set(pieces.flatMap((piece) => [piece.start, piece.end]))].sort((a, b) => a - b);
  const inserts: Insert[] = [];
  let open: EmphasisStyle[] = [];
  let floor = start;
  for (let i = 0; i < points.length && points[i]! < end; i++) {
    const at = points[i]!;
    const next = points[i + 1] ?? end;
    // A run of only spaces changes nothing, as markers around whitespace would show as literal asterisks; a
    // line break closes everything, as a marker left open across lines is one Discord may not pair.
    const blank = isBlank(text, at, next);
    if (blank && !LINE_BREAK.test(text.slice(at, next))) continue;
    const wanted = blank ? [] : NESTING.filter((style) => pieces.some((p) => p.style === style && p.start <= at && at < p.end));
    let kept = 0;
    while (kept < open.length && open[kept] === wanted[kept]) kept++;
    const closeAt = retreat(text, at, floor);
    push(inserts, closeAt, closing(open.slice(kept)));
    const openAt = advance(text, at, next);
    push(inserts, openAt, opening(wanted.slice(kept)));
    if (wanted.length > kept) floor = openAt;
    open = wanted;
  }
  push(inserts, retreat(text, end, floor), closing(open));
  return inserts;
}

function piecesIn(text: string, index: SpanIndex, start: number, end: number): Span[] {
  const pieces: Span[] = [];
  const first = lowerBound(index.starts, start - index.longest);
  for (let i = first; i < index.spans.length && index.spans[i]!.start < end; i++) {
    const span = index.spans[i]!;
    if (span.end <= start) continue;
    pieces.push(...linesOf(text, Math.max(span.start, start), Math.min(span.end, end), span.style));
  }
  return pieces;
}

/** A span cut at line breaks and trimmed of the spaces at its ends: what one pair of markers can hold. */
function linesOf(text: string, start: number, end: number, style: EmphasisStyle): Span[] {
  const lines: Span[] = [];
  const breaks = new RegExp(LINE_BREAK.source, 'g');
  breaks.lastIndex = start;
  while (start < end) {
    const lineEnd = Math.min(breaks.exec(text)?.index ?? end, end);
    const from = advance(text, start, lineEnd);
    const to = retreat(text, lineEnd, from);
    if (from < to) lines.push({ start: from, end: to, style });
    start = breaks.lastIndex = lineEnd + 1;
  }
  return lines;
}

function opening(styles: readonly EmphasisStyle[]): string {
  return styles.map((style) => MARKERS[style]).join('');
}

function closing(styles: readonly EmphasisStyle[]): string {
  return opening([...styles].reverse());
}

function push(inserts: Insert[], at: number, text: string): void {
  if (text !== '') inserts.push({ at, text });
}

const SPACE = /\s/;
const LINE_BREAK = /[\n\r\u2028\u2029]/;

function advance(text: string, at: number, limit: number): number {
  while (at < limit && SPACE.test(text[at]!)) at++;
  return at;
}

function retreat(text: string, at: number, limit: number): number {
  while (at > limit && SPACE.test(text[at - 1]!)) at--;
  return at;
}

function isBlank(text: string, start: number, end: number): boolean {
  return advance(text, start, end) === end;
}
