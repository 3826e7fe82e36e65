// Reading time. 230 words per minute: a little under the 238 (non-fiction) to 260 (fiction) words per
// minute Brysbaert (2019) found for adults reading silently, so estimates err towards "more time".
import type { ChapterText } from './chapter-text.js';
import { countBetween } from './escape.js';

export const WORDS_PER_MINUTE = 230;

/** Minutes to read this many words, rounded up. */
export function readingMinutes(words: number): number {
  return Math.ceil(words / WORDS_PER_MINUTE);
}

/** Words of a chapter that start at or after an offset. */
export function wordsFrom(chapter: ChapterText, offset: number): number {
  const starts = wordStarts(chapter);
  return countBetween(starts, offset, Number.MAX_SAFE_INTEGER);
}

const memo = new WeakMap<ChapterText, Int32Array>();

/** Where each word starts; a scene break's ornament is not a word. */
function wordStarts(chapter: ChapterText): Int32Array {
  let starts = memo.get(chapter);
  if (!starts) {
    const ornaments = new Set(chapter.blocks.filter((b) => b.kind === 'sceneBreak').map((b) => b.start));
    const all = Array.from(chapter.text.matchAll(/\S+/g), (m) => m.index);
    starts = Int32Array.from(all.filter((at) => !ornaments.has(at)));
    memo.set(chapter, starts);
  }
  return starts;
}
