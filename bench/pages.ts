// Pagination speed and quality: the library and a 10 MB synthetic work, against a naive splitter that cuts
// at the last space before the limit (no escaping, no emphasis, no boundary preference). Medians of RUNS,
// after warm-up runs of each. The last line gives both corpora together: time ratio=X pages ratio=Y.
import { libraryDirOf } from '../src/config.js';
import { loadLibrary } from '../src/library/load.js';
import type { Work } from '../src/library/model.js';
import { chapterText } from '../src/reading/chapter-text.js';
import { PAGE_BUDGET, paginateChapter, type Page } from '../src/reading/paginate.js';
import { syntheticWork } from '../tests/reading/synthetic-work.js';

const RUNS = 7;
/**
 * Warm-up runs of each side before timing, at least this many and for at least WARM_UP_MS: V8 optimises the
 * paginator only after it has run for a while, and the library is too small to get there in a few runs.
 */
const WARM_UPS = 3;
const WARM_UP_MS = 500;
const SYNTHETIC_BYTES = 10_000_000;

interface Run {
  seconds: number;
  pages: Page[];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** A fresh copy, so no memoised text, index or pages from an earlier run is reused. */
function fresh(works: readonly Work[]): Work[] {
  return structuredClone(works as Work[]);
}

function paginateAll(works: readonly Work[]): Run {
  const copies = fresh(works);
  const started = performance.now();
  const pages = copies.flatMap((work) => work.chapters.flatMap((_, i) => paginateChapter(work, i)));
  return { seconds: (performance.now() - started) / 1000, pages };
}

/** Greedy: as much as fits, cut at the last whitespace before the limit, or at the limit. */
function naiveSplit(text: string, limit: number): string[] {
  const pages: string[] = [];
  let start = 0;
  while (text.length - start > limit) {
    const space = text.lastIndexOf(' ', start + limit);
    const end = space > start ? space + 1 : start + limit;
    pages.push(text.slice(start, end));
    start = end;
  }
  pages.push(text.slice(start));
  return pages;
}

function naiveAll(works: readonly Work[]): { seconds: number; pages: number } {
  const copies = fresh(works);
  const started = performance.now();
  const pages = copies.flatMap((work) => work.chapters.flatMap((_, i) => naiveSplit(chapterText(work, i).text, PAGE_BUDGET)));
  return { seconds: (performance.now() - started) / 1000, pages: pages.length };
}

interface Totals {
  seconds: number;
  naiveSeconds: number;
  pages: number;
  naivePages: number;
}

function report(name: string, works: readonly Work[]): Totals {
  const bytes = works.reduce((sum, w) => sum + w.chapters.reduce((s, _, i) => s + Buffer.byteLength(chapterText(w, i).text), 0), 0);
  const warming = performance.now();
  for (let i = 0; i < WARM_UPS || performance.now() - warming < WARM_UP_MS; i++) {
    paginateAll(works);
    naiveAll(works);
  }
  // Interleaved, so a burst of load from another process hits both sides alike.
  const runs: Run[] = [];
  const naive: { seconds: number; pages: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    runs.push(paginateAll(works));
    naive.push(naiveAll(works));
  }
  const seconds = median(runs.map((r) => r.seconds));
  const naiveSeconds = median(naive.map((r) => r.seconds));
  const pages = runs[0]!.pages;
  const rendering = performance.now();
  const bodies = pages.map((page) => page.body);
  const renderSeconds = (performance.now() - rendering) / 1000;
  const ends = new Map<string, number>();
  for (const page of pages) ends.set(page.endsAt, (ends.get(page.endsAt) ?? 0) + 1);
  const fill = bodies.reduce((sum, body) => sum + body.length, 0) / pages.length / PAGE_BUDGET;
  console.log(`\n${name}: ${(bytes / 1e6).toFixed(2)} MB (UTF-8), ${pages.length} pages at budget ${PAGE_BUDGET}, median of ${RUNS} runs`);
  console.log(`  ${(pages.length / seconds).toFixed(0)} pages/s, ${(bytes / 1e6 / seconds).toFixed(2)} MB/s, ${(seconds * 1000).toFixed(1)} ms`);
  console.log(`  every body rendered once afterwards, as readers open the pages: ${(renderSeconds * 1000).toFixed(1)} ms`);
  console.log(`  mean fill ${(fill * 100).toFixed(1)}%`);
  console.log(`  page ends: ${['scene', 'paragraph', 'sentence', 'word', 'grapheme', 'end'].map((k) => `${k} ${ends.get(k) ?? 0}`).join(', ')}`);
  console.log(`  naive splitter: ${(naiveSeconds * 1000).toFixed(1)} ms, ${naive[0]!.pages} pages`);
  console.log(`  ratio to naive: time x${(seconds / naiveSeconds).toFixed(1)}, pages x${(pages.length / naive[0]!.pages).toFixed(3)}`);
  return { seconds, naiveSeconds, pages: pages.length, naivePages: naive[0]!.pages };
}

const library = await loadLibrary(libraryDirOf());
const totals = [report(`library (${library.works.length} works)`, library.works), report('synthetic', [syntheticWork(SYNTHETIC_BYTES)])];
const sum = (key: keyof Totals) => totals.reduce((total, t) => total + t[key], 0);
// Both corpora together: the summed medians and page counts, against the naive splitter's.
console.log(`\ntime ratio=${(sum('seconds') / sum('naiveSeconds')).toFixed(2)} pages ratio=${(sum('pages') / sum('naivePages')).toFixed(3)}`);
