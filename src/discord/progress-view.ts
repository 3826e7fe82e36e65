import type { BaseMessageOptions } from 'discord.js';
import { pageAt } from '../reading/navigation.js';
import type { BotContext } from './context.js';
import { renderProgress, type ProgressEntry } from './render/progress.js';

/** The reader's places, most recent first, as a message; places in works since removed are counted. */
export async function progressView(ctx: BotContext, userId: string): Promise<BaseMessageOptions> {
  const places = await ctx.store.list(userId, ctx.catalog.ids());
  const entries: ProgressEntry[] = places.flatMap((place) => {
    const work = ctx.catalog.byId(place.workId);
    return work ? [{ work, place, at: pageAt(work, place) }] : [];
  });
  return renderProgress(entries, places.length - entries.length);
}
