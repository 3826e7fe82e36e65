import { randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SavedPlace } from '../../src/progress/place.js';
import type Keyv from 'keyv';
import { openKeyv } from '../../src/progress/keyv-backend.js';
import { openProgressStore, type ProgressStore } from '../../src/progress/store.js';
import { reachable } from '../support/ports.js';

/** Store warnings fail the test: an ordinary store test never sees the store go away. */
const options = {
  logger: {
    warn: (...args: unknown[]) => {
      throw new Error(`unexpected store warning: ${JSON.stringify(args)}`);
    },
    info: () => {},
  },
};

/** A save as a page turn makes it, then waits until it is written. */
async function saveNow(store: ProgressStore, user: string, p: SavedPlace): Promise<void> {
  expect(store.save(user, p)).toBe(true);
  await store.flush();
}

const place = (workId: string, chapter: number, offset: number, at: number): SavedPlace => ({ workId, chapter, offset, at });

/** The same behaviour, whatever the backend: two stores stand for two bot processes sharing one database. */
function behavesAsAProgressStore(open: () => Promise<[ProgressStore, ProgressStore, string]>, { sharedPool = false } = {}) {
  let a: ProgressStore;
  let b: ProgressStore;
  /** The store read directly, as another program would, to see what is left after a delete. */
  let raw: Keyv;
  let url: string;
  // A reader of each test's own, so tests stand alone and in any order, even on the shared Redis and PostgreSQL.
  let user: string;
  const works = Array.from({ length: 8 }, (_, i) => `work-${i}`);

  beforeAll(async () => {
    [a, b, url] = await open();
    raw = await openKeyv(url, 'progress');
  });
  beforeEach(() => {
    user = `user-${randomUUID()}`;
  });
  afterEach(() => a.forget(user, works));
  afterAll(async () => {
    // @keyv/postgres keeps one pool per process, so two stores in one test process share it: close it once.
    await Promise.all(sharedPool ? [a?.close()] : [a?.close(), b?.close(), raw?.disconnect()]);
  });

  it('remembers a place per reader and work, and knows nothing of other readers', async () => {
    await saveNow(a, user, place('work-0', 2, 1234, 1000));
    expect(await b.get(user, 'work-0')).toEqual(place('work-0', 2, 1234, 1000));
    expect(await b.get(`${user}-other`, 'work-0')).toBeUndefined();
    expect(await b.list(`${user}-other`, works)).toEqual([]);
  });

  it('loses no page turn when one reader turns pages in several works through two processes at once', async () => {
    const turns = works.flatMap((workId, w) =>
      Array.from({ length: 20 }, (_, t) => ({ store: (w + t) % 2 ? a : b, p: place(workId, w, t, 10_000 + t) })),
    );
    // Each work's turns are applied in order; different works interleave freely across both stores.
    await Promise.all(
      works.map(async (workId) => {
        for (const { store, p } of turns.filter((t) => t.p.workId === workId)) await saveNow(store, user, p);
      }),
    );
    const listed = await a.list(user, works);
    expect(listed.map((p) => p.workId).sort()).toEqual([...works].sort());
    for (const [w, workId] of works.entries()) expect(await b.get(user, workId)).toEqual(place(workId, w, 19, 10_019));
  });

  it('lists and forgets a place in a work that is no longer in the library, known by its id claim', async () => {
    const removed = `removed-${randomUUID()}`;
    await a.keepWorkIdClaims(new Map([[`${removed}.txt`, removed]]));
    await saveNow(a, user, place(removed, 1, 7, 50_000));
    const listed = await b.list(user, works.slice(0, 1));
    expect(listed.map((p) => p.workId)).toContain(removed);
    expect(await b.forget(user, [])).toBe(listed.length);
    expect(await a.list(user, [])).toEqual([]);
    expect(await a.get(user, removed)).toBeUndefined();
  });

  it('lists and forgets every place of many first pages at once through two processes, leaving nothing stored', async () => {
    const claimed = Array.from({ length: 10 }, () => `first-${randomUUID()}`);
    await a.keepWorkIdClaims(new Map(claimed.map((id) => [`${id}.txt`, id])));
    // Ten first pages at the same instant, alternately through each process, none awaited before the next.
    claimed.forEach((workId, i) => (i % 2 ? a : b).save(user, place(workId, 0, i, 70_000 + i)));
    await Promise.all([a.flush(), b.flush()]);
    expect((await b.list(user, [])).map((p) => p.workId).sort()).toEqual([...claimed].sort());
    expect(await a.forget(user, [])).toBe(claimed.length);
    for (const workId of claimed) expect(await raw.get(`${user}:${workId}`)).toBeUndefined();
  });

  it('lists and forgets every first page saved by another OS process at the same time as this one', async () => {
    const claimed = Array.from({ length: 10 }, () => `proc-${randomUUID()}`);
    await a.keepWorkIdClaims(new Map(claimed.map((id) => [`${id}.txt`, id])));
    const other = spawn(process.execPath, ['--import', 'tsx', 'tests/support/save-places.ts', url, user, ...claimed.slice(5)], { stdio: 'inherit' });
    const exited = new Promise<number | null>((resolve) => other.once('exit', resolve));
    claimed.slice(0, 5).forEach((workId, i) => a.save(user, place(workId, 0, i, 80_000 + i)));
    await a.flush();
    expect(await exited).toBe(0);
    expect((await b.list(user, [])).map((p) => p.workId).sort()).toEqual([...claimed].sort());
    expect(await b.forget(user, [])).toBe(claimed.length);
    for (const workId of claimed) expect(await raw.get(`${user}:${workId}`)).toBeUndefined();
  });

  it('lists most recent first and forgets everything on request', async () => {
    for (const [w, workId] of works.entries()) await saveNow(b, user, place(workId, w, 1, 60_000 + w));
    await saveNow(a, user, place('work-3', 0, 5, 99_999));
    expect((await b.list(user, works))[0]?.workId).toBe('work-3');
    expect(await b.forget(user, works)).toBe(works.length);
    expect(await a.list(user, works)).toEqual([]);
  });
}

