// Mature, Explicit and Not Rated works are shown only where the server marked the channel age-restricted.
// The bot follows Discord's flag and has no switch of its own (SPEC section 4).
import { ChannelType, type Channel } from 'discord.js';
import type { Rating, Work } from '../library/model.js';

const RESTRICTED: ReadonlySet<Rating> = new Set(['Mature', 'Explicit', 'Not Rated']);

export function isRestricted(work: Work): boolean {
  return RESTRICTED.has(work.meta.rating);
}

/** Whether a channel is age-restricted: a thread follows its parent; DMs never are. */
export function isAgeRestricted(channel: Channel | null): boolean {
  if (!channel || channel.type === ChannelType.DM || channel.type === ChannelType.GroupDM) return false;
  if (channel.isThread()) return channel.parent != null && 'nsfw' in channel.parent && channel.parent.nsfw === true;
  return 'nsfw' in channel && channel.nsfw === true;
}

/** The filter for works a channel may show. */
export function worksAllowedIn(channel: Channel | null): (work: Work) => boolean {
  const adult = isAgeRestricted(channel);
  return (work) => adult || !isRestricted(work);
}

export function refusalFor(work: Work, channel: Channel | null): string {
  const where = channel && channel.type !== ChannelType.DM ? 'this channel is not age-restricted' : 'direct messages cannot be age-restricted';
  return `**${work.meta.title}** is rated ${work.meta.rating}, and ${where}. Ask a server admin for an age-restricted channel and read it there.`;
}
