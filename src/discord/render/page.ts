// The reading view (SPEC section 4): one message per reading, the page's text in an embed description,
// the facts a reader wants around it, Previous/Next and a chapter picker, all state in custom_ids.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  EmbedBuilder,
  StringSelectMenuBuilder,
  escapeMarkdown,
  type BaseMessageOptions,
} from 'discord.js';
import type { Work } from '../../library/model.js';
import type { Place } from '../../progress/place.js';
import { nextPlace, previousPlace, type PageAt } from '../../reading/navigation.js';
import { minutesLeftInChapter, percentOfWork } from '../../reading/positions.js';
import { encodeCustomId } from '../custom-id.js';
import { RATING_COLORS } from './colors.js';
import { byline, truncate } from './text.js';

/** Discord's limit on options in one select menu. */
const SELECT_LIMIT = 25;

export function renderPage(work: Work, at: PageAt, readerId: string): BaseMessageOptions {
  const chapter = work.chapters[at.chapter]!;
  const facts = [
    `Page ${at.index + 1}/${at.pageCount}`,
    `${percentOfWork(work, at.chapter, at.page.end)}% of the work`,
    `about ${minutesLeftInChapter(work, at.chapter, at.page.start)} min left in this chapter`,
  ];
  const embed = new EmbedBuilder()
    .setColor(RATING_COLORS[work.meta.rating])
    .setAuthor({ name: truncate(byline(work), 256) })
    .setDescription(at.page.body)
    .setFooter({ text: facts.join(' · ') });
  // A one-shot's only chapter is titled after the work, which the author line already shows.
  if (work.chapters.length > 1) embed.setTitle(truncate(escapeMarkdown(chapter.title), 256));
  const navigation = navigationRow(work, at, readerId);
  const components = work.chapters.length > 1 ? [navigation, chapterPicker(work, at.chapter, readerId)] : [navigation];
  return { embeds: [embed], components };
}

function navigationRow(work: Work, at: PageAt, readerId: string) {
  const here = { workId: work.id, chapter: at.chapter, offset: at.page.start, readerId };
  return new ActionRowBuilder<ButtonBuilder>().addComponents(
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'page', button: 'prev', ...here }))
      .setLabel('Previous')
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(previousPlace(work, at) === undefined),
    new ButtonBuilder()
      .setCustomId(encodeCustomId({ kind: 'page', button: 'next', ...here }))
      .setLabel('Next')
      .setStyle(ButtonStyle.Primary)
      .setDisabled(nextPlace(work, at) === undefined),
  );
}

/** A window of at most 25 chapters around the current one: Discord allows no more options in one menu. */
function chapterPicker(work: Work, current: number, readerId: string) {
  const first = Math.max(0, Math.min(current - Math.floor(SELECT_LIMIT / 2), work.chapters.length - SELECT_LIMIT));
  const options = work.chapters.slice(first, first + SELECT_LIMIT).map((chapter, i) => ({
    label: truncate(chapter.title, 100),
    value: String(first + i),
    default: first + i === current,
  }));
  return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    new StringSelectMenuBuilder()
      .setCustomId(encodeCustomId({ kind: 'chapter', workId: work.id, readerId }))
      .setPlaceholder('Go to chapter…')
      .addOptions(options),
  );
}

/** Shown before the first page of a work that carries archive warnings (SPEC section 4). */
export function renderWarnings(work: Work, place: Place, readerId: string): BaseMessageOptions {
  const embed = new EmbedBuilder()
    .setColor(RATING_COLORS[work.meta.rating])
    .setAuthor({ name: truncate(byline(work), 256) })
    .setTitle('Before you start')
    .setDescription(
      truncate(
        [`**Rating:** ${work.meta.rating}`, '**Archive warnings:**', ...work.meta.warnings.map((w) => `- ${escapeMarkdown(w)}`)].join('\n'),
        4096,
      ),
    );
  const start = new ButtonBuilder()
    .setCustomId(encodeCustomId({ kind: 'page', button: 'go', workId: work.id, ...place, readerId }))
    .setLabel('Start reading')
    .setStyle(ButtonStyle.Primary);
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(start)] };
}
