import { RATINGS, type Rating, type WorkMeta } from './model.js';

const LIST_FIELDS = ['warnings', 'fandoms', 'relationships', 'characters', 'tags'] as const;
const TEXT_FIELDS = ['title', 'author', 'summary', 'source', 'language'] as const;
const ALL_FIELDS: readonly string[] = [...TEXT_FIELDS, 'rating', ...LIST_FIELDS];

export type MetaResult = { ok: true; meta: Partial<WorkMeta> } | { ok: false; problem: string };

/**
 * Checks metadata written by a person (sidecar or front matter). Strict mode (sidecars, which hold
 * nothing else) refuses unknown fields, so a typo like "fandom" is caught rather than ignored;
 * lenient mode (front matter) lets other keys pass and accepts one string for a list.
 */
export function validateMeta(data: unknown, options: { strict: boolean }): MetaResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fail('must be an object of fields');
  const record = data as Record<string, unknown>;
  const meta: Partial<WorkMeta> = {};
  for (const [key, value] of Object.entries(record)) {
    if (!ALL_FIELDS.includes(key)) {
      if (options.strict) return fail(`unknown field "${key}"${hint(key)}`);
      continue;
    }
    const problem = assign(meta, key, value, options.strict);
    if (problem) return fail(`field "${key}" ${problem}`);
  }
  return { ok: true, meta };
}

function assign(meta: Partial<WorkMeta>, key: string, value: unknown, strict: boolean): string | undefined {
  if (key === 'rating') {
    const rating = RATINGS.find((candidate) => typeof value === 'string' && candidate.toLowerCase() === value.trim().toLowerCase());
    if (!rating) return `must be one of ${RATINGS.join(', ')}`;
    meta.rating = rating satisfies Rating;
  } else if ((LIST_FIELDS as readonly string[]).includes(key)) {
    const list = !strict && typeof value === 'string' ? [value] : value;
    if (!Array.isArray(list) || !list.every((item) => typeof item === 'string')) return 'must be a list of strings';
    meta[key as (typeof LIST_FIELDS)[number]] = list.map((item: string) => item.trim()).filter(Boolean);
  } else {
    if (typeof value !== 'string' || value.trim() === '') return 'must be a non-empty string';
    meta[key as (typeof TEXT_FIELDS)[number]] = value.trim();
  }
  return undefined;
}

function hint(key: string): string {
  const near = ALL_FIELDS.find((field) => field.startsWith(key.toLowerCase()) || key.toLowerCase().startsWith(field));
  return near ? ` (did you mean "${near}"?)` : '';
}

function fail(problem: string): MetaResult {
  return { ok: false, problem };
}

/** The file's own metadata, overridden field by field by the sidecar's; missing rating is Not Rated. */
export function mergeMeta(fromFile: Partial<WorkMeta>, sidecar: Partial<WorkMeta>, fallbackTitle: string): WorkMeta {
  const meta: WorkMeta = {
    title: fallbackTitle,
    rating: 'Not Rated',
    warnings: [],
    fandoms: [],
    relationships: [],
    characters: [],
    tags: [],
  };
  for (const source of [fromFile, sidecar]) {
    for (const [key, value] of Object.entries(source)) if (value !== undefined && value !== '') Object.assign(meta, { [key]: value });
  }
  return meta;
}

// Not Rated may be anything, so a sidecar rating below Explicit lowers it.
const RESTRICTION: ReadonlyMap<Rating, number> = new Map([
  ['General Audiences', 0],
  ['Teen And Up Audiences', 1],
  ['Mature', 2],
  ['Explicit', 3],
  ['Not Rated', 3],
]);

/** The sidecar's rating when it is lower than the one the file gives itself: it still wins, but someone should look. */
export function loweredRating(fromFile: Partial<WorkMeta>, sidecar: Partial<WorkMeta>): { file: Rating; sidecar: Rating } | undefined {
  if (!fromFile.rating || !sidecar.rating) return undefined;
  return RESTRICTION.get(sidecar.rating)! < RESTRICTION.get(fromFile.rating)! ? { file: fromFile.rating, sidecar: sidecar.rating } : undefined;
}
