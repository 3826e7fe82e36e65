// Showing a reading: the archive-warnings screen, saving the place, and the reply or update. Commands and
// clicks all come through here with a work the rating gate let through (a Showable), so every page shown is
// gated and saved the same way. A reader's first page of a work is the one shown while they have no saved
// place in it: before it, a Start reading screen if an archive warning warns; else the rating and
// warnings above the page itself.
import type { Place } from '../../progress/place.js';
import type { Showable } from '../../rating-gate/policy.js';
import { chapterText } from '../../reading/chapter-text.js';
import { pageAt } from '../../reading/navigation.js';
import { hasPages } from '../../reading/paginate.js';
import type { BotContext } from '../context.js';
import { present, type ViewInteraction } from '../reply.js';
import { renderPage, renderWarnings } from './render.js';

/** The archive warning that warns of nothing: the author's word that none of the others apply. */
const NO_WARNINGS_APPLY = 'No Archive Warnings Apply';

/** UTF-16 units of chapter text that paginate in roughly 0.1 s on a quiet machine. */
const SLOW_CHAPTER_LENGTH = 500_000;

/** Opens a new reading message: at `requested`, else the reader's saved place, else the start. */
export async function openReading(interaction: ViewInteraction, ctx: BotContext, work: Showable, requested?: Place): Promise<void> {
  const saved = await ctx.store.get(interaction.user.id, work.id);
  const place = requested ?? saved ?? { chapter: 0, offset: 0 };
  const firstPage = !saved;
  if (firstPage && work.meta.warnings.some((w) => w !== NO_WARNINGS_APPLY)) {
    await interaction.reply(renderWarnings(work, place, interaction.user.id));
    return;
  }
  await showPage(interaction, ctx, work, place, 'reply', firstPage);
}

/** Shows the page holding `place` to the interaction's user, and saves it as their place. */
export async function showPage(
  interaction: ViewInteraction, ctx: BotContext, work: Showable, place: Place, how: 'reply' | 'update', firstPage = false,
): Promise<void> {
  if (isSlowToPaginate(work, place.chapter)) {
    if (how === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
    else await interaction.deferReply();
  }
  const at = pageAt(work, place);
  const readerId = interaction.user.id;
  try {
    await ctx.store.save(readerId, { workId: work.id, chapter: at.chapter, offset: at.page.start, at: ctx.now() });
  } catch (err) {
    // A store outage must not stop someone reading; the place is lost for this page only.
    ctx.logger.error({ err, user: readerId, work: work.id }, 'could not save the reading place');
  }
  await present(interaction, renderPage(work, at, readerId, firstPage), how);
}

/**
 * A huge chapter read for the first time since start-up can take longer to paginate than Discord's 3 s
 * for a first answer (10 MB took 1.4 s in bench:pages on a quiet machine), so such a page is deferred first.
 */
function isSlowToPaginate(work: Showable, chapter: number): boolean {
  const index = Math.min(Math.max(chapter, 0), work.chapters.length - 1);
  return !hasPages(work, index) && chapterText(work, index).text.length > SLOW_CHAPTER_LENGTH;
}
