// `npm run bench:search`: the search index over the 1,000-work bench library (bench/synthetic-library.ts,
// ~93 MB): how long it takes to build and what it adds to the process (resident and heap, after a full GC,
// before and after), the index's size, then the latency of a first page of hits (five, with snippets) for
// one-word, three-word and phrase queries drawn with a seeded random from the library's own text. Its
// baseline, in the same run, is a naive scan: String.includes of each word over every chapter's text,
// lowercased beforehand, counting each word's occurrences
// as ranking them would need, for the first queries of each kind.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadLibrary } from '../src/library/load.js';
import type { Work } from '../src/library/model.js';
import { mayShow } from '../src/rating-gate/policy.js';
import { chapterText } from '../src/reading/chapter-text.js';
import { SearchIndex } from '../src/search/index.js';
import { passagesOf } from '../src/search/passages.js';
import { parseQuery, type SearchQuery } from '../src/search/query.js';
import { mulberry32 } from '../tests/support/seeded-random.js';
import { writeSyntheticLibrary } from './synthetic-library.js';

const QUERIES = 300;
const BASELINE_QUERIES = 30;
const WARM_UP = 20;
const TARGET_P99_MS = 20;
const TARGET_BUILD_S = 10;
const KINDS = ['one word', 'three words', 'phrase'] as const;
type Kind = (typeof KINDS)[number];

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;

