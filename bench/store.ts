// `npm run bench:store`: the progress store saving one place for each of 5,000 distinct readers, one at a
// time and 50 at once, on SQLite (as shipped), then Redis and PostgreSQL where they listen on 127.0.0.1;
// then every place read back. The baseline, in the same run on the same backend, is what the store did
// before the write-behind queue: one awaited Keyv set per page turn.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { openKeyv } from '../src/progress/keyv-backend.js';
import type { SavedPlace } from '../src/progress/place.js';
import { openProgressStore, type ProgressStore } from '../src/progress/store.js';
import { reachable } from '../tests/support/ports.js';

const READERS = 5_000;
const CONCURRENT = 50;
const quiet = { warn: (...args: unknown[]) => console.error('store warning:', ...args), info: () => {} } as never;

const placeFor = (i: number): SavedPlace => ({ workId: 'bench-work', chapter: i % 7, offset: i * 13, at: 1_000 + i });

/** Runs `save` for every reader, `width` at a time, and returns saves per second. */
async function rate(width: number, save: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < READERS) await save(next++);
  }));
  return READERS / ((performance.now() - started) / 1000);
}

async function lostIn(store: ProgressStore, readers: readonly string[]): Promise<number> {
  let lost = 0;
  for (const [i, reader] of readers.entries()) {
    const got = await store.get(reader, 'bench-work');
    if (got?.offset !== placeFor(i).offset) lost += 1;
  }
  return lost;
}

async function benchBackend(name: string, url: string): Promise<void> {
  const store = await openProgressStore(url, { logger: quiet });
  const raw: Keyv<SavedPlace> = await openKeyv<SavedPlace>(url, 'progress');
  const figures: string[] = [];
  for (const width of [1, CONCURRENT]) {
    const readers = Array.from({ length: READERS }, () => `bench-${randomUUID()}`);
    const baselineReaders = readers.map((r) => `${r}-baseline`);
    // As before the queue: each page turn waits for its own write.
    const baseline = await rate(width, (i) => raw.set(`${baselineReaders[i]}:bench-work`, placeFor(i)).then(() => undefined));
    // The store as shipped: queued, then each turn waits until its place is written, so nothing is counted unsaved.
    const ours = await rate(width, async (i) => {
      store.save(readers[i]!, placeFor(i));
      await store.flush();
    });
    const lost = await lostIn(store, readers);
    figures.push(`${width === 1 ? 'one at a time' : `${CONCURRENT} at once`}: saves/s=${Math.round(ours)} lost=${lost} baseline saves/s=${Math.round(baseline)} ratio=${(ours / baseline).toFixed(2)}`);
    await raw.delete([...readers, ...baselineReaders].map((r) => `${r}:bench-work`));
  }
  for (const line of figures) console.log(`${name} ${line}`);
  await raw.disconnect();
  await store.close();
}

const dir = await mkdtemp(join(tmpdir(), 'bench-store-'));
try {
  await benchBackend('sqlite', `sqlite://${join(dir, 'progress.sqlite')}`);
  if (await reachable(6379)) await benchBackend('redis', 'redis://127.0.0.1:6379');
  else console.log('redis skipped: nothing listens on 127.0.0.1:6379');
  if (await reachable(5432)) await benchBackend('postgres', 'postgres://postgres@127.0.0.1:5432/test');
  else console.log('postgres skipped: nothing listens on 127.0.0.1:5432');
} finally {
  await rm(dir, { recursive: true, force: true });
}
