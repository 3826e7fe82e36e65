// /works: the works this channel may show, a page of the list at a time, with Previous/Next.
import { escapeMarkdown, type APIButtonComponentWithCustomId, type BaseMessageOptions } from 'discord.js';
import type { Work } from '../src/library/model.js';
import { countWords } from '../src/library/stats.js';
import { readingMinutes } from '../src/reading/time.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import type { Command } from '../src/discord/command.js';
import type { BotContext } from '../src/discord/context.js';
import { actionRow, choiceButton, defineControl, LIST_DIRECTIONS, type ListDirection } from '../src/discord/controls.js';
import { numberField, readChoice, readNumber } from '../src/discord/custom-id.js';
import { present, type ViewInteraction } from '../src/discord/reply.js';
import { truncate } from '../src/discord/work-embed.js';
import { plural } from '../src/util/plural.js';
import { everywhere } from './contexts.js';

/** Eight works keep the list within one screen on a phone and far from the 4,096 description limit. */
const WORKS_PER_PAGE = 8;
/** A summary's first 160 characters: enough to choose by; 8 entries of under 450 characters fit the limit. */
const SUMMARY_LIMIT = 160;


/** Another page of the list; the page to show is in the custom_id, so anyone may page a list. */
export const worksPageButton = defineControl<{ direction: ListDirection; page: number }, [disabled: boolean], APIButtonComponentWithCustomId>({
  kind: 'works',
  encode: (a) => [LIST_DIRECTIONS[a.direction].tag, numberField(a.page)],
  decode: (f) => (f.length === 2 ? { direction: readChoice(LIST_DIRECTIONS, f[0]), page: readNumber(f[1]) } : undefined),
  build: (customId, { direction }, disabled) => choiceButton(customId, LIST_DIRECTIONS[direction], disabled),
  handle: (interaction, { page }, ctx) => showWorks(interaction, ctx, page, 'update'),
});

export const works: Command = {
  data: { name: 'works', description: 'List the works this channel can show', ...everywhere },
  execute: (interaction, ctx) => showWorks(interaction, ctx, 0, 'reply'),
  controls: [worksPageButton],
};

async function showWorks(interaction: ViewInteraction, ctx: BotContext, page: number, how: 'reply' | 'update'): Promise<void> {
  const all = ctx.catalog.all();
  const shown = gateFor(interaction).filter(all);
  await present(interaction, renderWorksList(shown, page, all.length - shown.length), how);
}

function renderWorksList(works: readonly Work[], page: number, hiddenHere: number): BaseMessageOptions {
  const pageCount = Math.max(1, Math.ceil(works.length / WORKS_PER_PAGE));
  const current = Math.min(Math.max(page, 0), pageCount - 1);
  const lines = works.slice(current * WORKS_PER_PAGE, (current + 1) * WORKS_PER_PAGE).map(describeWork);
  const hidden = hiddenHere > 0 ? `\n\n${plural(hiddenHere, 'more work is', 'more works are')} shown only in age-restricted channels.` : '';
  const body = works.length === 0 ? 'No works here yet.' : lines.join('\n\n');
  const embed = {
    title: 'The library',
    description: body + hidden,
    footer: { text: `${plural(works.length, 'work')} · page ${current + 1}/${pageCount} · /read to open one` },
  };
  if (pageCount === 1) return { embeds: [embed], components: [] };
  const buttons = actionRow(
    worksPageButton.build({ direction: 'previous', page: Math.max(current - 1, 0) }, current === 0),
    worksPageButton.build({ direction: 'next', page: Math.min(current + 1, pageCount - 1) }, current === pageCount - 1),
  );
  return { embeds: [embed], components: [buttons] };
}

function describeWork(work: Work): string {
  const words = countWords(work);
  const facts = [
    work.meta.rating,
    plural(work.chapters.length, 'chapter'),
    `${words.toLocaleString('en-US')} words`,
    formatMinutes(readingMinutes(words)),
  ];
  const title = escapeMarkdown(truncate(work.meta.title, 120));
  const author = escapeMarkdown(truncate(work.meta.author ?? 'unknown author', 80));
  const summary = work.meta.summary ? `\n${escapeMarkdown(truncate(work.meta.summary.replace(/\s+/g, ' '), SUMMARY_LIMIT))}` : '';
  return `**${title}** by ${author}\n${facts.join(' · ')}${summary}`;
}

/** "12 min", "1 h 5 min": reading times as people say them. */
function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
