// New works and chapters, announced in the channel each server chose with /library notices (README "Following
// a work"). Each process announces for the servers it holds (its shards' guilds), so a server hears once. A
// work is announced only where the gate would show it: a server's own upload in that server only, a Mature,
// Explicit or Not Rated work only in an age-restricted channel. Nobody is pinged. A channel the bot may not
// post in, or that is gone, is skipped: one log line per reload (sent, skipped, Discord's codes).
import { DiscordAPIError, escapeMarkdown, type BaseMessageOptions, type Client } from 'discord.js';
import type { LibraryChange } from '../library/live.js';
import type { Work } from '../library/model.js';
import type { Logger } from '../log.js';
import type { ProgressStore } from '../progress/store.js';
import { venueOf } from '../rating-gate/interaction.js';
import { mayShow } from '../rating-gate/policy.js';
import { mayShowInServer } from '../rating-gate/server-works.js';
import { grownWorks } from './chapter-notices.js';
import { actionRow } from './controls.js';
import { openButton } from './reading-view/controls.js';
import { truncate } from './work-embed.js';

/** Notices one server gets for one reload: a folder of new works says the rest in one line, not a flood. */
const PER_RELOAD = 5;

interface News {
  work: Work;
  /** The first new chapter, for a work that grew; undefined for a new work. */
  chapter?: number;
}

/** Posts the notices of a reload in every server this process holds that chose a channel. Never throws. */
export async function sendServerNotices(client: Client, store: ProgressStore, logger: Logger, change: LibraryChange): Promise<void> {
  const news: News[] = [...change.added.map((work) => ({ work })), ...grownWorks(change).map(({ work, first }) => ({ work, chapter: first }))];
  if (news.length === 0) return;
  let sent = 0;
  const skips = new Map<string, number>();
  const skip = (code: string) => skips.set(code, (skips.get(code) ?? 0) + 1);
  for (const guild of client.guilds.cache.values()) {
    let channelId: string | undefined;
    try {
      channelId = await store.noticeChannels.of(guild.id);
    } catch (err) {
      logger.warn({ err }, 'server notices skipped: the progress store cannot say where they go');
      return;
    }
    if (channelId === undefined) continue;
    const channel = guild.channels.cache.get(channelId);
    if (!channel?.isSendable()) {
      skip('channel-gone');
      continue;
    }
    const venue = venueOf(channel);
    const here = news.filter(({ work }) => mayShowInServer(guild.id, work) && mayShow(venue, work));
    const messages = here.slice(0, PER_RELOAD).map(noticeOf);
    if (here.length > PER_RELOAD) messages.push({ content: `…and ${here.length - PER_RELOAD} more new works or chapters: /works lists the library.` });
    for (const message of messages) {
      try {
        await channel.send({ ...message, allowedMentions: { parse: [] } });
        sent += 1;
      } catch (error) {
        skip(error instanceof DiscordAPIError ? String(error.code) : 'failed');
      }
    }
  }
  const skipped = [...skips.values()].reduce((a, b) => a + b, 0);
  if (sent + skipped > 0) logger.info({ sent, skipped, ...(skipped > 0 ? { skips: Object.fromEntries(skips) } : {}) }, 'server notices sent');
}

function noticeOf({ work, chapter }: News): BaseMessageOptions {
  const title = escapeMarkdown(truncate(work.meta.title, 200));
  const author = work.meta.author ? ` by ${escapeMarkdown(truncate(work.meta.author, 100))}` : '';
  if (chapter === undefined) {
    return {
      content: `New in the library: **${title}**${author} (${work.meta.rating}).`,
      components: [actionRow(openButton.build({ workId: work.id, chapter: 0, offset: 0 }, 'Open it'))],
    };
  }
  return {
    content: `**${title}**${author} has a new chapter: **${escapeMarkdown(truncate(work.chapters[chapter]!.title, 200))}**.`,
    components: [actionRow(openButton.build({ workId: work.id, chapter, offset: 0 }, `Read chapter ${chapter + 1}`))],
  };
}
