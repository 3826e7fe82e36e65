// Cutting a chapter into pages that each fit one Discord embed description, at the best boundary
// available, well filled, and together giving back the chapter's text exactly.
import type { Work } from '../library/model.js';
import { memoize } from '../util/memo.js';
import { firstIndexWhere } from '../util/sorted-search.js';
import { BOUNDARY_KINDS, breaksOf, RANK, wordEnd, type BoundaryKind, type Breaks } from './breaks.js';
import { chapterText, type ChapterText } from './chapter-text.js';
import { codePointBoundary, graphemeBoundaries } from './graphemes.js';
import { RangeMeter, renderedLength, renderRange } from './markdown.js';

/**
 * Most UTF-16 units a page body may have, backslashes and emphasis markers included. An embed description
 * takes 4,096 and all embeds 6,000; Components V2 allow 4,000 across all text displays. 3,300 fits either
 * layout and leaves 700 for the title, author, footer or headings around a page. It is about two phone
 * screens of prose: long enough to read without clicking every few seconds, short enough to take in. Among
 * 3,000-3,800 it also packs the founding works best (mean fill about 92%, every page but the last over
 * three quarters full), where 3,500 leaves the shorter work at 83%. UTF-16 units are never fewer than the
 * code points Discord counts, so the count errs on the safe side.
 */
export const PAGE_BUDGET = 3300;

/** Below this a budget cannot hold one grapheme with its backslash and four styles' markers both sides. */
const MIN_BUDGET = 32;

/** How full a page must be before a boundary of each kind may end it: a better boundary may leave more room. */
const MIN_FILL: Readonly<Record<'scene' | 'paragraph' | 'sentence', number>> = { scene: 0.7, paragraph: 0.82, sentence: 0.9 };

/** No page but a chapter's last is emptier than this, unless the word after it is longer than the rest. */
const HALF = 0.5;

/** A chapter's last page below this is rebalanced with the one before it. */
const TINY_LAST = 0.25;

export type PageEnd = BoundaryKind | 'end';

export interface Page {
  /** Position of the page in its chapter, from 0. */
  index: number;
  /** [start, end) of the chapter's canonical text (see chapterText). */
  start: number;
  end: number;
  /** Discord markdown, at most the budget in UTF-16 units; rendered when first read, then kept. */
  readonly body: string;
  /** The boundary the page ends at; 'end' for the chapter's last page. */
  endsAt: PageEnd;
}

export function paginateChapter(work: Work, chapterIndex: number, budget = PAGE_BUDGET): Page[] {
  return paginateText(chapterText(work, chapterIndex), budget);
}

/** Every chapter's pages, memoised like pagesOf. */
export function paginateWork(work: Work, budget = PAGE_BUDGET): Page[][] {
  return work.chapters.map((_, chapterIndex) => pagesOf(work, chapterIndex, budget));
}

/** Each chapter's pages so far, by budget. */
const pagesByBudget = memoize((_work: Work) => new Map<number, Page[][]>());

/** paginateChapter, memoised per work and budget: the bot asks on every click, and pages once per chapter. */
export function pagesOf(work: Work, chapterIndex: number, budget = PAGE_BUDGET): Page[] {
  const byBudget = pagesByBudget(work);
  let chapters = byBudget.get(budget);
  if (!chapters) byBudget.set(budget, (chapters = []));
  return (chapters[chapterIndex] ??= paginateChapter(work, chapterIndex, budget));
}

/** Whether pagesOf would answer from its memo, without paginating. */
export function hasPages(work: Work, chapterIndex: number, budget = PAGE_BUDGET): boolean {
  return pagesByBudget(work).get(budget)?.[chapterIndex] !== undefined;
}

/** Pages of any chapter text; an empty text has one empty page, so every chapter has a page to show. */
export function paginateText(chapter: ChapterText, budget = PAGE_BUDGET): Page[] {
  if (budget < MIN_BUDGET) throw new RangeError(`a page budget of ${budget} cannot hold a grapheme`);
  const cuts = new Paginator(chapter, budget).cuts();
  const starts = [0, ...cuts.map((cut) => cut.at)];
  return starts.map((start, index) => lazyPage(chapter, index, start, cuts[index]?.at ?? chapter.text.length, cuts[index]?.kind ?? 'end'));
}

/** A page whose body is rendered on first read: a reader opens a few pages of a chapter, not all of them. */
function lazyPage(chapter: ChapterText, index: number, start: number, end: number, endsAt: PageEnd): Page {
  let rendered: string | undefined;
  return {
    index,
    start,
    end,
    endsAt,
    get body() {
      return (rendered ??= renderRange(chapter, start, end));
    },
  };
}

interface Cut {
  at: number;
  kind: BoundaryKind;
}

/**
 * Page ends are chosen from the end of each page backwards, looking only at the breaks near it. That relies on
 * a rendered range growing by at least one unit per character added at its end (the character itself; its
 * backslash and markers can only add), tested in markdown.test.ts.
 */
class Paginator {
  private readonly breaks: Breaks;
  private readonly length: number;

  constructor(
    private readonly chapter: ChapterText,
    private readonly budget: number,
  ) {
    this.breaks = breaksOf(chapter);
    this.length = chapter.text.length;
  }

  cuts(): Cut[] {
    const cuts: Cut[] = [];
    let start = 0;
    while (!this.fits(start, this.length)) {
      const cut = this.nextCut(start);
      cuts.push(cut);
      start = cut.at;
    }
    return this.rebalanceLast(cuts);
  }

