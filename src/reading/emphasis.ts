// Emphasis markers for a range of a chapter. Discord's markdown needs a non-space right inside `*`, and
// properly nested markers, so spans are trimmed to their non-space ends, nested in a fixed order, and closed
// at a page's end then reopened on the next page. The paginator measures several candidate ranges per page,
// so the walk below keeps styles as bit sets and its pieces in reused arrays, and can count without building.
import type { EmphasisStyle, Span } from '../library/model.js';
import { lowerBound } from '../util/sorted-search.js';
import { isLineBreak, isWhiteSpace } from './whitespace.js';

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

/** Spans sorted by start, and how far they reach, to find those meeting a range without a full scan. */
export interface SpanIndex {
  spans: readonly Span[];
  starts: Int32Array;
  /** reach[i]: the furthest end of spans[0..i], so ascending. */
  reach: Int32Array;
  /** Per span, once first needed: the line breaks inside it, ascending. */
  lineBreaks: (readonly number[] | undefined)[];
}

export function indexSpans(spans: readonly Span[]): SpanIndex {
  const starts = new Int32Array(spans.length);
  const reach = new Int32Array(spans.length);
  for (let i = 0; i < spans.length; i++) {
    starts[i] = spans[i]!.start;
    reach[i] = Math.max(spans[i]!.end, reach[i - 1] ?? 0);
  }
  return { spans, starts, reach, lineBreaks: [] };
}

/** Whether any span has a character in [start, end). */
export function spansMeet(index: SpanIndex, start: number, end: number): boolean {
  const last = lowerBound(index.starts, end) - 1;
  return last >= 0 && index.reach[last]! > start;
}

/** The markers that render the spans within [start, end), in text order. */
export function emphasisMarkers(text: string, index: SpanIndex, start: number, end: number): Insert[] {
  const inserts: Insert[] = [];
  walkMarkers(text, index, start, end, inserts);
  return inserts;
}

/** The total length of emphasisMarkers(text, index, start, end), without building them. */
export function markersLength(text: string, index: SpanIndex, start: number, end: number): number {
  return walkMarkers(text, index, start, end, undefined);
}

/** A set of styles: bit i is NESTING[i], so the lowest bit set is the outermost style. */
type Styles = number;

const BIT: Readonly<Record<EmphasisStyle, Styles>> = { bold: 1, underline: 2, italic: 4, strike: 8 };
const OPENING: readonly string[] = Array.from({ length: 16 }, (_, set) => NESTING.filter((_, i) => set & (1 << i)).map((s) => MARKERS[s]).join(''));
const CLOSING: readonly string[] = OPENING.map((markers) => [...markers].reverse().join(''));

/** The walk's pieces and their boundaries: reused, as the walk runs many times per page and never re-enters. */
const pieceStarts: number[] = [];
const pieceEnds: number[] = [];
const pieceStyles: Styles[] = [];
let pieceCount = 0;
const points: number[] = [];
let pointCount = 0;
/** Where the walk puts its markers, if anywhere, and their length so far. */
let inserts: Insert[] | undefined;
let markedLength = 0;

/**
 * Walks the changes of style through [start, end), pushing each marker into `into` when given, and returns
 * the markers' total length.
 */
function walkMarkers(text: string, index: SpanIndex, start: number, end: number, into: Insert[] | undefined): number {
  collectPieces(text, index, start, end);
  if (pieceCount === 0) return 0;
  sortBoundaries();
  inserts = into;
  markedLength = 0;
  let open: Styles = 0;
  let floor = start;
  for (let i = 0; i < pointCount && points[i]! < end; i++) {
    const at = points[i]!;
    const next = i + 1 < pointCount ? points[i + 1]! : end;
    // A run of only spaces changes nothing, as markers around whitespace would show as literal asterisks; a
    // line break closes everything, as a marker left open across lines is one Discord may not pair.
    const blank = advance(text, at, next) === next;
    if (blank && !hasLineBreak(text, at, next)) continue;
    const wanted = blank ? 0 : stylesAt(at);
    const kept = commonOuter(open, wanted);
    put(retreat(text, at, floor), CLOSING[open & ~kept]!);
    const openAt = advance(text, at, next);
    put(openAt, OPENING[wanted & ~kept]!);
    if ((wanted & ~kept) !== 0) floor = openAt;
    open = wanted;
  }
  put(retreat(text, end, floor), CLOSING[open]!);
  inserts = undefined;
  return markedLength;
}

