// `npm run bench:reload`: what the living library's reload (src/library/live.ts) costs when one work of the
// 1,000-work bench:library library changes, and whether 100 such reloads leave memory behind. Each reload is
// what the bot does after the watcher's quiet half second: the folder loaded again with the previous load's
// files, and a new catalog. Its baseline, in the same run, is a full load of the same folder (what a restart
// or a reload without reuse would do). Resident and heap are measured after a full GC (--expose-gc).
// Last line: `reload p50=… p99=… ratio=… (full load …) rss before=… after=… heap before=… after=…`.
import { appendFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog } from '../src/library/catalog.js';
import { loadLibrary } from '../src/library/load.js';
import type { Library } from '../src/library/model.js';
import { writeSyntheticLibrary } from './synthetic-library.js';

const RELOADS = 100;
const FULL_LOADS = 3;

const exposedGc = (globalThis as { gc?: () => void }).gc;
if (!exposedGc) throw new Error('run with node --expose-gc (npm run bench:reload does)');
const gc: () => void = exposedGc;

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function memory(): { rss: number; heap: number } {
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)}MB`;
const ms = (value: number) => `${value.toFixed(1)}ms`;

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-reload-'));
  try {
    const { works, bytes } = await writeSyntheticLibrary(dir);
    const fullLoads: number[] = [];
    let library: Library | undefined;
    for (let run = 0; run < FULL_LOADS; run++) {
      library = undefined;
      gc();
      const started = performance.now();
      library = await loadLibrary(dir);
      fullLoads.push(performance.now() - started);
    }
    let current = library!;
    const files = current.works.map((work) => work.file).filter((file) => file.endsWith('.txt'));
    /** RELOADS reloads, the n-th after `fileOf(n)` grew by a paragraph; their times, and memory around them. */
    const series = async (fileOf: (n: number) => string) => {
      // One edit of each file first, so that what a file's first edit leaves (below) is not counted as growth.
      for (let n = 0; n < RELOADS; n++) await appendFile(join(dir, fileOf(n)), '\n\nA first edit.\n');
      current = await loadLibrary(dir, current.claims, current.loaded);
      const before = memory();
      const times: number[] = [];
      for (let n = 0; n < RELOADS; n++) {
        const file = fileOf(n);
        await appendFile(join(dir, file), `\n\nA paragraph added in edit ${n}, as an author adds to a chapter's end.\n`);
        const started = performance.now();
        const next = await loadLibrary(dir, current.claims, current.loaded);
        new Catalog(next.works);
        times.push(performance.now() - started);
        const reread = next.works.filter((work, i) => work !== current.works[i]);
        if (reread.length !== 1 || reread[0]!.file !== file) throw new Error(`reload ${n} read ${reread.map((w) => w.file).join(', ')} again, not just ${file}`);
        current = next;
      }
      return { times, before, after: memory() };
    };
    const one = await series(() => files[0]!);
    const many = await series((n) => files[1 + (n % (files.length - 1))]!);
    const reloads = [...one.times, ...many.times];
    const { before, after } = one;
    const full = percentile(fullLoads, 0.5);
    const p50 = percentile(reloads, 0.5);
    console.log(`library: ${works} works, ${mb(bytes)} on disk; ${RELOADS} reloads, each after one text file grew by a paragraph`);
    console.log(`full load (median of ${FULL_LOADS}): ${ms(full)}; reload p50 ${ms(p50)}, p90 ${ms(percentile(reloads, 0.9))}, p99 ${ms(percentile(reloads, 0.99))}`);
    console.log(`after a GC, ${RELOADS} reloads of one work: resident ${mb(before.rss)} before, ${mb(after.rss)} after; heap ${mb(before.heap)} before, ${mb(after.heap)} after`);
    console.log(`after a GC, ${RELOADS} reloads of ${RELOADS} other works: resident ${mb(many.before.rss)} before, ${mb(many.after.rss)} after; heap ${mb(many.before.heap)} before, ${mb(many.after.heap)} after`);
    console.log(
      `reload p50=${ms(p50)} p99=${ms(percentile(reloads, 0.99))} ratio=${(p50 / full).toFixed(3)} (full load ${ms(full)})` +
        ` rss before=${mb(before.rss)} after=${mb(after.rss)} heap before=${mb(before.heap)} after=${mb(after.heap)}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