  private nextCut(start: number): Cut {
    const page = new RangeMeter(this.chapter, start);
    const last = this.lastFitting(page, start);
    if (last === -1) return this.cutInsideToken(page, start);
    const best = this.bestBoundary(start, last);
    if (best !== undefined) return best;
    const tooLong = !this.fits(last, wordEnd(this.chapter.text, last));
    if (page.lengthTo(last) < HALF * this.budget && tooLong) return this.cutInsideToken(page, start);
    return { at: last, kind: BOUNDARY_KINDS[this.breaks.rankOf(last)]! };
  }

  /**
   * The last break at most a budget after start whose page from start fits, or -1. A page `over` units too
   * long fits once its end moves `over` characters back; a page that fits with `slack` units to spare cannot
   * take more than `slack` characters more. So each length measured narrows where the last fitting end can be,
   * and only the breaks left in between are measured.
   */
  private lastFitting(page: RangeMeter, start: number): number {
    let at = this.breaks.before(start + this.budget, start);
    if (at === -1) return -1;
    let length = page.lengthTo(at);
    if (length <= this.budget) return at;
    let fits = Math.max(start, at - (length - this.budget));
    for (;;) {
      const notBeyond = fits + this.budget - page.lengthTo(fits);
      at = this.breaks.before(Math.min(notBeyond, at - 1), start);
      if (at === -1 || at <= fits) return at;
      length = page.lengthTo(at);
      if (length <= this.budget) return at;
      fits = Math.max(fits, at - (length - this.budget));
    }
  }

  /**
   * The latest sentence, paragraph or scene boundary full enough for its kind, best kind first. Scenes and
   * paragraphs are block starts; a sentence may only end a page fuller than any paragraph may, so only the
   * breaks in the last part of the page are asked whether a sentence starts there.
   */
  private bestBoundary(start: number, last: number): Cut | undefined {
    let paragraph = -1;
    for (let at = this.breaks.blockStartBefore(last, start); this.fullEnough(start, at, 'scene'); ) {
      if (this.breaks.rankOf(at) === RANK.scene) return { at, kind: 'scene' };
      if (paragraph === -1) paragraph = at;
      at = this.breaks.blockStartBefore(at - 1, start);
    }
    if (this.fullEnough(start, paragraph, 'paragraph')) return { at: paragraph, kind: 'paragraph' };
    for (let at = last; this.fullEnough(start, at, 'sentence'); at = this.breaks.before(at - 1, start)) {
      if (this.breaks.rankOf(at) === RANK.sentence) return { at, kind: 'sentence' };
    }
    return undefined;
  }

  /** Whether a page from start may end at `at` (-1 for none) with a boundary of this kind. */
  private fullEnough(start: number, at: number, kind: keyof typeof MIN_FILL): boolean {
    return at !== -1 && at - start >= MIN_FILL[kind] * this.budget;
  }

  /** A token longer than a page: fill the page to the last grapheme boundary that fits. */
  private cutInsideToken(page: RangeMeter, start: number): Cut {
    const to = Math.min(this.length, start + this.budget);
    const boundaries = graphemeBoundaries(this.chapter.text, start, to);
    const firstTooLong = firstIndexWhere(0, boundaries.length, (i) => page.lengthTo(boundaries[i]!) > this.budget);
    if (firstTooLong > 0) return { at: boundaries[firstTooLong - 1]!, kind: 'grapheme' };
    let at = codePointBoundary(this.chapter.text, to);
    while (at > start + 1 && page.lengthTo(at) > this.budget) at = codePointBoundary(this.chapter.text, at - 1);
    return { at, kind: 'grapheme' };
  }

  /**
   * A tiny last page reads as a leftover: move the cut before it back, to a boundary as good as possible that
   * leaves both pages within budget, the one before at least half full, and the last at least a quarter full.
   */
  private rebalanceLast(cuts: Cut[]): Cut[] {
    const lastCut = cuts[cuts.length - 1];
    if (!lastCut) return cuts;
    const lastFill = this.measure(lastCut.at, this.length);
    if (lastFill >= HALF * this.budget) return cuts;
    const from = cuts[cuts.length - 2]?.at ?? 0;
    const better = this.balancedCut(from, Math.max(lastFill, TINY_LAST * this.budget));
    return better ? [...cuts.slice(0, -1), better] : cuts;
  }

  private balancedCut(from: number, minLast: number): Cut | undefined {
    const page = new RangeMeter(this.chapter, from);
    let best: { at: number; rank: number; balance: number } | undefined;
    for (let at = this.breaks.after(from); at !== -1; at = this.breaks.after(at)) {
      const before = page.lengthTo(at);
      if (before > this.budget) break;
      if (before < HALF * this.budget) continue;
      const after = this.measure(at, this.length);
      if (after < minLast || after > this.budget) continue;
      const candidate = { at, rank: this.breaks.rankOf(at), balance: Math.min(before, after) };
      if (!best || candidate.rank > best.rank || (candidate.rank === best.rank && candidate.balance > best.balance)) best = candidate;
    }
    return best && { at: best.at, kind: BOUNDARY_KINDS[best.rank]! };
  }

  private measure(start: number, end: number): number {
    return renderedLength(this.chapter, start, end);
  }

  private fits(start: number, end: number): boolean {
    return end - start <= this.budget && this.measure(start, end) <= this.budget;
  }
}
