import type { BaseMessageOptions, ButtonInteraction, ChatInputCommandInteraction, StringSelectMenuInteraction } from 'discord.js';

export type ViewInteraction = ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction;

/** Shows a view: as a new message, or in place of the clicked one; after a deferral, by editing. */
export async function present(interaction: ViewInteraction, view: BaseMessageOptions, how: 'reply' | 'update'): Promise<void> {
  if (interaction.deferred) await interaction.editReply(view);
  else if (how === 'update' && interaction.isMessageComponent()) await interaction.update(view);
  else await interaction.reply(view);
}
