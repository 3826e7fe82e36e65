// The rating gate's policy (README "Running it on Discord", step 6): Mature, Explicit and Not Rated works are
// shown only where the server marked the channel age-restricted. The bot follows Discord's flag and has no
// switch of its own. Pure: interaction.ts reads a Discord channel into the Venue this file decides on.
import type { Rating, Work } from '../library/model.js';

export const RESTRICTED_RATINGS: ReadonlySet<Rating> = new Set(['Mature', 'Explicit', 'Not Rated']);

/** Where a work would be shown, as far as the gate cares. */
export type Venue =
  /** A server channel that is not a thread, with its own age-restricted flag. */
  | { kind: 'channel'; ageRestricted: boolean }
  /** A thread or a forum post: Discord keeps the flag on its parent, unknown when the parent is not cached. */
  | { kind: 'thread'; parentAgeRestricted: boolean | undefined }
  /** A DM with the bot, or an interaction whose channel Discord did not say. */
  | { kind: 'dm' }
  /** A group DM: it has no age-restricted flag either. */
  | { kind: 'group-dm' };

declare const SHOWABLE: unique symbol;

/** A work the gate let through for a venue; the reading view shows no other (src/discord/reading-view). */
export type Showable = Work & { readonly [SHOWABLE]: true };

export function isRestricted(work: Work): boolean {
  return RESTRICTED_RATINGS.has(work.meta.rating);
}

export function isAgeRestricted(venue: Venue): boolean {
  if (venue.kind === 'channel') return venue.ageRestricted;
  if (venue.kind === 'thread') return venue.parentAgeRestricted === true;
  return false;
}

export function mayShow(venue: Venue, work: Work): work is Showable {
  return isAgeRestricted(venue) || !isRestricted(work);
}

/** Why a work cannot be shown here, and where it can. */
export function refusalFor(venue: Venue, work: Work): string {
  const where = venue.kind === 'dm' ? 'direct messages cannot be age-restricted' : 'this channel is not age-restricted';
  return `**${work.meta.title}** is rated ${work.meta.rating}, and ${where}. Ask a server admin for an age-restricted channel and read it there.`;
}
