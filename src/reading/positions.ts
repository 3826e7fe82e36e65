// Reading positions are (chapter, offset into the chapter's canonical text); pages are only a view of them,
// so a place saved under one page size opens on the page holding it under another.
import type { Work } from '../library/model.js';
import type { Place } from '../progress/place.js';
import { firstIndexWhere } from '../util/sorted-search.js';
import { chapterText } from './chapter-text.js';
import type { Page } from './paginate.js';
import { readingMinutes, wordsFrom } from './time.js';

/**
 * Index of the page holding an offset. Past the chapter's end clamps to the last page, before its start to the
 * first; pages must be a chapter's pages, contiguous from 0, at least one.
 */
export function pageOf(pages: readonly Page[], offset: number): number {
  return firstIndexWhere(1, pages.length, (index) => pages[index]!.start > offset) - 1;
}

/** Whole percent of the work's text before an offset in a chapter, 100 only at the very end. */
export function percentOfWork(work: Work, chapterIndex: number, offset: number): number {
  let before = 0;
  let total = 0;
  work.chapters.forEach((_, i) => {
    const length = chapterText(work, i).text.length;
    if (i < chapterIndex) before += length;
    if (i === chapterIndex) before += Math.min(Math.max(offset, 0), length);
    total += length;
  });
  return total === 0 ? 100 : Math.floor((100 * before) / total);
}

/** Minutes to read a chapter from an offset to its end (see WORDS_PER_MINUTE). */
export function minutesLeftInChapter(work: Work, chapterIndex: number, offset: number): number {
  return readingMinutes(wordsFrom(chapterText(work, chapterIndex), offset));
}

/** The first place at which the work is `percent` read (percentOfWork's inverse): Go to… a percent lands on its page. */
export function placeAtPercent(work: Work, percent: number): Place {
  const lengths = work.chapters.map((_, i) => chapterText(work, i).text.length);
  const total = lengths.reduce((sum, length) => sum + length, 0);
  let before = Math.ceil((Math.min(Math.max(percent, 0), 100) * total) / 100);
  for (let chapter = 0; chapter < lengths.length; chapter++) {
    const length = lengths[chapter]!;
    if (before < length || chapter === lengths.length - 1) return { chapter, offset: Math.min(before, length) };
    before -= length;
  }
  return { chapter: 0, offset: 0 };
}
