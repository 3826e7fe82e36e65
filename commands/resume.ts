// /resume [work]: continues a work, or the one the reader read most recently.
import type { Command } from '../src/discord/command.js';
import { openReading } from '../src/discord/reading-view/show.js';
import { UserError } from '../src/discord/user-error.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { everywhere } from './contexts.js';

export const resume: Command = {
  data: { name: 'resume', description: 'Continue a work, or the one you read last', options: [workOption(false, 'Title of the work (default: your latest)')], ...everywhere },
  async execute(interaction, ctx) {
    const gate = gateFor(interaction);
    const query = interaction.options.getString('work');
    if (query !== null) {
      await openReading(interaction, ctx, resolveWork(ctx, query, gate));
      return;
    }
    // The latest reading this channel may show; a more recent restricted one is named, not shown.
    const places = await ctx.store.list(interaction.user.id, ctx.catalog.ids());
    const works = places.map((p) => ctx.catalog.byId(p.workId)).filter((w) => w !== undefined);
    const latest = works.find(gate.allows);
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
