import { RATINGS, type Rating, type WorkMeta } from '../../model.js';

type ListField = 'warnings' | 'fandoms' | 'relationships' | 'characters' | 'tags';

// AO3 pluralises a label when a work has more than one tag of its kind. A Map, as labels come from the file.
const LIST_LABELS: ReadonlyMap<string, ListField> = new Map([
  ['archive warning', 'warnings'],
  ['archive warnings', 'warnings'],
  ['fandom', 'fandoms'],
  ['fandoms', 'fandoms'],
  ['relationship', 'relationships'],
  ['relationships', 'relationships'],
  ['character', 'characters'],
  ['characters', 'characters'],
  ['additional tags', 'tags'],
]);

export function isAo3Label(label: string): boolean {
  const key = labelKey(label);
  return LIST_LABELS.has(key) || ['rating', 'ratings', 'language', 'category', 'categories', 'series', 'stats', 'collections'].includes(key);
}

/** Records one `dt`/`dd` pair (or `Label:` line) of AO3's tag list in the work's metadata. */
export function applyAo3Label(meta: Partial<WorkMeta>, label: string, values: readonly string[]): void {
  const key = labelKey(label);
  const list = LIST_LABELS.get(key);
  if (list) meta[list] = [...values];
  else if (key === 'rating' || key === 'ratings') meta.rating = ratingOf(values[0]);
  else if (key === 'language' && values[0]) meta.language = values[0];
}

function labelKey(label: string): string {
  return label.trim().replace(/:$/, '').toLowerCase();
}

function ratingOf(value: string | undefined): Rating | undefined {
  return RATINGS.find((rating) => rating.toLowerCase() === value?.trim().toLowerCase());
}
