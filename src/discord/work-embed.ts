// What every message about a work shares: its rating's colour, its byline, and Discord's length limits.
import type { APIEmbed } from 'discord.js';
import type { Rating, Work } from '../library/model.js';

/** AO3's rating colours, so a reader knows the rating of a page at a glance. */
const RATING_COLORS: Record<Rating, number> = {
  'General Audiences': 0x77a100,
  'Teen And Up Audiences': 0xe8d405,
  Mature: 0xde7e00,
  Explicit: 0x9c0000,
  'Not Rated': 0x7f7f7f,
};

/** Embed names and titles are plain text in Discord (no markdown), so they need length limits only. */
export function truncate(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

function byline(work: Work): string {
  return `${work.meta.title} by ${work.meta.author ?? 'an unknown author'}`;
}

/** An embed about a work: its rating's colour and its byline, with the caller's fields. */
export function workEmbed(work: Work, fields: APIEmbed = {}): APIEmbed {
  return { color: RATING_COLORS[work.meta.rating], author: { name: truncate(byline(work), 256) }, ...fields };
}
