import type { CommandHandler } from '../src/discord/context.js';
import { worksAllowedIn } from '../src/discord/rating-gate.js';
import { openReading } from '../src/discord/reading.js';
import { UserError } from '../src/discord/user-error.js';
import { autocompleteWork, resolveWork } from '../src/discord/work-option.js';

export const resume: CommandHandler = {
  async execute(interaction, ctx) {
    const query = interaction.options.getString('work');
    if (query !== null) {
      await openReading(interaction, ctx, resolveWork(ctx, query, interaction.channel));
      return;
    }
    // The latest reading this channel may show; a more recent restricted one is named, not shown.
    const places = await ctx.store.list(interaction.user.id, ctx.catalog.ids());
    const works = places.map((p) => ctx.catalog.byId(p.workId)).filter((w) => w !== undefined);
    const latest = works.find(worksAllowedIn(interaction.channel));
    if (!latest) {
      throw new UserError(
        works.length > 0
          ? 'The works you have been reading can only be shown in an age-restricted channel. Continue there.'
          : 'You have not started any work yet. Use /works to find one, then /read.',
      );
    }
    await openReading(interaction, ctx, latest);
  },
  autocomplete: autocompleteWork,
};
