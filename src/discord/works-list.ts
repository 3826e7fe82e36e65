import type { ButtonInteraction, ChatInputCommandInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { worksAllowedIn } from './rating-gate.js';
import { renderWorksList } from './render/works.js';

/** /works and its Previous/Next: the works this channel may show, a page of the list at a time. */
export async function showWorks(
  interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  ctx: BotContext,
  page: number,
  how: 'reply' | 'update',
): Promise<void> {
  const all = ctx.catalog.all();
  const shown = all.filter(worksAllowedIn(interaction.channel));
  const view = renderWorksList(shown, page, all.length - shown.length);
  if (how === 'update' && interaction.isMessageComponent()) await interaction.update(view);
  else await interaction.reply(view);
}