function put(at: number, markers: string): void {
  if (markers === '') return;
  markedLength += markers.length;
  inserts?.push({ at, text: markers });
}

/** Each span meeting [start, end), clipped to it, cut at line breaks and trimmed of the spaces at its ends. */
function collectPieces(text: string, index: SpanIndex, start: number, end: number): void {
  pieceCount = 0;
  for (let i = lowerBound(index.reach, start + 1); i < index.spans.length && index.spans[i]!.start < end; i++) {
    const span = index.spans[i]!;
    if (span.end <= start) continue;
    const breaks = (index.lineBreaks[i] ??= lineBreaksIn(text, span.start, span.end));
    const style = BIT[span.style];
    let from = Math.max(span.start, start);
    const to = Math.min(span.end, end);
    for (const lineEnd of breaks) {
      if (lineEnd < from) continue;
      if (lineEnd >= to) break;
      addPiece(text, from, lineEnd, style);
      from = lineEnd + 1;
    }
    if (from < to) addPiece(text, from, to, style);
  }
}

const NO_LINE_BREAKS: readonly number[] = [];
const LINE_BREAK = /[\n\r\u2028\u2029]/g;

function lineBreaksIn(text: string, start: number, end: number): readonly number[] {
  const inside = text.slice(start, end);
  LINE_BREAK.lastIndex = 0;
  if (!LINE_BREAK.test(inside)) return NO_LINE_BREAKS;
  const breaks = [start + LINE_BREAK.lastIndex - 1];
  while (LINE_BREAK.test(inside)) breaks.push(start + LINE_BREAK.lastIndex - 1);
  return breaks;
}

/** A line of a span, trimmed of the spaces at its ends, unless that leaves nothing. */
function addPiece(text: string, start: number, end: number, style: Styles): void {
  const from = advance(text, start, end);
  const to = retreat(text, end, from);
  if (from >= to) return;
  pieceStarts[pieceCount] = from;
  pieceEnds[pieceCount] = to;
  pieceStyles[pieceCount] = style;
  pieceCount++;
}

/** The pieces' starts and ends, ascending, each once. */
function sortBoundaries(): void {
  pointCount = 0;
  for (let i = 0; i < pieceCount; i++) {
    points[pointCount++] = pieceStarts[i]!;
    points[pointCount++] = pieceEnds[i]!;
  }
  // An insertion sort: a range holds a handful of pieces, nearly in order.
  for (let i = 1; i < pointCount; i++) {
    const point = points[i]!;
    let at = i;
    for (; at > 0 && points[at - 1]! > point; at--) points[at] = points[at - 1]!;
    points[at] = point;
  }
  let kept = 0;
  for (let i = 0; i < pointCount; i++) if (kept === 0 || points[kept - 1] !== points[i]) points[kept++] = points[i]!;
  pointCount = kept;
}

function stylesAt(at: number): Styles {
  let styles = 0;
  for (let i = 0; i < pieceCount; i++) if (pieceStarts[i]! <= at && at < pieceEnds[i]!) styles |= pieceStyles[i]!;
  return styles;
}

/** The outer styles two sets share, in nesting order, up to the first style where they differ. */
function commonOuter(a: Styles, b: Styles): Styles {
  let shared = 0;
  while (a !== 0 && b !== 0 && (a & -a) === (b & -b)) {
    shared |= a & -a;
    a &= a - 1;
    b &= b - 1;
  }
  return shared;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (isLineBreak(text.charCodeAt(at))) return true;
  return false;
}

function advance(text: string, at: number, limit: number): number {
  while (at < limit && isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}

function retreat(text: string, at: number, limit: number): number {
  while (at > limit && isWhiteSpace(text.charCodeAt(at - 1))) at--;
  return at;
}
