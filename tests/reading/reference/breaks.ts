// Reference copy of src/reading/breaks.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// Where a page may end, ranked: a scene break beats a paragraph end, which beats a sentence end, which
// beats a space between words. A cut inside a word (at a grapheme boundary) is not listed here: it is
// the last resort for a token longer than a page.
import { memoize } from '../../../src/util/memo.js';
import type { ChapterText } from '../../../src/reading/chapter-text.js';
import { startsWordAfterSpace } from './graphemes.js';
import { sentenceRanges } from './sentences.js';

export const BOUNDARY_KINDS = ['grapheme', 'word', 'sentence', 'paragraph', 'scene'] as const;
export type BoundaryKind = (typeof BOUNDARY_KINDS)[number];
export const RANK: Readonly<Record<BoundaryKind, number>> = { grapheme: 0, word: 1, sentence: 2, paragraph: 3, scene: 4 };

/**
 * Spaces a line may break at. No-break spaces (U+00A0, U+2007, U+202F) are left out on purpose: the author
 * asked for those words to stay together.
 */
export function isBreakSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x1680) return false;
  return (
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a && code !== 0x2007) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000
  );
}

/** Where the word starting at `at` ends: its first space, or the text's end. */
export function wordEnd(text: string, at: number): number {
  while (at < text.length && !isBreakSpace(text.charCodeAt(at))) at++;
  return at;
}

/** Offsets strictly inside the text where the next page may start, ascending, with their rank. */
export interface BreakIndex {
  positions: Int32Array;
  ranks: Uint8Array;
}

/** A chapter's break index, built once per chapter text. */
export const breakIndex = memoize(buildBreakIndex);

function buildBreakIndex({ text, blocks }: ChapterText): BreakIndex {
  const rankAt = new Uint8Array(text.length + 1);
  // A plain loop: matching the spaces with a regex allocates a match per word and is several times slower.
  let runStart = -1;
  for (let at = 0; at < text.length; at++) {
    if (isBreakSpace(text.charCodeAt(at))) {
      if (runStart < 0) runStart = at;
      continue;
    }
    if (runStart < 0) continue;
    // A combining mark after the run's last space makes that space part of the next word.
    if (startsWordAfterSpace(text, at)) rankAt[at] = RANK.word;
    else if (at - 1 > runStart && startsWordAfterSpace(text, at - 1)) rankAt[at - 1] = RANK.word;
    runStart = -1;
  }
  for (const block of blocks) {
    if (block.kind === 'sceneBreak') continue;
    for (const sentence of sentenceRanges(text.slice(block.start, block.end))) {
      const at = block.start + sentence.start;
      if (rankAt[at] === RANK.word) rankAt[at] = RANK.sentence;
    }
  }
  blocks.forEach((block, i) => {
    const afterScene = blocks[i - 1]?.kind === 'sceneBreak';
    if (i > 0) rankAt[block.start] = block.kind === 'sceneBreak' || afterScene ? RANK.scene : RANK.paragraph;
  });
  rankAt[0] = 0;
  rankAt[text.length] = 0;
  const positions: number[] = [];
  const ranks: number[] = [];
  for (let at = 0; at < rankAt.length; at++) {
    if (rankAt[at] === 0) continue;
    positions.push(at);
    ranks.push(rankAt[at]!);
  }
  return { positions: Int32Array.from(positions), ranks: Uint8Array.from(ranks) };
}
