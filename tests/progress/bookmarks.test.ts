import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BOOKMARK_LIMIT, type NewBookmark } from '../../src/progress/bookmarks.js';
import { ProgressStore, StoreUnavailable, openProgressStore } from '../../src/progress/store.js';
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

const mark = (workId: string, chapter: number, offset: number, note: string, at: number): NewBookmark => ({ workId, chapter, offset, note, at });

/** The same behaviour, whatever the backend: two stores stand for two bot processes sharing one database. */
function behavesAsABookmarkStore(open: () => Promise<[ProgressStore, ProgressStore]>, { sharedPool = false } = {}) {
  let a: ProgressStore;
  let b: ProgressStore;
  // A reader of each test's own, so tests stand alone and in any order, even on the shared Redis and PostgreSQL.
  let reader: string;
  beforeAll(async () => {
    [a, b] = await open();
  });
  beforeEach(() => {
    reader = `reader-${randomUUID()}`;
  });
  afterEach(() => a.bookmarks.forget(reader));
  afterAll(async () => {
    await Promise.all(sharedPool ? [a?.close()] : [a?.close(), b?.close()]);
  });

  it('keeps a bookmark with its exact place and note, for its reader only, newest first', async () => {
    await a.bookmarks.add(reader, mark('work-a', 2, 1234, 'where the letter arrives', 1_000));
    await a.bookmarks.add(reader, mark('work-b', 0, 0, '', 2_000));
    const listed = await b.bookmarks.list(reader);
    expect(listed.map(({ id: _, ...rest }) => rest)).toEqual([mark('work-b', 0, 0, '', 2_000), mark('work-a', 2, 1234, 'where the letter arrives', 1_000)]);
    expect(new Set(listed.map((m) => m.id)).size).toBe(2);
    expect(await b.bookmarks.list(`${reader}-other`)).toEqual([]);
  });

  it('keeps one bookmark per place: bookmarking the same place again replaces its note', async () => {
    expect((await a.bookmarks.add(reader, mark('w', 1, 50, 'first thought', 1_000))).kind).toBe('added');
    expect((await b.bookmarks.add(reader, mark('w', 1, 50, 'second thought', 2_000))).kind).toBe('updated');
    expect((await a.bookmarks.list(reader)).map((m) => m.note)).toEqual(['second thought']);
  });

  it(`keeps at most ${BOOKMARK_LIMIT} bookmarks a reader, and says when that is reached`, async () => {
    for (let i = 0; i < BOOKMARK_LIMIT; i++) expect((await a.bookmarks.add(reader, mark('w', 0, i, `n${i}`, i))).kind).toBe('added');
    expect(await a.bookmarks.add(reader, mark('w', 0, 999, 'one too many', 999))).toEqual({ kind: 'full', count: BOOKMARK_LIMIT });
    // A place already bookmarked may still get a new note.
    expect((await a.bookmarks.add(reader, mark('w', 0, 3, 'new note', 1_000))).kind).toBe('updated');
    expect(await b.bookmarks.list(reader)).toHaveLength(BOOKMARK_LIMIT);
  });

  it('loses none of several bookmarks added at once', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => a.bookmarks.add(reader, mark('w', 0, i * 10, `note ${i}`, 5_000 + i))));
    expect((await b.bookmarks.list(reader)).map((m) => m.offset).sort((x, y) => x - y)).toEqual(Array.from({ length: 10 }, (_, i) => i * 10));
  });

  it('removes one bookmark by its id, and forgets all of them, saying how many', async () => {
    await a.bookmarks.add(reader, mark('w', 0, 1, 'keep', 1));
    await a.bookmarks.add(reader, mark('w', 0, 2, 'drop', 2));
    const drop = (await a.bookmarks.list(reader)).find((m) => m.note === 'drop')!;
    expect(await b.bookmarks.remove(reader, drop.id)).toBe(true);
    expect(await b.bookmarks.remove(reader, drop.id)).toBe(false);
    expect((await a.bookmarks.list(reader)).map((m) => m.note)).toEqual(['keep']);
    await a.bookmarks.add(reader, mark('v', 3, 4, '', 3));
    expect(await b.bookmarks.forget(reader)).toBe(2);
    expect(await a.bookmarks.list(reader)).toEqual([]);
  });
}

describe('bookmarks on SQLite (the default)', () => {
  let dir: string;
  behavesAsABookmarkStore(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bookmarks-'));
    const url = `sqlite://${join(dir, 'progress.sqlite')}`;
    return [await openProgressStore(url, options), await openProgressStore(url, options)];
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('survive a restart: a reopened store has the bookmark and its note', async () => {
    const url = `sqlite://${join(dir, 'restart.sqlite')}`;
    const before = await openProgressStore(url, options);
    await before.bookmarks.add('reader', mark('w', 1, 42, 'remember this', 7));
    await before.close();
    const after = await openProgressStore(url, options);
    expect((await after.bookmarks.list('reader')).map((m) => [m.workId, m.chapter, m.offset, m.note])).toEqual([['w', 1, 42, 'remember this']]);
    await after.close();
  });
});

describe('bookmarks while the store is away', () => {
  it('are refused with StoreUnavailable rather than lost silently, and the log never holds a note', async () => {
    const logged: unknown[] = [];
    const away = new Error('connection refused');
    const keyv = {
      get: () => Promise.reject(away), set: () => Promise.reject(away), delete: () => Promise.reject(away),
      setMany: () => Promise.reject(away), disconnect: () => Promise.resolve(),
    } as unknown as Keyv;
    const store = new ProgressStore(keyv as never, { logger: { warn: (...args: unknown[]) => void logged.push(args), info: (...args: unknown[]) => void logged.push(args) }, retryMs: [60_000] });
    await expect(store.bookmarks.add('reader', mark('w', 0, 0, 'a secret note', 1))).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.bookmarks.list('reader')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.bookmarks.forget('reader')).rejects.toBeInstanceOf(StoreUnavailable);
    expect(store.available).toBe(false);
    expect(JSON.stringify(logged)).not.toContain('a secret note');
    await store.close();
  });
});

const redisUp = await reachable(6379);
const postgresUp = await reachable(5432);
if (!redisUp) console.warn('Skipping the Redis bookmark tests: nothing listens on 127.0.0.1:6379.');
if (!postgresUp) console.warn('Skipping the PostgreSQL bookmark tests: nothing listens on 127.0.0.1:5432.');

describe.skipIf(!redisUp)('bookmarks on Redis (shared between shards)', () => {
  const url = 'redis://127.0.0.1:6379';
  behavesAsABookmarkStore(async () => [await openProgressStore(url, options), await openProgressStore(url, options)]);
});

describe.skipIf(!postgresUp)('bookmarks on PostgreSQL (shared between machines)', () => {
  const url = 'postgres://postgres@127.0.0.1:5432/test';
  behavesAsABookmarkStore(async () => [await openProgressStore(url, options), await openProgressStore(url, options)], { sharedPool: true });
});
