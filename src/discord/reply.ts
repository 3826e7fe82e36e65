import { MessageFlags, type BaseMessageOptions, type ChatInputCommandInteraction, type RepliableInteraction } from 'discord.js';
import type { ComponentInteraction } from './controls.js';

export type ViewInteraction = ChatInputCommandInteraction | ComponentInteraction;

/** Shows a view: as a new message, or in place of the clicked one; after a deferral, by editing. */
export async function present(interaction: ViewInteraction, view: BaseMessageOptions, how: 'reply' | 'update'): Promise<void> {
  if (interaction.deferred) await interaction.editReply(view);
  else if (how === 'update' && interaction.isMessageComponent()) await interaction.update(view);
  else await interaction.reply(view);
}

/** An ephemeral answer, whether or not the interaction was already answered or deferred. */
export async function replyEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  const options = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}
