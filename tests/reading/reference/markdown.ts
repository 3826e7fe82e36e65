// Reference copy of src/reading/markdown.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// A range of chapter text as Discord markdown: the author's characters that Discord would read as markup get
// a backslash, source emphasis becomes markers. Lengths are counted in UTF-16 units (String.length), never
// fewer than the code points Discord counts, so a body within budget here is within budget there.
import { memoize } from '../../../src/util/memo.js';
import { countBetween, lowerBound } from '../../../src/util/sorted-search.js';
import type { ChapterText } from '../../../src/reading/chapter-text.js';
import { emphasisMarkers, indexSpans, type Insert, type SpanIndex } from './emphasis.js';
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
  const index = renderIndex(chapter);
  const extra = pageStartEscape(chapter.text, index.escapes, start, end) === -1 ? 0 : 1;
  const markers = emphasisMarkers(chapter.text, index.spans, start, end);
  return end - start + countBetween(index.escapes, start, end) + extra + markers.reduce((sum, m) => sum + m.text.length, 0);
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
