// The reading message (README "The commands"): the page's text in an embed description, the facts a reader
// wants around it, Previous/Next, Go to…, Bookmark, Follow and a chapter picker; the rating and archive warnings above a first page,
// or the archive-warnings screen before it.
import { escapeMarkdown, type BaseMessageOptions } from 'discord.js';
import type { Work } from '../../library/model.js';
import type { Place } from '../../progress/place.js';
import { nextPlace, previousPlace, type PageAt } from '../../reading/navigation.js';
import { minutesLeftInChapter, percentOfWork } from '../../reading/positions.js';
import { actionRow } from '../controls.js';
import { truncate, workEmbed } from '../work-embed.js';
import { chapterPicker, pageButton } from './controls.js';
import { bookmarkButton } from './bookmark.js';
import { followButton } from './follow.js';
import { goToButton } from './go-to.js';

export interface PageNotes {
  /** The reader's first page of the work, which carries its rating and warnings above it. */
  firstPage?: boolean;
  /** One short line above the page, such as that the place could not be saved just now. */
  notice?: string;
}

export function renderPage(work: Work, at: PageAt, readerId: string, notes: PageNotes = {}): BaseMessageOptions {
  const chapter = work.chapters[at.chapter]!;
  const facts = [
    `Page ${at.index + 1}/${at.pageCount}`,
    `${percentOfWork(work, at.chapter, at.page.end)}% of the work`,
    `about ${minutesLeftInChapter(work, at.chapter, at.page.start)} min left in this chapter`,
  ];
  const embed = workEmbed(work, {
    // A one-shot's only chapter is titled after the work, which the author line already shows.
    ...(work.chapters.length > 1 ? { title: truncate(escapeMarkdown(chapter.title), 256) } : {}),
    description: at.page.body,
    footer: { text: facts.join(' · ') },
  });
  const here = { workId: work.id, chapter: at.chapter, offset: at.page.start, readerId };
  const navigation = actionRow(
    pageButton.build({ move: 'previous', ...here }, previousPlace(work, at) === undefined),
    pageButton.build({ move: 'next', ...here }, nextPlace(work, at) === undefined),
    goToButton.build(here),
    bookmarkButton.build(here),
    followButton.build({ action: 'follow', workId: work.id }),
  );
  // Always set, so that turning the page clears the line from the message it updates.
  const content = [notes.firstPage ? ratingAndWarnings(work) : '', notes.notice ? `-# ${notes.notice}` : ''].filter(Boolean).join('\n');
  if (work.chapters.length === 1) return { content, embeds: [embed], components: [navigation] };
  const picker = actionRow(chapterPicker.build({ workId: work.id, readerId }, work, at.chapter));
  return { content, embeds: [embed], components: [navigation, picker] };
}

/** One line: the rating, and the archive warnings if the work has any (a work with none shows its rating only). */
function ratingAndWarnings(work: Work): string {
  const { rating, warnings } = work.meta;
  const label = warnings.length === 1 ? 'Archive warning' : 'Archive warnings';
  const parts = [`**Rating:** ${rating}`, ...(warnings.length > 0 ? [`**${label}:** ${warnings.map((w) => escapeMarkdown(w)).join(', ')}`] : [])];
  return truncate(parts.join(' · '), 2000);
}

/** Shown before the first page of a work with an archive warning that warns. */
export function renderWarnings(work: Work, place: Place, readerId: string): BaseMessageOptions {
  const embed = workEmbed(work, {
    title: 'Before you start',
    description: truncate(
      [`**Rating:** ${work.meta.rating}`, '**Archive warnings:**', ...work.meta.warnings.map((w) => `- ${escapeMarkdown(w)}`)].join('\n'),
      4096,
    ),
  });
  const start = pageButton.build({ move: 'start', workId: work.id, ...place, readerId });
  return { embeds: [embed], components: [actionRow(start)] };
}
