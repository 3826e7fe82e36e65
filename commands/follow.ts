// /follow work: hear of the work's new chapters by direct message, as the Follow button under a page does
// (src/discord/reading-view/follow.ts). /unfollow undoes it.
import type { Command } from '../src/discord/command.js';
import { followWork } from '../src/discord/reading-view/follow.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { everywhere } from './contexts.js';

export const follow: Command = {
  data: { name: 'follow', description: 'Get a direct message when a work gains a chapter', options: [workOption(true, 'The work to follow')], ...everywhere },
  async execute(interaction, ctx) {
    await followWork(interaction, ctx, resolveWork(ctx, interaction.options.getString('work', true), gateFor(interaction)));
  },
  autocomplete: autocompleteWork,
};
