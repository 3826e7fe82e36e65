import { MessageFlags } from 'discord.js';
import type { CommandHandler } from '../src/discord/context.js';
import { progressView } from '../src/discord/progress-view.js';

// Ephemeral: what someone reads is theirs to share, not the channel's.
export const progress: CommandHandler = {
  execute: async (interaction, ctx) => {
    await interaction.reply({ ...(await progressView(ctx, interaction.user.id)), flags: MessageFlags.Ephemeral });
  },
};
