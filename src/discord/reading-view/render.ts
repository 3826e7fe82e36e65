// The reading message (README "The commands"): the page's text in an embed description, the facts a reader
// wants around it, Previous/Next and a chapter picker; and the archive-warnings screen before a first page.
import { ActionRowBuilder, escapeMarkdown, type BaseMessageOptions, type ButtonBuilder, type StringSelectMenuBuilder } from 'discord.js';
import type { Work } from '../../library/model.js';
import type { Place } from '../../progress/place.js';
import { nextPlace, previousPlace, type PageAt } from '../../reading/navigation.js';
import { minutesLeftInChapter, percentOfWork } from '../../reading/positions.js';
import { truncate, workEmbed } from '../work-embed.js';
import { chapterPicker, pageButton } from './controls.js';

export function renderPage(work: Work, at: PageAt, readerId: string): BaseMessageOptions {
  const chapter = work.chapters[at.chapter]!;
  const facts = [
    `Page ${at.index + 1}/${at.pageCount}`,
    `${percentOfWork(work, at.chapter, at.page.end)}% of the work`,
    `about ${minutesLeftInChapter(work, at.chapter, at.page.start)} min left in this chapter`,
  ];
  const embed = workEmbed(work)
    .setDescription(at.page.body)
    .setFooter({ text: facts.join(' · ') });
  // A one-shot's only chapter is titled after the work, which the author line already shows.
  if (work.chapters.length > 1) embed.setTitle(truncate(escapeMarkdown(chapter.title), 256));
  const here = { workId: work.id, chapter: at.chapter, offset: at.page.start, readerId };
  const navigation = new ActionRowBuilder<ButtonBuilder>().addComponents(
    pageButton.build({ move: 'previous', ...here }, previousPlace(work, at) === undefined),
    pageButton.build({ move: 'next', ...here }, nextPlace(work, at) === undefined),
  );
  if (work.chapters.length === 1) return { embeds: [embed], components: [navigation] };
  const picker = new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(
    chapterPicker.build({ workId: work.id, readerId }, work, at.chapter),
  );
  return { embeds: [embed], components: [navigation, picker] };
}

/** Shown before the first page of a work that carries archive warnings. */
export function renderWarnings(work: Work, place: Place, readerId: string): BaseMessageOptions {
  const embed = workEmbed(work)
    .setTitle('Before you start')
    .setDescription(
      truncate(
        [`**Rating:** ${work.meta.rating}`, '**Archive warnings:**', ...work.meta.warnings.map((w) => `- ${escapeMarkdown(w)}`)].join('\n'),
        4096,
      ),
    );
  const start = pageButton.build({ move: 'start', workId: work.id, ...place, readerId });
  return { embeds: [embed], components: [new ActionRowBuilder<ButtonBuilder>().addComponents(start)] };
}
