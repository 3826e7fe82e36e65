// /unfollow work: no more direct messages about the work's new chapters (/follow, or Follow under a page).
import type { Command } from '../src/discord/command.js';
import { unfollowWork } from '../src/discord/reading-view/follow.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { everywhere } from './contexts.js';

export const unfollow: Command = {
  data: { name: 'unfollow', description: 'Stop the direct messages about a work\'s new chapters', options: [workOption(true, 'The work to stop following')], ...everywhere },
  async execute(interaction, ctx) {
    await unfollowWork(interaction, ctx, resolveWork(ctx, interaction.options.getString('work', true), gateFor(interaction)));
  },
  autocomplete: autocompleteWork,
};