function settledMemory(): NodeJS.MemoryUsage {
  gc?.();
  gc?.();
  return process.memoryUsage();
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Queries as a reader would type them, from words that stand in one passage of a random work. */
function drawQueries(works: readonly Work[], kind: Kind, count: number, seed: number): string[] {
  const random = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const out: string[] = [];
  while (out.length < count) {
    const passages = [...passagesOf(pick(works))];
    const words = pick(passages).text.match(/[\p{L}\p{N}]+/gu) ?? [];
    if (words.length < 4) continue;
    const at = Math.floor(random() * (words.length - 3));
    if (kind === 'one word') out.push(words[at]!);
    else if (kind === 'three words') {
      // Three different words: the same word twice is searched for once (query.ts).
      const distinct = [...new Set(words.map((word) => word.toLowerCase()))];
      if (distinct.length < 3) continue;
      const three = new Set<string>();
      while (three.size < 3) three.add(pick(distinct));
      out.push([...three].join(' '));
    }
    else out.push(`"${words.slice(at, at + 2 + Math.floor(random() * 3)).join(' ')}"`);
  }
  return out;
}

function parsed(input: string): SearchQuery {
  const result = parseQuery(input);
  if (!result.ok) throw new Error(`${input}: ${result.problem}`);
  return result.query;
}

/**
 * The naive search: in every chapter's lowercased text, how often each word (or phrase) occurs, found with
 * String.indexOf, which is what ranking the chapters would need; the chapters holding them all are hits.
 */
function naiveScan(texts: readonly string[], query: SearchQuery): number {
  const needles = query.terms.map((words) => words.join(' ').toLowerCase());
  let found = 0;
  for (const text of texts) {
    let all = true;
    for (const needle of needles) {
      let count = 0;
      for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
      all &&= count > 0;
    }
    if (all) found++;
  }
  return found;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-search-'));
  try {
    const { bytes } = await writeSyntheticLibrary(dir);
    const { works } = await loadLibrary(dir);
    if (!gc) console.log('(run with --expose-gc, as npm run bench:search does, for memory after a full GC)');
    const before = settledMemory();
    const index = await SearchIndex.open();
    const loop = monitorEventLoopDelay({ resolution: 5 });
    loop.enable();
    const started = performance.now();
    await index.build(works);
    const buildSeconds = (performance.now() - started) / 1000;
    loop.disable();
    const after = settledMemory();
    const size = await index.sizeBytes();
    console.log(`library: ${works.length} works, ${(bytes / 2 ** 20).toFixed(1)} MB on disk`);
    console.log(`build: ${buildSeconds.toFixed(2)} s (target ${TARGET_BUILD_S} s); the event loop waited at most ${(loop.max / 1e6).toFixed(0)} ms meanwhile`);
    console.log(
      `memory, after a full GC: resident ${mb(before.rss)} -> ${mb(after.rss)} (+${mb(after.rss - before.rss)}), ` +
        `heap ${mb(before.heapUsed)} -> ${mb(after.heapUsed)} (+${mb(after.heapUsed - before.heapUsed)})`,
    );
    console.log(`index: ${mb(size)} in its temporary database file (passages' text and FTS5's index)`);

    const everyWork = works;
    const normalChannel = works.filter((work) => mayShow({ kind: 'channel', ageRestricted: false }, work));
    const texts = works.flatMap((work) => work.chapters.map((_, c) => chapterText(work, c).text.toLowerCase()));
    const seen = new Set<string>();
    console.log(`ranking: ${index.ranking}${index.ranking === 'bm25' ? ' (src/search/bm25.c is not built: npm install builds it)' : ''}`);
    const summary: string[] = [];
    let worstP99 = 0;
    let ratioLine = '';
    const ratios: number[] = [];
    for (const [k, kind] of KINDS.entries()) {
      const queries = drawQueries(works, kind, QUERIES + WARM_UP, 7 + k).map(parsed);
      const times: number[] = [];
      // Queries with a word searched for the first time in this run: ranking counts its passages then (bm25.ts).
      const firsts: number[] = [];
      let hits = 0;
      for (const [i, query] of queries.entries()) {
        const words = query.terms.flat().map((word) => word.toLowerCase());
        const first = words.some((word) => !seen.has(word));
        words.forEach((word) => seen.add(word));
        const t = performance.now();
        const results = await index.search(query, everyWork, { offset: 0, limit: 5 });
        if (first) firsts.push(performance.now() - t);
        if (i >= WARM_UP) times.push(performance.now() - t);
        hits += results.total;
      }
      const normal: number[] = [];
      for (const query of queries.slice(WARM_UP, WARM_UP + 100)) {
        const t = performance.now();
        await index.search(query, normalChannel, { offset: 0, limit: 5 });
        normal.push(performance.now() - t);
      }
      const naive: number[] = [];
      for (const query of queries.slice(WARM_UP, WARM_UP + BASELINE_QUERIES)) {
        const t = performance.now();
        naiveScan(texts, query);
        naive.push(performance.now() - t);
      }
      const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
      const ratio = percentile(naive, 50) / p50;
      ratios.push(ratio);
      worstP99 = Math.max(worstP99, p99);
      console.log(
        `${kind.padEnd(11)} (${QUERIES}, e.g. ${queries[WARM_UP]!.text}): p50 ${p50.toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, ` +
          `${Math.round(hits / queries.length)} passages found on average (ranked: all up to 1,000; in library order: a page's worth, found a page at a time); normal channel's ${normalChannel.length} works p50 ${percentile(normal, 50).toFixed(2)} ms, p99 ${percentile(normal, 99).toFixed(2)} ms; ` +
          `naive scan (${BASELINE_QUERIES}) p50 ${percentile(naive, 50).toFixed(1)} ms, p99 ${percentile(naive, 99).toFixed(1)} ms; ` +
          `${firsts.length} with a word searched for the first time: ${firsts.length > 0 ? `p50 ${percentile(firsts, 50).toFixed(1)} ms, max ${Math.max(...firsts).toFixed(1)} ms` : '-'}`,
      );
      summary.push(`${kind.replace(' ', '_')}=${p50.toFixed(1)}/${p99.toFixed(1)}ms`);
    }
    ratioLine = ratios.map((r) => r.toFixed(0)).join('/');
    await index.close();
    console.log(
      `build=${buildSeconds.toFixed(2)}s (target ${TARGET_BUILD_S} s) added_rss=${mb(after.rss - before.rss).replace(' ', '')} index=${mb(size).replace(' ', '')} ` +
        `p50/p99 ${summary.join(' ')} (target p99 ${TARGET_P99_MS} ms, worst ${worstP99.toFixed(1)}) naive/index p50 ratio=${ratioLine}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
