import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, escapeMarkdown, type BaseMessageOptions } from 'discord.js';
import type { Work } from '../../library/model.js';
import { countWords } from '../../library/stats.js';
import { readingMinutes } from '../../reading/time.js';
import { encodeCustomId } from '../custom-id.js';
import { formatMinutes, truncate } from './text.js';

/** Eight works keep the list within one screen on a phone and far from the 4,096 description limit. */
export const WORKS_PER_PAGE = 8;
/** A summary's first 160 characters: enough to choose by; 8 entries of under 450 characters fit the limit. */
const SUMMARY_LIMIT = 160;

export function renderWorksList(works: readonly Work[], page: number, hiddenHere: number): BaseMessageOptions {
  const pageCount = Math.max(1, Math.ceil(works.length / WORKS_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pageCount - 1);
  const lines = works.slice(current * WORKS_PER_PAGE, (current + 1) * WORKS_PER_PAGE).map(describeWork);
  const hidden = hiddenHere > 0 ? `\n\n${hiddenHere} more ${hiddenHere === 1 ? 'work is' : 'works are'} shown only in age-restricted channels.` : '';
  const body = works.length === 0 ? 'No works here yet.' : lines.join('\n\n');
  const embed = new EmbedBuilder()
    .setTitle('The library')
    .setDescription(body + hidden)
    .setFooter({ text: `${works.length} ${works.length === 1 ? 'work' : 'works'} · page ${current + 1}/${pageCount} · /read to open one` });
  if (pageCount === 1) return { embeds: [embed], components: [] };
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'works', button: 'prev', page: Math.max(current - 1, 0) })).setLabel('Previous').setStyle(ButtonStyle.Secondary).setDisabled(current === 0),
    new ButtonBuilder().setCustomId(encodeCustomId({ kind: 'works', button: 'next', page: Math.min(current + 1, pageCount - 1) })).setLabel('Next').setStyle(ButtonStyle.Secondary).setDisabled(current === pageCount - 1),
  );
  return { embeds: [embed], components: [buttons] };
}

function describeWork(work: Work): string {
  const words = countWords(work);
  const chapters = work.chapters.length;
  const facts = [
    work.meta.rating,
    `${chapters} ${chapters === 1 ? 'chapter' : 'chapters'}`,
    `${words.toLocaleString('en-US')} words`,
    formatMinutes(readingMinutes(words)),
  ];
  const title = escapeMarkdown(truncate(work.meta.title, 120));
  const author = escapeMarkdown(truncate(work.meta.author ?? 'unknown author', 80));
  const summary = work.meta.summary ? `\n${escapeMarkdown(truncate(work.meta.summary.replace(/\s+/g, ' '), SUMMARY_LIMIT))}` : '';
  return `**${title}** by ${author}\n${facts.join(' · ')}${summary}`;
}
