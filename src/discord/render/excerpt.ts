import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, type BaseMessageOptions } from 'discord.js';
import { excerptMarkdown, type Excerpt } from '../../reading/excerpt.js';
import { encodeCustomId } from '../custom-id.js';
import { RATING_COLORS } from './colors.js';
import { byline, truncate } from './text.js';

/** A passage with its attribution and a button that opens a reading there, for whoever clicks it. */
export function renderExcerpt(excerpt: Excerpt): BaseMessageOptions {
  const { work, chapterIndex, start } = excerpt;
  const chapter = work.chapters[chapterIndex]!;
  const embed = new EmbedBuilder()
    .setColor(RATING_COLORS[work.meta.rating])
    .setAuthor({ name: truncate(byline(work), 256) })
    .setDescription(excerptMarkdown(excerpt));
  // A one-shot's only chapter bears the work's title, which the author line already shows.
  if (work.chapters.length > 1) embed.setFooter({ text: truncate(`From ${chapter.title}`, 2048) });
  const readOn = new ButtonBuilder()
    .setCustomId(encodeCustomId({ kind: 'open', workId: work.id, chapter: chapterIndex, offset: start }))
    .setLabel('Read from here')
    .setStyle(ButtonStyle.Primary);
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(readOn)] };
}
