// Where a page may end, ranked: a scene break beats a paragraph end, which beats a sentence end, which
// beats a space between words. A cut inside a word (at a grapheme boundary) is not listed here: it is
// the last resort for a token longer than a page. Breaks are found where a page needs them, from the
// characters around a place, so a page looks only near its end, never at the whole chapter.
import { memoize } from '../util/memo.js';
import { lowerBound } from '../util/sorted-search.js';
import type { ChapterText } from './chapter-text.js';
import { startsWordAfterSpace } from './graphemes.js';
import { startsSentence } from './sentences.js';
import { isBreakSpace } from './whitespace.js';

export const BOUNDARY_KINDS = ['grapheme', 'word', 'sentence', 'paragraph', 'scene'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];
export const RANK: Readonly<Record<BoundaryKind, number>> = { grapheme: 0, word: 1, sentence: 2, paragraph: 3, scene: 4 };

/** Where the word starting at `at` ends: its first space, or the text's end. */
export function wordEnd(text: string, at: number): number {
  while (at < text.length && !isBreakSpace(text.charCodeAt(at))) at++;
  return at;
}

/**
 * The breaks of one chapter: offsets strictly inside its text where the next page may start. A break is where
 * a word starts after a space, or where a block other than the first starts.
 */
export class Breaks {
  private readonly text: string;
  private readonly blocks: ChapterText['blocks'];
  /** Every block's start, ascending, to find the block holding an offset. */
  private readonly blockStarts: Int32Array;
  /** The block found last: a page asks about offsets near each other, in the same block or the next. */
  private nearBlock = 0;

  constructor({ text, blocks }: ChapterText) {
    this.text = text;
    this.blocks = blocks;
    this.blockStarts = new Int32Array(blocks.length);
    for (let i = 0; i < blocks.length; i++) this.blockStarts[i] = blocks[i]!.start;
  }

  /** The last break in (floor, at], or -1. */
  before(at: number, floor: number): number {
    const block = this.blockStartBefore(at, floor);
    const word = this.wordStartBefore(Math.min(at, this.text.length - 1), Math.max(floor, block));
    return Math.max(word, block);
  }

  /** The first break after `at`, or -1. */
  after(at: number): number {
    const i = this.blockIndexOf(at) + 1;
    const block = i < this.blockStarts.length && this.blockStarts[i]! < this.text.length ? this.blockStarts[i]! : -1;
    const word = this.wordStartAfter(at, block === -1 ? this.text.length : block);
    return word !== -1 ? word : block;
  }

  /** The rank of a break, one of before's or after's answers. */
  rankOf(at: number): number {
    const i = this.blockIndexOf(at);
    const block = this.blocks[i]!;
    if (block.start === at) return block.kind === 'sceneBreak' || this.blocks[i - 1]?.kind === 'sceneBreak' ? RANK.scene : RANK.paragraph;
    return block.kind !== 'sceneBreak' && startsSentence(this.text, block, at) ? RANK.sentence : RANK.word;
  }

  /** The last break in (floor, at] where a block starts, or -1. */
  blockStartBefore(at: number, floor: number): number {
    const i = this.blockIndexOf(Math.min(at, this.text.length - 1));
    return i > 0 && this.blockStarts[i]! > floor ? this.blockStarts[i]! : -1;
  }

  /** The index of the last block starting at or before `at`, or -1. */
  private blockIndexOf(at: number): number {
    const starts = this.blockStarts;
    for (let i = Math.max(this.nearBlock - 1, 0); i <= this.nearBlock + 1 && i < starts.length; i++) {
      if (starts[i]! <= at && (i + 1 === starts.length || starts[i + 1]! > at)) return (this.nearBlock = i);
    }
    const i = lowerBound(starts, at + 1) - 1;
    this.nearBlock = Math.max(i, 0);
    return i;
  }

  /** The last word start in (floor, at], or -1. */
  private wordStartBefore(at: number, floor: number): number {
    for (let next = Math.min(at + 1, this.text.length - 1); next > floor; next--) {
      const start = this.wordStartAt(next);
      if (start !== -1 && start <= at) return start > floor ? start : -1;
    }
    return -1;
  }

  /** The first word start in (at, limit), or -1. */
  private wordStartAfter(at: number, limit: number): number {
    for (let next = at + 1; next < this.text.length && next - 1 < limit; next++) {
      const start = this.wordStartAt(next);
      if (start > at) return start < limit ? start : -1;
    }
    return -1;
  }

  /**
   * Where the word after a run of spaces starts, when `next` is the first character after that run: there,
   * or on the run's last space when a combining mark glues `next` to it; -1 when `next` ends no run.
   */
  private wordStartAt(next: number): number {
    const { text } = this;
    if (!isBreakSpace(text.charCodeAt(next - 1)) || isBreakSpace(text.charCodeAt(next))) return -1;
    if (startsWordAfterSpace(text, next)) return next;
    return next >= 2 && isBreakSpace(text.charCodeAt(next - 2)) && startsWordAfterSpace(text, next - 1) ? next - 1 : -1;
  }
}

/** A chapter's breaks, made once per chapter text. */
export const breaksOf = memoize((chapter: ChapterText) => new Breaks(chapter));
