// /progress: the reader's works with chapter, page, percent and last read time, how many bookmarks they keep
// and works they follow, and a button that deletes it all (places, bookmarks, follows) after asking once more. Ephemeral: what someone
// reads is theirs to share, not the channel's.
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
import { actionRow, choiceButton, defineControl, type ButtonChoice } from '../src/discord/controls.js';
import { readChoice } from '../src/discord/custom-id.js';
import { truncate } from '../src/discord/work-embed.js';
import type { Work } from '../src/library/model.js';
import type { SavedPlace } from '../src/progress/place.js';
import { pageAt, type PageAt } from '../src/reading/navigation.js';
import { relocate } from '../src/reading/relocate.js';
import { percentOfWork } from '../src/reading/positions.js';
import { plural } from '../src/util/plural.js';
import { everywhere } from './contexts.js';

/** Twenty lines of about 150 characters stay well inside the 4,096-character description. */
const SHOWN = 20;

const STEPS = {
  ask: { tag: 'ask', label: 'Delete my reading history', style: ButtonStyle.Danger },
  confirm: { tag: 'confirm', label: 'Delete', style: ButtonStyle.Danger },
  cancel: { tag: 'cancel', label: 'Keep', style: ButtonStyle.Secondary },
} satisfies Record<string, ButtonChoice>;

/** Deleting one's stored progress: ask, then confirm or cancel. Each acts on whoever clicks. */
export const forgetButton = defineControl<{ step: keyof typeof STEPS }, [], APIButtonComponentWithCustomId>({
  kind: 'forget',
  encode: (a) => [STEPS[a.step].tag],
  decode: (f) => (f.length === 1 ? { step: readChoice(STEPS, f[0]) } : undefined),
  build: (customId, { step }) => choiceButton(customId, STEPS[step]),
  async handle(interaction, { step }, ctx) {
    const userId = interaction.user.id;
    if (step === 'cancel') {
      await interaction.update(await progressView(ctx, userId));
    } else if (step === 'ask') {
      const count = (await ctx.store.list(userId, ctx.catalog.ids())).length;
      const marks = (await ctx.store.bookmarks.list(userId)).length;
      const follows = (await ctx.store.follows.of(userId)).length;
      await interaction.update({
        content: `Delete your place in ${plural(count, 'work')}${andAlso(marks, follows)}? This cannot be undone.`,
        embeds: [],
        components: [actionRow(forgetButton.build({ step: 'confirm' }), forgetButton.build({ step: 'cancel' }))],
      });
    } else {
      const bookmarks = await ctx.store.bookmarks.forget(userId);
      const follows = await ctx.store.follows.forget(userId);
      const deleted = await ctx.store.forget(userId, ctx.catalog.ids());
      ctx.logger.info({ user: userId, deleted, bookmarks, follows }, 'reader deleted their progress');
      await interaction.update({ content: `Deleted your place in ${plural(deleted, 'work')}${andAlso(bookmarks, follows)}.`, embeds: [], components: [] });
    }
  },
});

export const progress: Command = {
  data: { name: 'progress', description: 'See, or delete, where you are in each work', ...everywhere },
  async execute(interaction, ctx) {
    await interaction.reply({ ...(await progressView(ctx, interaction.user.id)), flags: MessageFlags.Ephemeral });
  },
  controls: [forgetButton],
};

interface Entry {
  work: Work;
  place: SavedPlace;
  at: PageAt;
}

/** The reader's places, most recent first; places in works since removed from the library are counted. */
async function progressView(ctx: BotContext, userId: string): Promise<BaseMessageOptions> {
  const places = await ctx.store.list(userId, ctx.catalog.ids());
  const bookmarks = (await ctx.store.bookmarks.list(userId)).length;
  const follows = (await ctx.store.follows.of(userId)).length;
  const entries: Entry[] = places.flatMap((place) => {
    const work = ctx.catalog.byId(place.workId);
    return work ? [{ work, place, at: pageAt(work, relocate(work, place).place) }] : [];
  });
  const removed = places.length - entries.length;
  if (places.length === 0 && bookmarks === 0 && follows === 0) {
    return { content: 'You have not started any work yet. Use /works to find one, then /read.', embeds: [], components: [] };
  }
  const lines = entries.slice(0, SHOWN).map(describeEntry);
  if (entries.length > SHOWN) lines.push(`…and ${entries.length - SHOWN} more.`);
  if (removed > 0) lines.push(`Also stored: your place in ${plural(removed, 'work')} no longer in the library.`);
  if (bookmarks > 0) lines.push(`Also stored: ${plural(bookmarks, 'bookmark')} (/bookmarks lists them).`);
  if (follows > 0) lines.push(`Also stored: you are following ${plural(follows, 'work')} (/unfollow stops one).`);
  const embed = { title: 'Your reading', description: lines.join('\n'), footer: { text: 'Only you can see this. /resume continues the latest.' } };
  return { content: '', embeds: [embed], components: [actionRow(forgetButton.build({ step: 'ask' }))] };
}

function andAlso(bookmarks: number, follows: number): string {
  const also = [...(bookmarks > 0 ? [plural(bookmarks, 'bookmark')] : []), ...(follows > 0 ? [plural(follows, 'followed work')] : [])];
  return also.map((what) => ` and ${what}`).join('');
}

function describeEntry({ work, place, at }: Entry): string {
  const facts = [
    `chapter ${at.chapter + 1}/${work.chapters.length}`,
    `page ${at.index + 1}/${at.pageCount}`,
    `${percentOfWork(work, at.chapter, at.page.end)}% read`,
    `last read ${time(Math.floor(place.at / 1000), TimestampStyles.RelativeTime)}`,
  ];
  return `**${escapeMarkdown(truncate(work.meta.title, 100))}**: ${facts.join(' · ')}`;
}
