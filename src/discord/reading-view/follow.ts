// Follow: a button beside Bookmark (and /follow, /unfollow) that makes whoever clicks a follower of the work,
// to hear of its new chapters by direct message (src/discord/chapter-notices.ts). The page is rendered
// without reading the store, so the button always says Follow and the answer, theirs alone, says what it did.
// The same control, as Stop following, sits under a new chapter's DM.
import { ButtonStyle, escapeMarkdown, type APIButtonComponentWithCustomId, type RepliableInteraction } from 'discord.js';
import type { Work } from '../../library/model.js';
import { FOLLOW_LIMIT } from '../../progress/follows.js';
import { StoreUnavailable } from '../../progress/store.js';
import { gateFor } from '../../rating-gate/interaction.js';
import type { BotContext } from '../context.js';
import { choiceButton, defineControl, type ButtonChoice } from '../controls.js';
import { readChoice, workIdField } from '../custom-id.js';
import { replyEphemeral } from '../reply.js';
import { truncate } from '../work-embed.js';
import { workOf } from './work-of.js';

const ACTIONS = {
  follow: { tag: 'f', label: 'Follow', style: ButtonStyle.Secondary },
  stop: { tag: 's', label: 'Stop following', style: ButtonStyle.Secondary },
} satisfies Record<string, ButtonChoice>;

const UNSAVED = 'Your follows cannot be reached just now: the store is not answering. Try again in a minute.';

export const followButton = defineControl<{ action: keyof typeof ACTIONS; workId: string }, [], APIButtonComponentWithCustomId>({
  kind: 'follow',
  encode: (a) => [ACTIONS[a.action].tag, workIdField(a.workId)],
  decode: (f) => (f.length === 2 ? { action: readChoice(ACTIONS, f[0]), workId: workIdField(f[1]) } : undefined),
  build: (customId, { action }) => choiceButton(customId, ACTIONS[action]),
  async handle(interaction, { action, workId }, ctx) {
    const work = gateFor(interaction).check(workOf(ctx, workId));
    await (action === 'follow' ? followWork(interaction, ctx, work) : unfollowWork(interaction, ctx, work));
  },
});

/** Makes the reader a follower of a work the gate let through, and tells them so. */
export async function followWork(interaction: RepliableInteraction, ctx: BotContext, work: Work): Promise<void> {
  const result = await saved(interaction, () => ctx.store.follows.follow(interaction.user.id, work.id));
  if (result === undefined) return;
  const title = titleOf(work);
  const answers = {
    followed: `Following ${title}: you will get a direct message when a chapter is added. /unfollow stops it.`,
    already: `You already follow ${title}. /unfollow stops it.`,
    full: `You follow ${FOLLOW_LIMIT} works, the most one reader can. /unfollow one, then follow this one again.`,
  };
  await replyEphemeral(interaction, answers[result]);
}

export async function unfollowWork(interaction: RepliableInteraction, ctx: BotContext, work: Work): Promise<void> {
  const was = await saved(interaction, () => ctx.store.follows.unfollow(interaction.user.id, work.id));
  if (was === undefined) return;
  await replyEphemeral(interaction, was ? `You no longer follow ${titleOf(work)}.` : `You did not follow ${titleOf(work)}.`);
}

/** The store's answer, or undefined after telling the reader it could not be reached. */
async function saved<T>(interaction: RepliableInteraction, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof StoreUnavailable)) throw error;
    await replyEphemeral(interaction, UNSAVED);
    return undefined;
  }
}

const titleOf = (work: Work) => `**${escapeMarkdown(truncate(work.meta.title, 100))}**`;
