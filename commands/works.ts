import type { CommandHandler } from '../src/discord/context.js';
import { showWorks } from '../src/discord/works-list.js';

export const works: CommandHandler = {
  execute: (interaction, ctx) => showWorks(interaction, ctx, 0, 'reply'),
};
