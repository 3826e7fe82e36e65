import type { CommandHandler } from '../src/discord/context.js';
import { worksAllowedIn } from '../src/discord/rating-gate.js';
import { assertShowable } from '../src/discord/reading.js';
import { renderExcerpt } from '../src/discord/render/excerpt.js';
import { UserError } from '../src/discord/user-error.js';
import { autocompleteWork, resolveWork } from '../src/discord/work-option.js';
import { pickExcerpt } from '../src/reading/excerpt.js';

export const excerpt: CommandHandler = {
  async execute(interaction, ctx) {
    const query = interaction.options.getString('work');
    const from = query === null ? ctx.catalog.all() : [resolveWork(ctx, query, interaction.channel)];
    if (query !== null) assertShowable(interaction, from[0]!);
    const passage = pickExcerpt(Math.random, from, worksAllowedIn(interaction.channel));
    if (!passage) throw new UserError('There is no work here to take a passage from. Use /works to see the library.');
    await interaction.reply(renderExcerpt(passage));
  },
  autocomplete: autocompleteWork,
};
