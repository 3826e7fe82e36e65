// A range of chapter text as Discord markdown: the author's characters that Discord would read as markup get
// a backslash, source emphasis becomes markers. Lengths are counted in UTF-16 units (String.length), never
// fewer than the code points Discord counts, so a body within budget here is within budget there.
import { memoize } from '../util/memo.js';
import { lowerBound } from '../util/sorted-search.js';
import type { ChapterText } from './chapter-text.js';
import { emphasisMarkers, indexSpans, markersLength, spansMeet, type Insert, type SpanIndex } from './emphasis.js';
import { escapePositions, pageStartEscape } from './escape.js';

interface RenderIndex {
  escapes: Int32Array;
  spans: SpanIndex;
}

const renderIndex = memoize(
  (chapter: ChapterText): RenderIndex => ({ escapes: escapePositions(chapter.text), spans: indexSpans(chapter.spans) }),
);

/** The Discord markdown for chapter.text.slice(start, end), read as the start of a message. */
export function renderRange(chapter: ChapterText, start: number, end: number): string {
  const { text } = chapter;
  const inserts = insertsFor(chapter, start, end);
  const parts: string[] = [];
  let at = start;
  for (const insert of inserts) {
    parts.push(text.slice(at, insert.at), insert.text);
    at = insert.at;
  }
  parts.push(text.slice(at, end));
  return parts.join('');
}

/** renderRange(chapter, start, end).length, without building the string. */
export function renderedLength(chapter: ChapterText, start: number, end: number): number {
  return new RangeMeter(chapter, start).lengthTo(end);
}

/**
 * renderedLength from one start to many ends, as a page tries its possible ends. Emphasis is walked again only
 * when a span meets the text between this end and the last one measured: elsewhere the markers are the same.
 */
export class RangeMeter {
  private readonly text: string;
  private readonly index: RenderIndex;
  private readonly firstEscape: number;
  /** The one character a mid-line start adds a backslash to, or -1 (see pageStartEscape). */
  private readonly startEscape: number;
  private lastEnd = -1;
  private lastMarkers = 0;

  constructor(
    chapter: ChapterText,
    private readonly start: number,
  ) {
    this.text = chapter.text;
    this.index = renderIndex(chapter);
    this.firstEscape = lowerBound(this.index.escapes, start);
    this.startEscape = pageStartEscape(this.text, this.index.escapes, start, this.text.length);
  }

  lengthTo(end: number): number {
    const { start, index } = this;
    const escapes = lowerBound(index.escapes, end) - this.firstEscape + (this.startEscape !== -1 && this.startEscape < end ? 1 : 0);
    return end - start + escapes + this.markersTo(end);
  }

  private markersTo(end: number): number {
    const last = this.lastEnd;
    if (last === -1 || spansMeet(this.index.spans, Math.min(last, end), Math.max(last, end))) {
      this.lastMarkers = markersLength(this.text, this.index.spans, this.start, end);
    }
    this.lastEnd = end;
    return this.lastMarkers;
  }
}

/** Markers and backslashes in text order; at one offset, markers go first, as a backslash must touch its character. */
function insertsFor(chapter: ChapterText, start: number, end: number): Insert[] {
  const index = renderIndex(chapter);
  const markers = emphasisMarkers(chapter.text, index.spans, start, end);
  const backslashes: number[] = [];
  const extra = pageStartEscape(chapter.text, index.escapes, start, end);
  for (let i = lowerBound(index.escapes, start); i < index.escapes.length && index.escapes[i]! < end; i++) {
    backslashes.push(index.escapes[i]!);
  }
  if (extra !== -1) backslashes.splice(lowerBound(backslashes, extra), 0, extra);
  const inserts: Insert[] = [];
  let m = 0;
  for (const at of backslashes) {
    while (m < markers.length && markers[m]!.at <= at) inserts.push(markers[m++]!);
    inserts.push({ at, text: '\\' });
  }
  return inserts.concat(markers.slice(m));
}
