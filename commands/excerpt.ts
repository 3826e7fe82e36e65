// /excerpt [work]: a random passage, with a button that opens a reading there for whoever clicks it.
import type { BaseMessageOptions } from 'discord.js';
import type { Command } from '../src/discord/command.js';
import { actionRow } from '../src/discord/controls.js';
import { openButton } from '../src/discord/reading-view/controls.js';
import { UserError } from '../src/discord/user-error.js';
import { truncate, workEmbed } from '../src/discord/work-embed.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { excerptMarkdown, pickExcerpt, type Excerpt } from '../src/reading/excerpt.js';
import { everywhere } from './contexts.js';

export const excerpt: Command = {
  data: { name: 'excerpt', description: 'A random passage, with a button to read on', options: [workOption(false, 'Only from this work')], ...everywhere },
  async execute(interaction, ctx) {
    const gate = gateFor(interaction);
    const query = interaction.options.getString('work');
    const from = query === null ? ctx.catalog.all() : [resolveWork(ctx, query, gate)];
    const passage = pickExcerpt(ctx.random, from, gate.allows);
    if (!passage) throw new UserError('There is no work here to take a passage from. Use /works to see the library.');
    await interaction.reply(renderExcerpt(passage));
  },
  autocomplete: autocompleteWork,
};

function renderExcerpt(excerpt: Excerpt): BaseMessageOptions {
  const { work, chapterIndex, start } = excerpt;
  const chapter = work.chapters[chapterIndex]!;
  const embed = workEmbed(work, {
    description: excerptMarkdown(excerpt),
    // A one-shot's only chapter bears the work's title, which the author line already shows.
    ...(work.chapters.length > 1 ? { footer: { text: truncate(`From ${chapter.title}`, 2048) } } : {}),
  });
  const readOn = openButton.build({ workId: work.id, chapter: chapterIndex, offset: start }, 'Read from here');
  return { embeds: [embed], components: [actionRow(readOn)] };
}
