// Moving through a work page by page, across chapter ends. Places are (chapter, offset), never page numbers.
import type { Work } from '../library/model.js';
import type { Place } from '../progress/place.js';
import { pagesOf, type Page } from './paginate.js';
import { pageOf } from './positions.js';

export interface PageAt {
  chapter: number;
  /** Index of the page in its chapter. */
  index: number;
  page: Page;
  pageCount: number;
}

/** The page holding a place; a chapter out of range clamps to the nearest chapter. */
export function pageAt(work: Work, place: Place): PageAt {
  const chapter = Math.min(Math.max(place.chapter, 0), work.chapters.length - 1);
  const pages = pagesOf(work, chapter);
  const index = pageOf(pages, place.offset);
  return { chapter, index, page: pages[index]!, pageCount: pages.length };
}

/** The page before, going back into the previous chapter's last page; undefined at the work's start. */
export function previousPlace(work: Work, at: PageAt): Place | undefined {
  if (at.index > 0) return { chapter: at.chapter, offset: pagesOf(work, at.chapter)[at.index - 1]!.start };
  if (at.chapter === 0) return undefined;
  const pages = pagesOf(work, at.chapter - 1);
  return { chapter: at.chapter - 1, offset: pages[pages.length - 1]!.start };
}

/** The page after, going on to the next chapter's first page; undefined at the work's end. */
export function nextPlace(work: Work, at: PageAt): Place | undefined {
  if (at.index < at.pageCount - 1) return { chapter: at.chapter, offset: pagesOf(work, at.chapter)[at.index + 1]!.start };
  if (at.chapter >= work.chapters.length - 1) return undefined;
  return { chapter: at.chapter + 1, offset: 0 };
}
