import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Keyv from 'keyv';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FOLLOW_LIMIT } from '../../src/progress/follows.js';
import { ProgressStore, StoreUnavailable, openProgressStore } from '../../src/progress/store.js';

const options = {
  logger: {
    warn: (...args: unknown[]) => {
      throw new Error(`unexpected store warning: ${JSON.stringify(args)}`);
    },
    info: () => {},
  },
};

describe('follows on SQLite', () => {
  let dir: string;
  let a: ProgressStore;
  let b: ProgressStore;
  let reader: string;
  let work: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'follows-'));
    const url = `sqlite://${join(dir, 'progress.sqlite')}`;
    [a, b] = [await openProgressStore(url, options), await openProgressStore(url, options)];
  });
  beforeEach(() => {
    reader = `reader-${randomUUID()}`;
    work = `work-${randomUUID()}`;
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a follow, listed for its reader and among the work\'s followers, seen by another process', async () => {
    expect(await a.follows.follow(reader, work)).toBe('followed');
    expect(await a.follows.follow(reader, work)).toBe('already');
    expect(await b.follows.of(reader)).toEqual([work]);
    expect(await b.follows.followers(work)).toEqual([reader]);
    expect(await b.follows.followers(`${work}-other`)).toEqual([]);
  });

  it('stops at unfollow: the reader no longer follows and is no longer a follower', async () => {
    await a.follows.follow(reader, work);
    await a.follows.follow(`${reader}-2`, work);
    expect(await b.follows.unfollow(reader, work)).toBe(true);
    expect(await b.follows.unfollow(reader, work)).toBe(false);
    expect(await a.follows.of(reader)).toEqual([]);
    expect(await a.follows.followers(work)).toEqual([`${reader}-2`]);
  });

  it('forgets all a reader follows, and says how many', async () => {
    await a.follows.follow(reader, work);
    await a.follows.follow(reader, `${work}-b`);
    expect(await b.follows.forget(reader)).toBe(2);
    expect(await a.follows.of(reader)).toEqual([]);
    expect(await a.follows.followers(work)).toEqual([]);
    expect(await a.follows.followers(`${work}-b`)).toEqual([]);
  });

  it('counts only followers whose own record still names the work (the per-work list may hold more after a failed write)', async () => {
    await a.follows.follow(reader, work);
    // As if an unfollow had removed the reader's follow and then failed to update the work's list.
    await (a as unknown as { keyv: Keyv }).keyv.delete(`follows:${reader}`);
    expect(await a.follows.followers(work)).toEqual([]);
  });

  it(`keeps at most ${FOLLOW_LIMIT} follows a reader, and says when that is reached`, async () => {
    for (let i = 0; i < FOLLOW_LIMIT; i++) await a.follows.follow(reader, `${work}-${i}`);
    expect(await a.follows.follow(reader, `${work}-one-more`)).toBe('full');
    expect(await a.follows.of(reader)).toHaveLength(FOLLOW_LIMIT);
    await a.follows.forget(reader);
  });

  it('survives a restart', async () => {
    const url = `sqlite://${join(dir, 'restart.sqlite')}`;
    const before = await openProgressStore(url, options);
    await before.follows.follow(reader, work);
    await before.close();
    const after = await openProgressStore(url, options);
    expect(await after.follows.followers(work)).toEqual([reader]);
    await after.close();
  });
});

describe('follows while the store is away', () => {
  it('are refused with StoreUnavailable', async () => {
    const away = new Error('connection refused');
    const keyv = {
      get: () => Promise.reject(away), set: () => Promise.reject(away), delete: () => Promise.reject(away),
      setMany: () => Promise.reject(away), disconnect: () => Promise.resolve(),
    } as unknown as Keyv;
    const store = new ProgressStore(keyv as never, { logger: { warn: () => {}, info: () => {} }, retryMs: [60_000] });
    await expect(store.follows.follow('reader', 'w')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.follows.followers('w')).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.follows.forget('reader')).rejects.toBeInstanceOf(StoreUnavailable);
    await store.close();
  });
});
