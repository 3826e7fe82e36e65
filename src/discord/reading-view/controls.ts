// The controls of a reading: Previous, Next and Start reading (kind `page`), the chapter picker (`chapter`),
// and Open (`open`), which opens a reading at a place for whoever clicks (excerpts, and others' clicks).
// Go to… and Bookmark, each with its modal, live in go-to.ts and bookmark.ts, Follow in follow.ts; readingControls lists them all
// for the router.
// Only the reader who opened a message turns its pages; anyone else is offered their own copy.
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIButtonComponentWithCustomId,
  type APIStringSelectComponent,
  type Message,
} from 'discord.js';
import type { Work } from '../../library/model.js';
import type { Place } from '../../progress/place.js';
import { gateFor } from '../../rating-gate/interaction.js';
import { nextPlace, pageAt, previousPlace } from '../../reading/navigation.js';
import { actionRow, button, choiceButton, defineControl, type ButtonChoice, type ComponentInteraction } from '../controls.js';
import { numberField, readChoice, readNumber, readSnowflake, snowflakeField, workIdField } from '../custom-id.js';
import { UserError } from '../user-error.js';
import { truncate } from '../work-embed.js';
import { bookmarkButton, bookmarkModal } from './bookmark.js';
import { followButton } from './follow.js';
import { goToButton, goToModal } from './go-to.js';
import { openReading, showPage } from './show.js';
import { workOf } from './work-of.js';

/** Tags as sent since v1 (`g` from when Start reading was called "go"), kept so buttons already posted still work. */
const MOVES = {
  previous: { tag: 'p', label: 'Previous', style: ButtonStyle.Secondary },
  next: { tag: 'n', label: 'Next', style: ButtonStyle.Primary },
  start: { tag: 'g', label: 'Start reading', style: ButtonStyle.Primary },
} satisfies Record<string, ButtonChoice>;
type Move = keyof typeof MOVES;

/** Discord's limit on options in one select menu. */
const SELECT_LIMIT = 25;

interface PageArgs extends Place {
  /** Which way from the place the button carries; every button carries the current place. */
  move: Move;
  workId: string;
  readerId: string;
}

/** Previous and Next carry the place shown and move at click time, so a change of page size still lands right. */
export const pageButton = defineControl<PageArgs, [disabled?: boolean], APIButtonComponentWithCustomId>({
  kind: 'page',
  encode: (a) => [MOVES[a.move].tag, workIdField(a.workId), numberField(a.chapter), numberField(a.offset), snowflakeField(a.readerId)],
  decode: (f) =>
    f.length === 5
      ? { move: readChoice(MOVES, f[0]), workId: workIdField(f[1]), chapter: readNumber(f[2]), offset: readNumber(f[3]), readerId: readSnowflake(f[4]) }
      : undefined,
  build: (customId, { move }, disabled) => choiceButton(customId, MOVES[move], disabled),
  async handle(interaction, { move, workId, readerId, ...here }, ctx) {
    const work = workOf(ctx, workId);
    if (interaction.user.id !== readerId) return offerSamePage(interaction, work, here);
    const at = pageAt(work, here);
    const target = move === 'previous' ? previousPlace(work, at) : move === 'next' ? nextPlace(work, at) : here;
    // A stale click past either end shows the current page again rather than an error.
    await showPage(interaction, ctx, gateFor(interaction).check(work), target ?? here, 'update');
  },
});

/** A window of at most 25 chapters around the current one: Discord allows no more options in one menu. */
export const chapterPicker = defineControl<{ workId: string; readerId: string }, [work: Work, current: number], APIStringSelectComponent>({
  kind: 'chapter',
  encode: (a) => [workIdField(a.workId), snowflakeField(a.readerId)],
  decode: (f) => (f.length === 2 ? { workId: workIdField(f[0]), readerId: readSnowflake(f[1]) } : undefined),
  build(customId, _args, work, current) {
    const first = Math.max(0, Math.min(current - Math.floor(SELECT_LIMIT / 2), work.chapters.length - SELECT_LIMIT));
    const options = work.chapters.slice(first, first + SELECT_LIMIT).map((chapter, i) => ({
      label: truncate(chapter.title, 100),
      value: String(first + i),
      default: first + i === current,
    }));
    return { type: ComponentType.StringSelect, custom_id: customId, placeholder: 'Go to chapter…', options };
  },
  async handle(interaction, { workId, readerId }, ctx) {
    const work = workOf(ctx, workId);
    if (interaction.user.id !== readerId) return offerSamePage(interaction, work, placeShownIn(interaction.message));
    const chapter = Number(interaction.isStringSelectMenu() ? interaction.values[0] : NaN);
    if (!Number.isInteger(chapter) || chapter < 0 || chapter >= work.chapters.length) {
      throw new UserError(`${work.meta.title} has no such chapter.`);
    }
    await showPage(interaction, ctx, gateFor(interaction).check(work), { chapter, offset: 0 }, 'update');
  },
});

/** A new reading of (chapter, offset) for whoever clicks. */
export const openButton = defineControl<{ workId: string } & Place, [label: string], APIButtonComponentWithCustomId>({
  kind: 'open',
  encode: (a) => [workIdField(a.workId), numberField(a.chapter), numberField(a.offset)],
  decode: (f) => (f.length === 3 ? { workId: workIdField(f[0]), chapter: readNumber(f[1]), offset: readNumber(f[2]) } : undefined),
  build: (customId, _args, label) => button(customId, label, ButtonStyle.Primary),
  handle: async (interaction, { workId, ...place }, ctx) => openReading(interaction, ctx, gateFor(interaction).check(workOf(ctx, workId)), place),
});

export const readingControls = [pageButton, chapterPicker, openButton, goToButton, goToModal, bookmarkButton, bookmarkModal, followButton];

/** Someone else's click: their own ephemeral offer of the same page; the reader's message stays as it is. */
async function offerSamePage(interaction: ComponentInteraction, work: Work, place: Place | undefined): Promise<void> {
  const open = openButton.build({ workId: work.id, ...(place ?? { chapter: 0, offset: 0 }) }, place ? 'Open this page for me' : 'Open it for me');
  await interaction.reply({
    content: 'Only the reader who opened this can turn its pages. You can open your own copy and read along.',
    components: [actionRow(open)],
    flags: MessageFlags.Ephemeral,
  });
}

/** The place a reading message shows, read back from its own Previous/Next buttons. */
function placeShownIn(message: Message): Place | undefined {
  for (const row of message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      const args = component.customId ? pageButton.read(component.customId) : undefined;
      if (args) return { chapter: args.chapter, offset: args.offset };
    }
  }
  return undefined;
}
