// /search query [work]: the passages of the works this channel may show (or of one work) that hold the words,
// best first, five to a page, each with a button that opens a reading at the page holding the match. Only
// the reader sees the answer. Previous/Next carry the page and the work in their custom_id; the query is
// read back from the message's own footer, since a query may be longer than a custom_id holds.
import {
  ApplicationCommandOptionType,
  MessageFlags,
  escapeMarkdown,
  type APIButtonComponentWithCustomId,
  type BaseMessageOptions,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import type { BotContext } from '../src/discord/context.js';
import { actionRow, choiceButton, defineControl, LIST_DIRECTIONS, type ListDirection } from '../src/discord/controls.js';
import { numberField, readChoice, readNumber, workIdField } from '../src/discord/custom-id.js';
import { openButton } from '../src/discord/reading-view/controls.js';
import { present, type ViewInteraction } from '../src/discord/reply.js';
import { UserError } from '../src/discord/user-error.js';
import { truncate } from '../src/discord/work-embed.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import type { Showable } from '../src/rating-gate/policy.js';
import { chapterText } from '../src/reading/chapter-text.js';
import { pageAt } from '../src/reading/navigation.js';
import { hasPages } from '../src/reading/paginate.js';
import type { SearchHit, SearchResults } from '../src/search/index.js';
import { parseQuery, QUERY_MAX_LENGTH, type SearchQuery } from '../src/search/query.js';
import { plural } from '../src/util/plural.js';
import { everywhere } from './contexts.js';

/** Five hits fill one row of Open buttons, and a phone's screen. */
const HITS_PER_PAGE = 5;
/** As the reading view has it: a chapter this long, not yet paginated, may take a tenth of a second to. */
const SLOW_CHAPTER_LENGTH = 500_000;
const FOOTER_PREFIX = 'Search: ';
const BUILDING = 'The search index is still being built; try again in a moment.';
const UNAVAILABLE = 'Search is not available: its index could not be built. The bot’s log says why.';


interface Search {
  query: SearchQuery;
  /** The one work searched, or undefined for every work the channel may show. */
  workId: string | undefined;
}

export const searchPageButton = defineControl<{ direction: ListDirection; page: number; workId: string | undefined }, [disabled: boolean], APIButtonComponentWithCustomId>({
  kind: 'search',
  encode: (a) => [LIST_DIRECTIONS[a.direction].tag, numberField(a.page), a.workId === undefined ? '' : workIdField(a.workId)],
  decode: (f) =>
    f.length === 3 ? { direction: readChoice(LIST_DIRECTIONS, f[0]), page: readNumber(f[1]), workId: f[2] === '' ? undefined : workIdField(f[2]) } : undefined,
  build: (customId, { direction }, disabled) => choiceButton(customId, LIST_DIRECTIONS[direction], disabled),
  async handle(interaction, { page, workId }, ctx) {
    const typed = queryInFooter(interaction.message.embeds[0]?.footer?.text);
    const parsed = typed === undefined ? undefined : parseQuery(typed);
    if (!parsed?.ok) throw new UserError('This search can no longer be read back. Run /search again.');
    await showResults(interaction, ctx, { query: parsed.query, workId }, page, 'update');
  },
});

export const search: Command = {
  data: {
    name: 'search',
    description: 'Find words, or "a phrase" in quotes, in the works this channel can show',
    options: [
      { type: ApplicationCommandOptionType.String, name: 'query', description: 'Words in any order, or "a phrase in quotes"', required: true, max_length: QUERY_MAX_LENGTH },
      workOption(false, 'Only in this work'),
    ],
    ...everywhere,
  },
  async execute(interaction, ctx) {
    const parsed = parseQuery(interaction.options.getString('query', true));
    if (!parsed.ok) throw new UserError(parsed.problem);
    const named = interaction.options.getString('work');
    const workId = named === null ? undefined : resolveWork(ctx, named, gateFor(interaction)).id;
    await showResults(interaction, ctx, { query: parsed.query, workId }, 0, 'reply');
  },
  autocomplete: autocompleteWork,
  controls: [searchPageButton],
};

async function showResults(interaction: ViewInteraction, ctx: BotContext, asked: Search, page: number, how: 'reply' | 'update'): Promise<void> {
  if (ctx.search.state !== 'ready') throw new UserError(ctx.search.state === 'failed' ? UNAVAILABLE : BUILDING);
  const gate = gateFor(interaction);
  const scope = asked.workId === undefined ? gate.filter(ctx.catalog.all()) : [gate.check(workNamed(ctx, asked.workId))];
  const pageOf = (n: number) => ctx.search.search(asked.query, scope, { offset: n * HITS_PER_PAGE, limit: HITS_PER_PAGE });
  const first = await pageOf(page);
  // A page past the end (the library changed since the message was sent): the last page when the hits are
  // counted (ranked), else the first.
  const current = first.hits.length > 0 || page === 0 ? page : first.order === 'relevance' ? Math.max(0, Math.ceil(first.total / HITS_PER_PAGE) - 1) : 0;
  const results = current === page ? first : await pageOf(current);
  const pageCount = pagesOf(results, current);
  if (results.hits.some(slowToPaginate)) {
    if (how === 'update' && interaction.isMessageComponent()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  }
  const view = renderResults(asked, results, current, pageCount, scope.length === 1 ? scope[0] : undefined);
  if (how === 'reply' && !interaction.deferred) await interaction.reply({ ...view, flags: MessageFlags.Ephemeral });
  else await present(interaction, view, how);
}

/**
 * Pages of hits in all, or undefined when it is not known yet: ranked hits are counted (up to the index's
 * cap), while hits in library order are found a page at a time (src/search/index.ts), so only the last knows.
 */
function pagesOf(results: SearchResults<Showable>, page: number): number | undefined {
  if (results.order === 'relevance') return Math.max(1, Math.ceil(results.total / HITS_PER_PAGE));
  return results.more ? undefined : page + 1;
}

function renderResults(asked: Search, results: SearchResults<Showable>, page: number, pageCount: number | undefined, only: Showable | undefined): BaseMessageOptions {
  const where = only ? `in **${escapeMarkdown(truncate(only.meta.title, 100))}**` : 'in the works this channel can show';
  if (results.hits.length === 0) return { content: `No passage ${where} matches “${escapeMarkdown(asked.query.text)}”.`, embeds: [], components: [] };
  const total = results.total.toLocaleString('en-US');
  const found = !results.more ? `${plural(results.total, 'passage')} found` : results.order === 'relevance' ? `The first ${total} passages found` : `More than ${total} passages found`;
  const order = results.order === 'relevance' ? 'best first (bm25)' : 'in library order';
  const embed = {
    title: truncate(only ? `${found} in ${only.meta.title}` : found, 256),
    description: results.hits.map((hit, i) => describeHit(hit, page * HITS_PER_PAGE + i + 1)).join('\n\n'),
    // The query goes whole, before two fields of ours: a page click reads it back from here (queryInFooter).
    footer: { text: `${FOOTER_PREFIX}${asked.query.text} · ${order} · page ${page + 1}${pageCount === undefined ? '' : `/${pageCount}`}` },
  };
  const opens = actionRow(...results.hits.map((hit, i) => openButton.build({ workId: hit.work.id, chapter: hit.chapter, offset: hit.offset }, `Open ${page * HITS_PER_PAGE + i + 1}`)));
  if (pageCount === 1) return { content: '', embeds: [embed], components: [opens] };
  const last = pageCount !== undefined && page === pageCount - 1;
  const paging = actionRow(
    searchPageButton.build({ direction: 'previous', page: Math.max(page - 1, 0), workId: asked.workId }, page === 0),
    searchPageButton.build({ direction: 'next', page: last ? page : page + 1, workId: asked.workId }, last),
  );
  return { content: '', embeds: [embed], components: [opens, paging] };
}

function describeHit(hit: SearchHit<Showable>, n: number): string {
  const { work, chapter } = hit;
  const at = pageAt(work, { chapter, offset: hit.offset });
  const where = [
    `**${n}. ${escapeMarkdown(truncate(work.meta.title, 100))}**`,
    ...(work.chapters.length > 1 ? [escapeMarkdown(truncate(work.chapters[chapter]!.title, 100))] : []),
    `page ${at.index + 1}/${at.pageCount}`,
  ];
  return `${where.join(' · ')}\n${hit.snippet}`;
}

/** The query a results message was for: its footer holds it after FOOTER_PREFIX, then two fields. */
function queryInFooter(footer: string | undefined): string | undefined {
  if (!footer?.startsWith(FOOTER_PREFIX)) return undefined;
  const fields = footer.slice(FOOTER_PREFIX.length).split(' · ');
  return fields.length > 2 ? fields.slice(0, -2).join(' · ') : undefined;
}

function workNamed(ctx: BotContext, workId: string) {
  const work = ctx.catalog.byId(workId);
  if (!work) throw new UserError('That work is no longer in the library. Use /works to see what is.');
  return work;
}

function slowToPaginate(hit: SearchHit): boolean {
  return !hasPages(hit.work, hit.chapter) && chapterText(hit.work, hit.chapter).text.length > SLOW_CHAPTER_LENGTH;
}
