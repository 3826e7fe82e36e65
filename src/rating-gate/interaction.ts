// "May this interaction show this work": the rating gate as the Discord layer applies it, once per use: a
// work named by a reader (check), a work a click names (check), and lists, suggestions and draws (filter).
import { ChannelType, type Channel } from 'discord.js';
import type { Work } from '../library/model.js';
import { UserError } from '../discord/user-error.js';
import { mayShow, refusalFor, type Showable, type Venue } from './policy.js';

export interface Gate {
  venue: Venue;
  allows(work: Work): work is Showable;
  /** The work, or a UserError saying why it cannot be shown here. */
  check(work: Work): Showable;
  filter(works: readonly Work[]): Showable[];
}

export function gateFor(interaction: { channel: Channel | null }): Gate {
  const venue = venueOf(interaction.channel);
  const allows = (work: Work): work is Showable => mayShow(venue, work);
  return {
    venue,
    allows,
    check(work) {
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
