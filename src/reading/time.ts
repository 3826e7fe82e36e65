// Reading time. 230 words per minute: a little under the 238 (non-fiction) to 260 (fiction) words per
// minute adults read silently, so estimates err towards "more time".
import { memoize } from '../util/memo.js';
import { countBetween } from '../util/sorted-search.js';
import { wordStarts } from '../util/words.js';
import type { ChapterText } from './chapter-text.js';

export const WORDS_PER_MINUTE = 230;

/** Minutes to read this many words, rounded up. */
export function readingMinutes(words: number): number {
  return Math.ceil(words / WORDS_PER_MINUTE);
}

/** Words of a chapter that start at or after an offset. */
export function wordsFrom(chapter: ChapterText, offset: number): number {
  return countBetween(storyWordStarts(chapter), offset, Number.MAX_SAFE_INTEGER);
}

/** Where each word starts; a scene break's ornament is not a word. */
const storyWordStarts = memoize((chapter: ChapterText): Int32Array => {
  const ornaments = new Set(chapter.blocks.filter((b) => b.kind === 'sceneBreak').map((b) => b.start));
  return Int32Array.from(wordStarts(chapter.text).filter((at) => !ornaments.has(at)));
});
