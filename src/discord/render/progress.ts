import { ActionRowBuilder, ButtonBuilder, ButtonStyle, EmbedBuilder, TimestampStyles, escapeMarkdown, time, type BaseMessageOptions } from 'discord.js';
import type { Work } from '../../library/model.js';
import type { PageAt } from '../../reading/navigation.js';
import { percentOfWork } from '../../reading/positions.js';
import type { SavedPlace } from '../../progress/place.js';
import { encodeCustomId } from '../custom-id.js';
import { truncate } from './text.js';

export interface ProgressEntry {
  work: Work;
  place: SavedPlace;
  at: PageAt;
}

/** Twenty lines of about 150 characters stay well inside the 4,096-character description. */
const SHOWN = 20;

export function renderProgress(entries: readonly ProgressEntry[], removed: number): BaseMessageOptions {
  if (entries.length + removed === 0) {
    return { content: 'You have not started any work yet. Use /works to find one, then /read.', embeds: [], components: [] };
  }
  const lines = entries.slice(0, SHOWN).map(describeEntry);
  if (entries.length > SHOWN) lines.push(`…and ${entries.length - SHOWN} more.`);
  if (removed > 0) lines.push(`Also stored: your place in ${removed} ${removed === 1 ? 'work' : 'works'} no longer in the library.`);
  const embed = new EmbedBuilder()
    .setTitle('Your reading')
    .setDescription(lines.join('\n'))
    .setFooter({ text: 'Only you can see this. /resume continues the latest.' });
  const forget = new ButtonBuilder()
    .setCustomId(encodeCustomId({ kind: 'forget', step: 'ask' }))
    .setLabel('Delete my reading history')
    .setStyle(ButtonStyle.Danger);
  return { content: '', embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(forget)] };
}

function describeEntry({ work, place, at }: ProgressEntry): string {
  const chapters = work.chapters.length;
  const facts = [
    `chapter ${at.chapter + 1}/${chapters}`,
    `page ${at.index + 1}/${at.pageCount}`,
    `${percentOfWork(work, at.chapter, at.page.end)}% read`,
    `last read ${time(Math.floor(place.at / 1000), TimestampStyles.RelativeTime)}`,
  ];
  return `**${escapeMarkdown(truncate(work.meta.title, 100))}**: ${facts.join(' · ')}`;
}
