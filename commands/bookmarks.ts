// /bookmarks [work]: the reader's bookmarks, newest first, five to an ephemeral page, each with its work,
// chapter, page, note and when it was made, and buttons to open it or delete it. Bookmarks in works this
// channel may not show are counted, not listed. The Bookmark button under a page makes them (reading-view/bookmark.ts).
import {
  ButtonStyle,
  MessageFlags,
  TimestampStyles,
  escapeMarkdown,
  time,
  type APIButtonComponentWithCustomId,
  type BaseMessageOptions,
} from 'discord.js';
import type { Command } from '../src/discord/command.js';
import type { BotContext } from '../src/discord/context.js';
import { actionRow, button, choiceButton, defineControl, LIST_DIRECTIONS, type ListDirection } from '../src/discord/controls.js';
import { numberField, readChoice, readNumber, workIdField } from '../src/discord/custom-id.js';
import { shownNote } from '../src/discord/reading-view/bookmark.js';
import { openButton } from '../src/discord/reading-view/controls.js';
import type { ViewInteraction } from '../src/discord/reply.js';
import { truncate } from '../src/discord/work-embed.js';
import { autocompleteWork, resolveWork, workOption } from '../src/discord/work-option.js';
import { BOOKMARK_LIMIT } from '../src/progress/bookmarks.js';
import { gateFor } from '../src/rating-gate/interaction.js';
import { pageAt } from '../src/reading/navigation.js';
import { relocate } from '../src/reading/relocate.js';
import { plural } from '../src/util/plural.js';
import { everywhere } from './contexts.js';

/** Five bookmarks fill a row of Open buttons and one of Delete buttons; with notes they stay under 4,096. */
const PER_PAGE = 5;


/** Which page of the list, and of which work (undefined for all), as the list's buttons carry them. */
interface Listing {
  page: number;
  workId: string | undefined;
}

const listingFields = (a: Listing) => [numberField(a.page), a.workId === undefined ? '' : workIdField(a.workId)];
const readListing = (page: string | undefined, workId: string | undefined): Listing => ({ page: readNumber(page), workId: workId === '' ? undefined : workIdField(workId) });

export const bookmarksPageButton = defineControl<Listing & { direction: ListDirection }, [disabled: boolean], APIButtonComponentWithCustomId>({
  kind: 'bookmarks',
  encode: (a) => [LIST_DIRECTIONS[a.direction].tag, ...listingFields(a)],
  decode: (f) => (f.length === 3 ? { direction: readChoice(LIST_DIRECTIONS, f[0]), ...readListing(f[1], f[2]) } : undefined),
  build: (customId, { direction }, disabled) => choiceButton(customId, LIST_DIRECTIONS[direction], disabled),
  async handle(interaction, listing, ctx) {
    await interaction.update(await bookmarksView(interaction, ctx, listing));
  },
});

/** Deletes one bookmark of whoever clicks (the list is theirs alone), then shows the same page of the list. */
export const deleteBookmarkButton = defineControl<Listing & { id: string }, [label: string], APIButtonComponentWithCustomId>({
  kind: 'unmark',
  encode: (a) => [bookmarkIdField(a.id), ...listingFields(a)],
  decode: (f) => (f.length === 3 ? { id: bookmarkIdField(f[0]), ...readListing(f[1], f[2]) } : undefined),
  build: (customId, _args, label) => button(customId, label, ButtonStyle.Danger),
  async handle(interaction, { id, ...listing }, ctx) {
    await ctx.store.bookmarks.remove(interaction.user.id, id);
    await interaction.update(await bookmarksView(interaction, ctx, listing));
  },
});

export const bookmarks: Command = {
  data: { name: 'bookmarks', description: 'Your bookmarks, with their notes, to open or delete', options: [workOption(false, 'Only in this work')], ...everywhere },
  async execute(interaction, ctx) {
    const query = interaction.options.getString('work');
    const workId = query === null ? undefined : resolveWork(ctx, query, gateFor(interaction)).id;
    await interaction.reply({ ...(await bookmarksView(interaction, ctx, { page: 0, workId })), flags: MessageFlags.Ephemeral });
  },
  autocomplete: autocompleteWork,
  controls: [bookmarksPageButton, deleteBookmarkButton],
};

