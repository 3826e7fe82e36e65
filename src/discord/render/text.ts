import type { Work } from '../../library/model.js';

/** Embed names and titles are plain text in Discord (no markdown), so they need length limits only. */
export function truncate(text: string, limit: number): string {
  const chars = [...text];
  return chars.length <= limit ? text : `${chars.slice(0, limit - 1).join('')}…`;
}

export function byline(work: Work): string {
  return `${work.meta.title} by ${work.meta.author ?? 'an unknown author'}`;
}

/** "12 min", "1 h 5 min": reading times as people say them. */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, Math.round(minutes))} min`;
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes - hours * 60);
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
