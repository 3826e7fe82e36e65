import type { BotContext } from './context.js';
import { present, type ViewInteraction } from './present.js';
import { worksAllowedIn } from './rating-gate.js';
import { renderWorksList } from './render/works.js';

/** /works and its Previous/Next: the works this channel may show, a page of the list at a time. */
export async function showWorks(
  interaction: ViewInteraction,
  ctx: BotContext,
  page: number,
  how: 'reply' | 'update',
): Promise<void> {
  const all = ctx.catalog.all();
  const shown = all.filter(worksAllowedIn(interaction.channel));
  await present(interaction, renderWorksList(shown, page, all.length - shown.length), how);
}
