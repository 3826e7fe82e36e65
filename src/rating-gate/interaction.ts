// "May this interaction show this work": the rating gate as the Discord layer applies it, once per use: a
// work named by a reader (check), a work a click names (check), and lists, suggestions and draws (filter).
// It also keeps a server's own works (server-works.ts) to that server.
import { ChannelType, type Channel } from 'discord.js';
import type { Work } from '../library/model.js';
import { UserError } from '../discord/user-error.js';
import { mayShow, refusalFor, type Showable, type Venue } from './policy.js';
import { mayShowInServer, serverRefusal } from './server-works.js';

export interface Gate {
  venue: Venue;
  allows(work: Work): work is Showable;
  /** The work, or a UserError saying why it cannot be shown here. */
  check(work: Work): Showable;
  filter(works: readonly Work[]): Showable[];
}

/** `guildId` is the interaction's server (null or absent in DMs). */
export function gateFor(interaction: { channel: Channel | null; guildId?: string | null }): Gate {
  const venue = venueOf(interaction.channel);
  const guildId = interaction.guildId ?? null;
  const allows = (work: Work): work is Showable => mayShowInServer(guildId, work) && mayShow(venue, work);
  return {
    venue,
    allows,
    check(work) {
      if (!mayShowInServer(guildId, work)) throw new UserError(serverRefusal(guildId));
      if (!allows(work)) throw new UserError(refusalFor(venue, work));
      return work;
    },
    filter: (works) => works.filter(allows),
  };
}

export function venueOf(channel: Channel | null): Venue {
  if (!channel || channel.type === ChannelType.DM) return { kind: 'dm' };
  if (channel.type === ChannelType.GroupDM) return { kind: 'group-dm' };
  if (channel.isThread()) return { kind: 'thread', parentAgeRestricted: channel.parent ? channel.parent.nsfw : undefined };
  return { kind: 'channel', ageRestricted: 'nsfw' in channel && channel.nsfw === true };
}
