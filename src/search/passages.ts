// A work's text cut into passages of about a page, the rows of the search index: a hit names a passage, and
// the snippet and the page it opens come from where in the passage the match is. Each passage is a slice of
// its chapter's canonical text (src/reading/chapter-text.ts) at a known offset, built here from the blocks
// directly so that indexing a library does not keep every chapter's text in memory.
import type { Work } from '../library/model.js';
import { BLOCK_SEPARATOR, SCENE_BREAK_MARKER } from '../reading/chapter-text.js';

/** A passage ends after the block that brings it to this many UTF-16 units: about two thirds of a page. */
export const PASSAGE_TARGET = 2000;
/** No passage is longer; a longer paragraph is cut at spaces (a phrase across such a cut is not found). */
export const PASSAGE_MAX = 4000;

export interface Passage {
  chapter: number;
  /** Offset of the passage's first character in chapterText(work, chapter).text. */
  start: number;
  text: string;
}

/** The work's passages in reading order. Reads each chapter's blocks once. */
export function* passagesOf(work: Work): Generator<Passage> {
  for (let chapter = 0; chapter < work.chapters.length; chapter++) {
    const texts = work.chapters[chapter]!.blocks.map((block) => (block.kind === 'sceneBreak' ? SCENE_BREAK_MARKER : block.text));
    if (chapter === 0 && work.epigraph.length > 0) texts.unshift(work.epigraph.join('\n'));
    yield* chapterPassages(chapter, texts);
  }
}

function* chapterPassages(chapter: number, blocks: readonly string[]): Generator<Passage> {
  let parts: string[] = [];
  let start = 0;
  let length = 0;
  const flush = (): Passage | undefined => {
    const passage = parts.length > 0 ? { chapter, start, text: parts.join(BLOCK_SEPARATOR) } : undefined;
    parts = [];
    length = 0;
    return passage;
  };
  let offset = 0;
  for (const [index, text] of blocks.entries()) {
    if (index > 0) offset += BLOCK_SEPARATOR.length;
    const added = parts.length > 0 ? BLOCK_SEPARATOR.length + text.length : text.length;
    if (parts.length > 0 && (text.length > PASSAGE_MAX || length + added > PASSAGE_MAX)) {
      const passage = flush();
      if (passage) yield passage;
    }
    if (text.length > PASSAGE_MAX) {
      yield* cutLongBlock(chapter, offset, text);
    } else {
      if (parts.length === 0) start = offset;
      parts.push(text);
      length += parts.length > 1 ? BLOCK_SEPARATOR.length + text.length : text.length;
      if (length >= PASSAGE_TARGET) {
        const passage = flush();
        if (passage) yield passage;
      }
    }
    offset += text.length;
  }
  const last = flush();
  if (last) yield last;
}

/** A block longer than PASSAGE_MAX, in pieces that end at a space where there is one. */
function* cutLongBlock(chapter: number, offset: number, text: string): Generator<Passage> {
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + PASSAGE_MAX, text.length);
    if (end < text.length) {
      const space = text.lastIndexOf(' ', end);
      if (space > at) end = space;
      else if (isHighSurrogate(text.charCodeAt(end - 1))) end -= 1;
    }
    yield { chapter, start: offset + at, text: text.slice(at, end) };
    at = end;
    while (text.charCodeAt(at) === 0x20) at++;
  }
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
