import { MessageFlags, type BaseMessageOptions, type ChatInputCommandInteraction, type ModalSubmitInteraction, type RepliableInteraction } from 'discord.js';
import type { ComponentInteraction } from './controls.js';

export type ViewInteraction = ChatInputCommandInteraction | ComponentInteraction | ModalSubmitInteraction;

/**
 * Shows a view: as a new message, or in place of the clicked one (or of the one a submitted modal was opened
 * from); after a deferral, by editing.
 */
export async function present(interaction: ViewInteraction, view: BaseMessageOptions, how: 'reply' | 'update'): Promise<void> {
  const sent = asSent(view);
  if (interaction.deferred) await interaction.editReply(sent);
  else if (how === 'update' && interaction.isMessageComponent()) await interaction.update(sent);
  else if (how === 'update' && interaction.isModalSubmit() && interaction.isFromMessage()) await interaction.update(sent);
  else await interaction.reply(sent);
}

/** Acknowledges now and answers later, in the same way `present` would answer. */
export async function deferView(interaction: ViewInteraction, how: 'reply' | 'update'): Promise<void> {
  if (how === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
  else if (how === 'update' && interaction.isModalSubmit() && interaction.isFromMessage()) await interaction.deferUpdate();
  else await interaction.deferReply();
}

/**
 * Views are already Discord's API JSON (controls.ts). discord.js re-keys plain embeds and components to
 * snake_case, key by key, on every send (about 4% of a page turn's CPU); what has a toJSON it sends as it is.
 */
function asSent(view: BaseMessageOptions): BaseMessageOptions {
  const asIs = <T extends object>(json: T) => ('toJSON' in json ? json : { toJSON: () => json });
  return {
    ...view,
    ...(view.embeds ? { embeds: view.embeds.map(asIs) } : {}),
    ...(view.components ? { components: view.components.map(asIs) } : {}),
  } as BaseMessageOptions;
}

/** An ephemeral answer, whether or not the interaction was already answered or deferred. */
export async function replyEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  const options = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}