async function bookmarksView(interaction: ViewInteraction, ctx: BotContext, { page, workId }: Listing): Promise<BaseMessageOptions> {
  const gate = gateFor(interaction);
  const mine = (await ctx.store.bookmarks.list(interaction.user.id)).filter((b) => workId === undefined || b.workId === workId);
  const inLibrary = mine.flatMap((bookmark) => {
    const work = ctx.catalog.byId(bookmark.workId);
    return work ? [{ bookmark, work }] : [];
  });
  const shown = inLibrary.filter(({ work }) => gate.allows(work));
  const notes = [
    ...(inLibrary.length > shown.length ? [`${plural(inLibrary.length - shown.length, 'bookmark is', 'bookmarks are')} in works shown only in age-restricted channels.`] : []),
    ...(mine.length > inLibrary.length ? [`${plural(mine.length - inLibrary.length, 'bookmark')} in works no longer in the library (/progress deletes them).`] : []),
  ];
  if (shown.length === 0) {
    const none = mine.length === 0 && workId === undefined ? 'You have no bookmarks yet. The Bookmark button under a page keeps one, with a note if you like.' : 'You have no bookmarks to show here.';
    return { content: [none, ...notes].join('\n'), embeds: [], components: [] };
  }
  const pageCount = Math.ceil(shown.length / PER_PAGE);
  const current = Math.min(Math.max(page, 0), pageCount - 1);
  const first = current * PER_PAGE;
  // A bookmark is found again by its text, which an edit of the work may have moved (README "A living library").
  const entries = shown.slice(first, first + PER_PAGE).map((entry) => ({ ...entry, place: relocate(entry.work, entry.bookmark).place }));
  const lines = entries.map(({ bookmark, work, place }, i) => {
    const at = pageAt(work, place);
    const where = [
      `**${first + i + 1}. ${escapeMarkdown(truncate(work.meta.title, 80))}**`,
      ...(work.chapters.length > 1 ? [escapeMarkdown(truncate(work.chapters[at.chapter]!.title, 60))] : []),
      `page ${at.index + 1}/${at.pageCount}`,
      time(Math.floor(bookmark.at / 1000), TimestampStyles.RelativeTime),
    ].join(' · ');
    return bookmark.note ? `${where}\n> ${truncate(shownNote(bookmark.note), 400)}` : where;
  });
  const embed = {
    title: 'Your bookmarks',
    description: [...lines, ...(notes.length > 0 ? ['', ...notes] : [])].join('\n'),
    footer: { text: `${plural(mine.length, 'bookmark')} of at most ${BOOKMARK_LIMIT} · page ${current + 1}/${pageCount} · only you can see this` },
  };
  const listing = { page: current, workId };
  const components = [
    actionRow(...entries.map(({ bookmark, place }, i) => openButton.build({ workId: bookmark.workId, ...place }, `Open ${first + i + 1}`))),
    actionRow(...entries.map(({ bookmark }, i) => deleteBookmarkButton.build({ id: bookmark.id, ...listing }, `Delete ${first + i + 1}`))),
    ...(pageCount > 1
      ? [actionRow(
          bookmarksPageButton.build({ direction: 'previous', ...listing, page: Math.max(current - 1, 0) }, current === 0),
          bookmarksPageButton.build({ direction: 'next', ...listing, page: Math.min(current + 1, pageCount - 1) }, current === pageCount - 1),
        )]
      : []),
  ];
  return { content: '', embeds: [embed], components };
}

function bookmarkIdField(id: string | undefined): string {
  if (!id || !/^[0-9a-z]{1,12}$/.test(id)) throw new RangeError(`not a bookmark id: ${id}`);
  return id;
}
