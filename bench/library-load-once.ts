// One measured pass over a library folder in a process of its own, started by bench/library.ts: a process
// that loaded the library before still holds that copy until a collection, which would blur the peak.
// `load` is loadLibrary; `floor` is every file read and every text file decoded into one string.
// Prints one JSON line: seconds, the process's peak resident set, and what stays resident after a GC.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeUtf8 } from '../src/library/decode.js';
import { loadLibrary } from '../src/library/load.js';

export interface PassResult {
  seconds: number;
  /** The process's peak resident set, modules and all (getrusage's ru_maxrss). */
  peakRss: number;
  /** Resident before the pass began, after the modules loaded. */
  rssBefore: number;
  /** Resident after the pass and a full GC, with its result still held. */
  rssAfter: number;
  heapAfter: number;
  items: number;
}

const FLOOR_CONCURRENCY = 8;

/** Every file's bytes, and the text files' bytes as one string each by decodeUtf8; EPUBs are read, not inflated. */
async function readEverything(dir: string): Promise<unknown[]> {
  const names = (await readdir(dir)).sort();
  const out: unknown[] = new Array(names.length);
  let next = 0;
  const worker = async () => {
    while (next < names.length) {
      const index = next++;
      const bytes = await readFile(join(dir, names[index]!));
      out[index] = names[index]!.endsWith('.epub') ? bytes : decodeUtf8(bytes);
    }
  };
  await Promise.all(Array.from({ length: FLOOR_CONCURRENCY }, worker));
  return out;
}

async function pass(mode: string, dir: string): Promise<PassResult> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with node --expose-gc');
  gc();
  const rssBefore = process.memoryUsage().rss;
  const started = performance.now();
  const result = mode === 'load' ? (await loadLibrary(dir)).works : await readEverything(dir);
  const seconds = (performance.now() - started) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024;
  gc();
  const { rss, heapUsed } = process.memoryUsage();
  return { seconds, peakRss, rssBefore, rssAfter: rss, heapAfter: heapUsed, items: result.length };
}

const [mode, dir] = process.argv.slice(2);
if ((mode !== 'load' && mode !== 'floor') || !dir) throw new Error('usage: library-load-once.ts load|floor DIR');
console.log(JSON.stringify(await pass(mode, dir)));
