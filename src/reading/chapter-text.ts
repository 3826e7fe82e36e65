// A chapter as one canonical plain text. Reading positions are offsets into this text, so they survive a
// change of page size: the progress store keeps (chapter, offset), never a page number.
import type { Span, Work } from '../library/model.js';
import { memoize } from '../util/memo.js';

/** What a scene break is in the canonical text, and how it shows: a lone ornament Discord reads as no markup. */
export const SCENE_BREAK_MARKER = '⁂';

/** Between two blocks, as the author's blank line. */
export const BLOCK_SEPARATOR = '\n\n';

export type TextBlockKind = 'epigraph' | 'paragraph' | 'sceneBreak';

/** Where a block sits in the chapter text: [start, end), separators excluded. */
export interface TextBlock {
  kind: TextBlockKind;
  start: number;
  end: number;
}

export interface ChapterText {
  text: string;
  /** Emphasis in chapter offsets, sorted by start. */
  spans: Span[];
  blocks: TextBlock[];
}

const textsOf = memoize((_work: Work): ChapterText[] => []);

/**
 * The canonical text of a chapter: blocks joined by a blank line, scene breaks as SCENE_BREAK_MARKER and, in
 * chapter 0, the work's epigraph first (its lines joined by newlines, in italics). Memoised per work, so a
 * Work must not be mutated once read.
 */
export function chapterText(work: Work, chapterIndex: number): ChapterText {
  return (textsOf(work)[chapterIndex] ??= buildChapterText(work, chapterIndex));
}

function buildChapterText(work: Work, chapterIndex: number): ChapterText {
  const chapter = work.chapters[chapterIndex];
  if (!chapter) throw new RangeError(`${work.id} has no chapter ${chapterIndex}`);
  const builder = new TextBuilder();
  if (chapterIndex === 0 && work.epigraph.length > 0) builder.addEpigraph(work.epigraph);
  for (const block of chapter.blocks) {
    if (block.kind === 'sceneBreak') builder.add('sceneBreak', SCENE_BREAK_MARKER, []);
    else builder.add('paragraph', block.text, block.spans);
  }
  return builder.finish();
}

class TextBuilder {
  private readonly parts: string[] = [];
  private readonly spans: Span[] = [];
  private readonly blocks: TextBlock[] = [];
  private length = 0;

  addEpigraph(lines: readonly string[]): void {
    let offset = 0;
    const spans = lines.map((line) => {
      const span: Span = { start: offset, end: offset + line.length, style: 'italic' };
      offset += line.length + 1;
      return span;
    });
    this.add('epigraph', lines.join('\n'), spans);
  }

  add(kind: TextBlockKind, text: string, spans: readonly Span[]): void {
    if (this.blocks.length > 0) this.push(BLOCK_SEPARATOR);
    const start = this.length;
    this.push(text);
    this.blocks.push({ kind, start, end: this.length });
    for (const span of spans) {
      const clipped = { start: Math.max(0, span.start), end: Math.min(text.length, span.end) };
      if (clipped.start < clipped.end) this.spans.push({ style: span.style, start: start + clipped.start, end: start + clipped.end });
    }
  }

  finish(): ChapterText {
    this.spans.sort((a, b) => a.start - b.start || a.end - b.end);
    return { text: this.parts.join(''), spans: this.spans, blocks: this.blocks };
  }

  private push(text: string): void {
    this.parts.push(text);
    this.length += text.length;
  }
}
