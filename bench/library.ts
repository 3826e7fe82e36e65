// `npm run bench:library`: loads a synthetic library of 1,000 works (~93 MB, mixed formats, see
// synthetic-library.ts), each load in a fresh process (library-load-once.ts, bundled and run by plain node
// as `npm start` runs the bot), as the bot loads it once at start. Its baseline, in the same run and
// alternating with the loads, is a floor: every file read and every text file decoded into one string (which
// the loader itself no longer does: README "Performance"). Medians of RUNS of each. The last line gives the
// load time against its target and the floor, and the peak resident set against the library's size on disk.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { bundle } from '../scripts/build.js';
import type { PassResult } from './library-load-once.js';
import { writeSyntheticLibrary } from './synthetic-library.js';

const RUNS = 5;
const TARGET_SECONDS = 1;
const TARGET_PEAK_TIMES_SIZE = 3;
const ONCE = fileURLToPath(new URL('./library-load-once.ts', import.meta.url));
const ONCE_BUNDLE = fileURLToPath(new URL('../dist/bench-library/once.js', import.meta.url));

/** One pass in a new node, with a GC to call. */
async function inFreshProcess(mode: 'load' | 'floor', dir: string): Promise<PassResult> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--expose-gc', ONCE_BUNDLE, mode, dir], { maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as PassResult;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const seconds = (values: readonly number[]) => values.map((value) => value.toFixed(2)).join(', ');

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-library-'));
  try {
    await bundle(ONCE, ONCE_BUNDLE);
    const { works, bytes } = await writeSyntheticLibrary(dir);
    const loads: PassResult[] = [];
    const floors: PassResult[] = [];
    for (let run = 0; run < RUNS; run++) {
      floors.push(await inFreshProcess('floor', dir));
      const load = await inFreshProcess('load', dir);
      if (load.items !== works) throw new Error(`loaded ${load.items} of ${works} works`);
      loads.push(load);
    }
    const load = median(loads.map((run) => run.seconds));
    const floor = median(floors.map((run) => run.seconds));
    const peak = median(loads.map((run) => run.peakRss));
    const before = median(loads.map((run) => run.rssBefore));
    const after = median(loads.map((run) => run.rssAfter));
    console.log(`library: ${works} works, ${(bytes / 2 ** 20).toFixed(1)} MB on disk`);
    console.log(`floor (read every file, decode the text ones), median of ${RUNS}: ${floor.toFixed(2)} s (runs ${seconds(floors.map((run) => run.seconds))})`);
    console.log(`load, median of ${RUNS}, each in a fresh process: ${load.toFixed(2)} s (runs ${seconds(loads.map((run) => run.seconds))})`);
    console.log(`resident, medians: ${mb(before)} before the load (node and modules), peak ${mb(peak)}, ${mb(after)} after it and a full GC (--expose-gc) with the library held; heap after ${mb(median(loads.map((run) => run.heapAfter)))}`);
    console.log(`floor's peak resident: ${mb(median(floors.map((run) => run.peakRss)))}`);
    console.log(
      `load=${load.toFixed(2)}s (target ${TARGET_SECONDS} s) ratio=${(load / floor).toFixed(2)} (floor ${floor.toFixed(2)}s) ` +
        `peak_rss=${mb(peak).replace(' ', '')} (${(peak / bytes).toFixed(2)}x size, target ${TARGET_PEAK_TIMES_SIZE}x) rss_after=${mb(after).replace(' ', '')}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
