// "A reader can see and delete what is stored about them" (SPEC section 5): /progress is ephemeral, and its
// delete button asks once more before anything is removed.
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type ButtonInteraction, type StringSelectMenuInteraction } from 'discord.js';
import type { BotContext } from './context.js';
import { encodeCustomId } from './custom-id.js';
import { progressView } from './progress-view.js';

export async function answerForget(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  ctx: BotContext,
  step: 'ask' | 'confirm' | 'cancel',
): Promise<void> {
  const userId = interaction.user.id;
  const workIds = ctx.catalog.ids();
  if (step === 'cancel') {
    await interaction.update(await progressView(ctx, userId));
  } else if (step === 'ask') {
    const count = (await ctx.store.list(userId, workIds)).length;
    await interaction.update({
      content: `Delete your place in ${count} ${count === 1 ? 'work' : 'works'}? This cannot be undone.`,
      embeds: [],
      components: [
        new ActionRowBuilder<ButtonBuilder>().addComponents(
          new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'forget', step: 'confirm' })).setLabel('Delete').setStyle(ButtonStyle.Danger),
          new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'forget', step: 'cancel' })).setLabel('Keep').setStyle(ButtonStyle.Secondary),
        ),
      ],
    });
  } else {
    const deleted = await ctx.store.forget(userId, workIds);
    ctx.logger.info({ user: userId, deleted }, 'reader deleted their progress');
    await interaction.update({ content: `Deleted your place in ${deleted} ${deleted === 1 ? 'work' : 'works'}.`, embeds: [], components: [] });
  }
}
