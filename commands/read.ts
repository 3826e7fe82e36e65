// /read work [chapter] [page]: opens a work at the reader's saved place, or at the chapter and page asked for.
import { ApplicationCommandOptionType } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { openReading, placeOfPage } from '../src/discord/reading-view/show.js';
import { UserError } from '../src/discord/user-error.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { plural } from '../src/util/plural.js';
import { everywhere } from './contexts.js';

export const read: Command = {
  data: {
    name: 'read',
    description: 'Read a work, from where you left off or from a chapter',
    options: [
      workOption(true, 'Title of the work'),
      { type: ApplicationCommandOptionType.Integer, name: 'chapter', description: 'Chapter number to start at', required: false, min_value: 1 },
      { type: ApplicationCommandOptionType.Integer, name: 'page', description: 'Page of that chapter (of chapter 1 if none is given)', required: false, min_value: 1 },
    ],
    ...everywhere,
  },
  async execute(interaction, ctx) {
    const work = resolveWork(ctx, interaction.options.getString('work', true), gateFor(interaction));
    const chapter = interaction.options.getInteger('chapter');
    const count = work.chapters.length;
    if (chapter !== null && (chapter < 1 || chapter > count)) {
      throw new UserError(`${work.meta.title} has ${plural(count, 'chapter')}; pick a chapter from 1 to ${count}.`);
    }
    const page = interaction.options.getInteger('page');
    const index = chapter === null ? 0 : chapter - 1;
    const place = page !== null ? await placeOfPage(interaction, work, index, page, 'reply') : chapter !== null ? { chapter: index, offset: 0 } : undefined;
    await openReading(interaction, ctx, work, place);
  },
  autocomplete: autocompleteWork,
};
