import type { CommandHandler } from '../src/discord/context.js';
import { openReading, assertShowable } from '../src/discord/reading.js';
import { UserError } from '../src/discord/user-error.js';
import { autocompleteWork, resolveWork } from '../src/discord/work-option.js';

export const read: CommandHandler = {
  async execute(interaction, ctx) {
    const work = resolveWork(ctx, interaction.options.getString('work', true), interaction.channel);
    assertShowable(interaction, work);
    const chapter = interaction.options.getInteger('chapter');
    if (chapter !== null && (chapter < 1 || chapter > work.chapters.length)) {
      const count = work.chapters.length;
      throw new UserError(`${work.meta.title} has ${count} ${count === 1 ? 'chapter' : 'chapters'}; pick a chapter from 1 to ${count}.`);
    }
    await openReading(interaction, ctx, work, chapter === null ? undefined : { chapter: chapter - 1, offset: 0 });
  },
  autocomplete: autocompleteWork,
};