describe('progress store on SQLite (the default)', () => {
  let dir: string;
  behavesAsAProgressStore(async () => {
    dir = await mkdtemp(join(tmpdir(), 'progress-'));
    const url = `sqlite://${join(dir, 'nested', 'progress.sqlite')}`;
    const first = await openProgressStore(url, options);
    return [first, await openProgressStore(url, options), url];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('survives a restart: a reopened store has the place', async () => {
    const url = `sqlite://${join(dir, 'restart.sqlite')}`;
    const before = await openProgressStore(url, options);
    await saveNow(before, 'reader', place('w', 1, 42, 1));
    await before.close();
    const after = await openProgressStore(url, options);
    expect(await after.get('reader', 'w')).toEqual(place('w', 1, 42, 1));
    await after.close();
  });
});

const redisUp = await reachable(6379);
const postgresUp = await reachable(5432);
if (!redisUp) console.warn('Skipping the Redis progress store tests: nothing listens on 127.0.0.1:6379.');
if (!postgresUp) console.warn('Skipping the PostgreSQL progress store tests: nothing listens on 127.0.0.1:5432.');

describe.skipIf(!redisUp)('progress store on Redis (shared between shards)', () => {
  const url = 'redis://127.0.0.1:6379';
  behavesAsAProgressStore(async () => [await openProgressStore(url, options), await openProgressStore(url, options), url]);
});

describe.skipIf(!postgresUp)('progress store on PostgreSQL (shared between machines)', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  behavesAsAProgressStore(async () => [await openProgressStore(url, options), await openProgressStore(url, options), url], {
    sharedPool: true,
  });
});
