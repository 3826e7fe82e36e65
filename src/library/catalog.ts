import { editDistance } from './edit-distance.js';
import type { Work } from './model.js';

export type Resolution = { kind: 'found'; work: Work } | { kind: 'none' | 'ambiguous'; suggestions: Work[] };
export type WorkFilter = (work: Work) => boolean;

const SUGGESTIONS = 5;
const allowAll: WorkFilter = () => true;

interface Entry {
  work: Work;
  id: string;
  title: string;
  /** Title, author and fandoms, lowercased, for substring search. */
  haystack: string;
}

/** The works in memory with their lowercased keys, so lookups and autocomplete never touch the disk. */
export class Catalog {
  private readonly entries: Entry[];
  private readonly works: readonly Work[];
  private readonly byIds: Map<string, Work>;
  private readonly workIds: readonly string[];

  constructor(works: readonly Work[]) {
    this.entries = works.map((work) => ({
      work,
      id: work.id,
      title: work.meta.title.toLowerCase(),
      haystack: [work.meta.title, work.meta.author ?? '', ...work.meta.fandoms].join('\n').toLowerCase(),
    }));
    this.works = [...works];
    this.byIds = new Map(works.map((work) => [work.id, work]));
    this.workIds = works.map((work) => work.id);
  }

  all(): readonly Work[] {
    return this.works;
  }

  /** Every work's id, in the order of all(): the keys a reader's progress can be stored under. */
  ids(): readonly string[] {
    return this.workIds;
  }

  byId(id: string): Work | undefined {
    return this.byIds.get(id);
  }

  /** What a person typed (or autocomplete sent): id, title in any case, or an unambiguous prefix. */
  resolve(query: string, allowed: WorkFilter = allowAll): Resolution {
    const typed = query.trim();
    const lower = typed.toLowerCase();
    const entries = this.entries.filter((entry) => allowed(entry.work));
    const exact = entries.find((entry) => entry.id === typed || entry.work.meta.title === typed);
    if (exact) return { kind: 'found', work: exact.work };
    for (const matches of [
      entries.filter((entry) => entry.title === lower),
      entries.filter((entry) => entry.title.startsWith(lower) || entry.id.startsWith(lower)),
    ]) {
      if (lower === '' || matches.length === 0) continue;
      if (matches.length === 1) return { kind: 'found', work: matches[0]!.work };
      return { kind: 'ambiguous', suggestions: closest(matches, lower) };
    }
    return { kind: 'none', suggestions: closest(entries, lower) };
  }

  /** Autocomplete: title or id prefix first, then the text anywhere in title, author or fandom. */
  suggest(input: string, allowed: WorkFilter = allowAll, limit = 25): Work[] {
    const lower = input.trim().toLowerCase();
    const prefixed: Work[] = [];
    const containing: Work[] = [];
    for (const entry of this.entries) {
      if (!allowed(entry.work)) continue;
      if (entry.title.startsWith(lower) || entry.id.startsWith(lower)) prefixed.push(entry.work);
      else if (entry.haystack.includes(lower)) containing.push(entry.work);
      if (prefixed.length >= limit) break;
    }
    return [...prefixed, ...containing].slice(0, limit);
  }
}

/** Nearest titles by edit distance to the whole title or to its start, so short queries still find long titles. */
function closest(entries: readonly Entry[], query: string): Work[] {
  return entries
    .map((entry) => ({
      work: entry.work,
      distance: Math.min(editDistance(query, entry.title), editDistance(query, entry.title.slice(0, query.length))),
    }))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, SUGGESTIONS)
    .map((scored) => scored.work);
}
