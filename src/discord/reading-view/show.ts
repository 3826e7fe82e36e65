// Showing a reading: the archive-warnings screen, saving the place, and the reply or update (and the place of
// a page asked for by number, for /read and Go to…). Commands and
// clicks all come through here with a work the rating gate let through (a Showable), so every page shown is
// gated and saved the same way. A reader's first page of a work is the one shown while they have no saved
// place in it: before it, a Start reading screen if an archive warning warns; else the rating and
// warnings above the page itself.
import type { Place, SavedPlace } from '../../progress/place.js';
import { StoreUnavailable } from '../../progress/store.js';
import type { Showable } from '../../rating-gate/policy.js';
import { chapterText } from '../../reading/chapter-text.js';
import { pageAt } from '../../reading/navigation.js';
import { hasPages, pagesOf } from '../../reading/paginate.js';
import { anchorAt, relocate } from '../../reading/relocate.js';
import { plural } from '../../util/plural.js';
import type { BotContext } from '../context.js';
import { deferView, present, type ViewInteraction } from '../reply.js';
import { UserError } from '../user-error.js';
import { renderPage, renderWarnings } from './render.js';

/** The archive warning that warns of nothing: the author's word that none of the others apply. */
const NO_WARNINGS_APPLY = 'No Archive Warnings Apply';

const UNSAVED = 'Your place could not be saved just now; the bot keeps it and saves it as soon as it can.';
const UNREAD = 'Your saved place could not be read just now, so this opens at the start and leaves your saved place as it is.';
const LOST = 'This work changed since you were here and your passage is gone, so this opens at the start of its chapter.';

/** UTF-16 units of chapter text that paginate in roughly 0.1 s on a quiet machine. */
const SLOW_CHAPTER_LENGTH = 500_000;

/** Opens a new reading message: at `requested`, else the reader's saved place, else the start. */
export async function openReading(interaction: ViewInteraction, ctx: BotContext, work: Showable, requested?: Place): Promise<void> {
  const saved = await savedPlace(interaction.user.id, ctx, work);
  // A saved place is found again by its text, which an edit of the work may have moved (README "A living library").
  const found = saved && saved !== 'unknown' && !requested ? relocate(work, saved) : undefined;
  const place = requested ?? found?.place ?? { chapter: 0, offset: 0 };
  // While the store is away, the reader may have a place: it is neither overwritten with the start nor
  // taken as their first page (the warnings come again, which is harmless).
  const firstPage = saved === undefined || saved === 'unknown';
  if (firstPage && work.meta.warnings.some((w) => w !== NO_WARNINGS_APPLY)) {
    // Through present: /read's page or Go to… may have deferred while paginating a long chapter.
    await present(interaction, renderWarnings(work, place, interaction.user.id), 'reply');
    return;
  }
  if (saved === 'unknown' && !requested) {
    await present(interaction, renderPage(work, pageAt(work, place), interaction.user.id, { firstPage, notice: UNREAD }), 'reply');
    return;
  }
  await showPage(interaction, ctx, work, place, 'reply', firstPage, found?.found === 'lost' ? LOST : undefined);
}

async function savedPlace(readerId: string, ctx: BotContext, work: Showable): Promise<SavedPlace | undefined | 'unknown'> {
  try {
    return await ctx.store.get(readerId, work.id);
  } catch (error) {
    if (error instanceof StoreUnavailable) return 'unknown';
    throw error;
  }
}

/** Shows the page holding `place` to the interaction's user, and saves it as their place. */
export async function showPage(
  interaction: ViewInteraction, ctx: BotContext, work: Showable, place: Place, how: 'reply' | 'update', firstPage = false, notice?: string,
): Promise<void> {
  await deferIfSlow(interaction, work, place.chapter, how);
  const at = pageAt(work, place);
  const readerId = interaction.user.id;
  const start = { chapter: at.chapter, offset: at.page.start };
  // Queued, and written after the answer: the store is never on the way of a page (README "When the store is away").
  const saved = ctx.store.save(readerId, { workId: work.id, ...start, at: ctx.now(), anchor: anchorAt(work, start) });
  await present(interaction, renderPage(work, at, readerId, { firstPage, notice: saved ? notice : UNSAVED }), how);
}

/**
 * A huge chapter read for the first time since start-up can take longer to paginate than Discord's 3 s
 * for a first answer (10 MB took 1.4 s in bench:pages on a quiet machine), so such a page is deferred first.
 * Callers that need a chapter's pages before showing one (Go to…, /read's page) defer through this too.
 */
export async function deferIfSlow(interaction: ViewInteraction, work: Showable, chapter: number, how: 'reply' | 'update'): Promise<void> {
  if (!interaction.deferred && !interaction.replied && isSlowToPaginate(work, chapter)) await deferView(interaction, how);
}

function isSlowToPaginate(work: Showable, chapter: number): boolean {
  const index = Math.min(Math.max(chapter, 0), work.chapters.length - 1);
  return !hasPages(work, index) && chapterText(work, index).text.length > SLOW_CHAPTER_LENGTH;
}

/**
 * The place of page `n` (from 1) of a chapter, paginated first (after a deferral, if that is slow); a page
 * out of range is a UserError that gives the chapter's range.
 */
export async function placeOfPage(interaction: ViewInteraction, work: Showable, chapter: number, n: number, how: 'reply' | 'update'): Promise<Place> {
  await deferIfSlow(interaction, work, chapter, how);
  const pages = pagesOf(work, chapter);
  const which = work.chapters.length === 1 ? 'This work' : `Chapter ${chapter + 1}`;
  if (!(Number.isInteger(n) && n >= 1 && n <= pages.length)) {
    throw new UserError(`${which} has ${plural(pages.length, 'page')}; give a page from 1 to ${pages.length}.`);
  }
  return { chapter, offset: pages[n - 1]!.start };
}
