// New chapters, told to the works' followers (README "Following a work"): after a reload in which a work has
// more chapters than before, each follower gets one direct message naming the work and its first new chapter,
// with a button that opens it there. A direct message is not an age-restricted venue, so for a Mature,
// Explicit or Not Rated work it names neither the work nor the chapter (titles can say what the text does)
// and has no button; it says to use /read in an age-restricted channel.
// A DM refused (closed DMs: 50007) or failing is skipped: discord.js's own bounded retries are all it gets.
// One log line per work: sent N, skipped M, and Discord's codes for the skips.
import { DiscordAPIError, escapeMarkdown, type BaseMessageOptions, type Client } from 'discord.js';
import type { LibraryChange } from '../library/live.js';
import type { Work } from '../library/model.js';
import type { Logger } from '../log.js';
import type { ProgressStore } from '../progress/store.js';
import { mayShow } from '../rating-gate/policy.js';
import { actionRow } from './controls.js';
import { openButton } from './reading-view/controls.js';
import { followButton } from './reading-view/follow.js';
import { truncate } from './work-embed.js';

/** DMs in flight at once; discord.js queues past Discord's rate limits itself. */
const AT_ONCE = 4;

/** A work that gained chapters, and the index of its first new one. */
interface Grown {
  work: Work;
  first: number;
  added: number;
}

/**
 * Sends the DMs for a reload. Only one process sends: the one without a ShardingManager, or the one holding
 * shard 0, so followers are not told once per process. Never throws.
 */
export async function sendChapterNotices(client: Client, store: ProgressStore, logger: Logger, change: LibraryChange): Promise<void> {
  if (client.shard && !client.shard.ids.includes(0)) return;
  for (const grown of grownWorks(change)) {
    try {
      await noticeFollowers(client, store, logger, grown);
    } catch (err) {
      logger.warn({ err, work: grown.work.id }, 'the followers of a work with a new chapter could not be told');
    }
  }
}

export function grownWorks({ before, changed }: LibraryChange): Grown[] {
  const previous = new Map(before.works.map((work) => [work.id, work]));
  return changed.flatMap((work) => {
    const old = previous.get(work.id);
    if (!old || work.chapters.length <= old.chapters.length) return [];
    // The first chapter whose title is not the one before it there: usually the first past the old end.
    const changedAt = work.chapters.findIndex((chapter, i) => old.chapters[i]?.title !== chapter.title);
    const first = Math.min(changedAt === -1 ? old.chapters.length : changedAt, old.chapters.length);
    return [{ work, first, added: work.chapters.length - old.chapters.length }];
  });
}

async function noticeFollowers(client: Client, store: ProgressStore, logger: Logger, grown: Grown): Promise<void> {
  const followers = await store.follows.followers(grown.work.id);
  if (followers.length === 0) return;
  const message = { ...chapterNotice(grown), allowedMentions: { parse: [] } };
  let sent = 0;
  const skips = new Map<string, number>();
  const queue = [...followers];
  const worker = async () => {
    for (let readerId = queue.shift(); readerId !== undefined; readerId = queue.shift()) {
      try {
        const channel = await client.users.createDM(readerId, { cache: false });
        await channel.send(message);
        sent += 1;
      } catch (error) {
        const code = error instanceof DiscordAPIError ? String(error.code) : 'failed';
        skips.set(code, (skips.get(code) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, followers.length) }, worker));
  const skipped = [...skips.values()].reduce((a, b) => a + b, 0);
  logger.info({ work: grown.work.id, chapter: grown.first + 1, sent, skipped, ...(skipped > 0 ? { skips: Object.fromEntries(skips) } : {}) }, 'chapter notices sent');
}

/** The DM: the work and chapter with Read and Stop following, or, for a restricted work, neither. */
export function chapterNotice({ work, first, added }: Grown): BaseMessageOptions {
  if (!mayShow({ kind: 'dm' }, work)) {
    return { content: 'A work you follow has a new chapter. Its rating keeps it to age-restricted channels: use /read in one to open it.', components: [] };
  }
  const title = escapeMarkdown(truncate(work.meta.title, 200));
  const chapter = escapeMarkdown(truncate(work.chapters[first]!.title, 200));
  const more = added > 1 ? ` (and ${added - 1} more after it)` : '';
  return {
    content: `**${title}** has a new chapter: **${chapter}**${more}.`,
    components: [actionRow(
      openButton.build({ workId: work.id, chapter: first, offset: 0 }, `Read chapter ${first + 1}`),
      followButton.build({ action: 'stop', workId: work.id }),
    )],
  };
}
