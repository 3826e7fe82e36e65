// Reference copy of src/reading/paginate.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// Cutting a chapter into pages that each fit one Discord embed description, at the best boundary
// available, well filled, and together giving back the chapter's text exactly.
import { firstIndexWhere, lowerBound } from '../../../src/util/sorted-search.js';
import { BOUNDARY_KINDS, breakIndex, RANK, wordEnd, type BoundaryKind, type BreakIndex } from './breaks.js';
import type { ChapterText } from '../../../src/reading/chapter-text.js';
import { codePointBoundary, graphemeBoundaries } from './graphemes.js';
import { renderedLength, renderRange } from './markdown.js';

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
  /** Discord markdown, at most the budget in UTF-16 units. */
  body: string;
  /** The boundary the page ends at; 'end' for the chapter's last page. */
  endsAt: PageEnd;
}

/** Pages of any chapter text; an empty text has one empty page, so every chapter has a page to show. */
export function paginateText(chapter: ChapterText, budget = PAGE_BUDGET): Page[] {
  if (budget < MIN_BUDGET) throw new RangeError(`a page budget of ${budget} cannot hold a grapheme`);
  const cuts = new Paginator(chapter, budget).cuts();
  const starts = [0, ...cuts.map((cut) => cut.at)];
  return starts.map((start, index) => {
    const end = cuts[index]?.at ?? chapter.text.length;
    return { index, start, end, body: renderRange(chapter, start, end), endsAt: cuts[index]?.kind ?? 'end' };
  });
}

interface Cut {
  at: number;
  kind: BoundaryKind;
}

class Paginator {
  private readonly breaks: BreakIndex;
  private readonly length: number;

  constructor(
    private readonly chapter: ChapterText,
    private readonly budget: number,
  ) {
    this.breaks = breakIndex(chapter);
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
    const { positions, ranks } = this.breaks;
    const first = lowerBound(positions, start + 1);
    const last = this.lastFitting(first, lowerBound(positions, start + this.budget + 1) - 1, start);
    if (last < first) return this.cutInsideToken(start);
    const best = this.bestBoundary(start, first, last);
    if (best !== undefined) return best;
    const at = positions[last]!;
    const tooLong = !this.fits(at, wordEnd(this.chapter.text, at));
    if (this.measure(start, at) < HALF * this.budget && tooLong) return this.cutInsideToken(start);
    return { at, kind: BOUNDARY_KINDS[ranks[last]!]! };
  }

  /** The last candidate index in [first, last] whose page from start fits, or first - 1. */
  private lastFitting(first: number, last: number, start: number): number {
    return firstIndexWhere(first, last + 1, (i) => !this.fits(start, this.breaks.positions[i]!)) - 1;
  }

  /** The latest sentence, paragraph or scene boundary full enough for its kind, best kind first. */
  private bestBoundary(start: number, first: number, last: number): Cut | undefined {
    const { positions, ranks } = this.breaks;
    const latest = new Map<number, number>();
    const lowest = Math.min(...Object.values(MIN_FILL)) * this.budget;
    for (let i = last; i >= first && positions[i]! - start >= lowest; i--) {
      for (let rank = ranks[i]!; rank >= RANK.sentence && !latest.has(rank); rank--) latest.set(rank, positions[i]!);
    }
    for (const kind of ['scene', 'paragraph', 'sentence'] as const) {
      const at = latest.get(RANK[kind]);
      if (at !== undefined && at - start >= MIN_FILL[kind] * this.budget) return { at, kind: BOUNDARY_KINDS[this.rankAt(at)]! };
    }
    return undefined;
  }

  /** A token longer than a page: fill the page to the last grapheme boundary that fits. */
  private cutInsideToken(start: number): Cut {
    const to = Math.min(this.length, start + this.budget);
    const boundaries = graphemeBoundaries(this.chapter.text, start, to);
    const firstTooLong = firstIndexWhere(0, boundaries.length, (i) => !this.fits(start, boundaries[i]!));
    if (firstTooLong > 0) return { at: boundaries[firstTooLong - 1]!, kind: 'grapheme' };
    let at = codePointBoundary(this.chapter.text, to);
    while (at > start + 1 && !this.fits(start, at)) at = codePointBoundary(this.chapter.text, at - 1);
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
    const { positions, ranks } = this.breaks;
    let best: { at: number; rank: number; balance: number } | undefined;
    for (let i = lowerBound(positions, from + 1); i < positions.length; i++) {
      const at = positions[i]!;
      const before = this.measure(from, at);
      const after = this.measure(at, this.length);
      if (before > this.budget) break;
      if (before < HALF * this.budget || after < minLast || after > this.budget) continue;
      const candidate = { at, rank: ranks[i]!, balance: Math.min(before, after) };
      if (!best || candidate.rank > best.rank || (candidate.rank === best.rank && candidate.balance > best.balance)) best = candidate;
    }
    return best && { at: best.at, kind: BOUNDARY_KINDS[best.rank]! };
  }

  private rankAt(at: number): number {
    return this.breaks.ranks[lowerBound(this.breaks.positions, at)]!;
  }

  private measure(start: number, end: number): number {
    return renderedLength(this.chapter, start, end);
  }

  private fits(start: number, end: number): boolean {
    return end - start <= this.budget && this.measure(start, end) <= this.budget;
  }
}
