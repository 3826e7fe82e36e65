// The store when its backend goes away (README "When the store is away"). Each test starts what it breaks:
// a redis-server of its own, a TCP proxy of its own in front of the shared PostgreSQL with a database of its
// own, a small filesystem of its own; it stops them by process id or unmounts them.
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { SavedPlace } from '../../src/progress/place.js';
import { StoreUnavailable, openProgressStore, type StoreOptions } from '../../src/progress/store.js';
import { sleep } from '../../src/util/deadline.js';
import { freePort, reachable } from '../support/ports.js';
import { hasRedisServer, startOwnRedis } from '../support/redis-server.js';
import { startTcpProxy } from '../support/tcp-proxy.js';
import { until } from '../support/until.js';

const place = (chapter: number, offset: number, at: number): SavedPlace => ({ workId: 'w', chapter, offset, at });

function recordingLogger() {
  const lines: { level: 'warn' | 'info'; msg: string }[] = [];
  const logger: StoreOptions['logger'] = {
    warn: ((_: unknown, msg: string) => void lines.push({ level: 'warn', msg })) as StoreOptions['logger']['warn'],
    info: ((_: unknown, msg: string) => void lines.push({ level: 'info', msg })) as StoreOptions['logger']['info'],
  };
  return { logger, count: (msg: string) => lines.filter((l) => l.msg.startsWith(msg)).length };
}

/** How long a call took to settle, and how. */
async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; result: T | Error }> {
  const started = performance.now();
  const result = await call().catch((error: Error) => error);
  return { ms: performance.now() - started, result };
}

/**
 * The same story whatever breaks: a place saved, the store cut, twenty page turns and reads during the
 * outage, the store back, and the newest place written over nothing newer.
 */
async function outageStory(url: string, cut: () => Promise<void> | void, mend: () => Promise<void> | void) {
  const { logger, count } = recordingLogger();
  const store = await openProgressStore(url, { logger, retryMs: [100] });
  onTestFinished(() => store.close());
  store.save('reader', place(0, 10, 1));
  await store.flush();
  await cut();

  for (let turn = 1; turn <= 20; turn++) {
    store.save('reader', place(1, turn, 1 + turn));
    await sleep(10);
  }
  const read = await timed(() => store.get('reader', 'another-work'));
  expect(read.result).toBeInstanceOf(StoreUnavailable);
  expect(read.ms).toBeLessThan(1_500);
  expect(store.available).toBe(false);
  // What the reader last saw is still theirs, from memory, and returned at once.
  expect(await store.get('reader', 'w')).toEqual(place(1, 20, 21));
  expect(store.save('reader', place(1, 21, 22))).toBe(false);

  await mend();
  await until(() => store.available, 10_000);
  await store.flush();
  const fresh = await openProgressStore(url, { logger: { warn: () => {}, info: () => {} } });
  onTestFinished(() => fresh.close());
  expect(await fresh.get('reader', 'w')).toEqual(place(1, 21, 22));
  expect(count('progress store unavailable')).toBe(1);
  expect(count('progress store is back')).toBe(1);
}

if (!hasRedisServer) console.warn('Skipping the Redis outage tests: redis-server is not installed.');

describe.skipIf(!hasRedisServer)('the store on a Redis that goes away', () => {
  it('killed (kill -9): bounded calls, places kept in memory, written when it is back, logged once each way', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    await outageStory(redis.url, () => redis.kill(), () => redis.start());
  });

  it('frozen (SIGSTOP): every call still settles within its bound', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    await outageStory(redis.url, () => redis.freeze(), () => redis.thaw());
  });

  it('unreachable at start: tries again, then refuses to start, naming STORE_URL', async () => {
    const port = await freePort();
    const { logger, count } = recordingLogger();
    const opened = timed(() => openProgressStore(`redis://127.0.0.1:${port}`, { logger, startRetryMs: [50, 100] }));
    const { result } = await opened;
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toMatch(/progress store at STORE_URL did not answer after 3 tries/);
    expect(count('progress store not reachable yet')).toBe(2);
  });
});

const postgresUp = await reachable(5432);
const hasPsql = spawnSync('psql', ['--version']).status === 0;
if (!postgresUp || !hasPsql) console.warn('Skipping the PostgreSQL outage test: no PostgreSQL on 127.0.0.1:5432 or no psql.');

describe.skipIf(!postgresUp || !hasPsql)('the store on a PostgreSQL cut off by the network', () => {
  it('connections dropped and new ones refused: bounded calls, and it recovers by itself once reachable', async () => {
    const database = `story_faults_${process.pid}_${Date.now()}`;
    const psql = (sql: string) => spawnSync('psql', ['-h', '127.0.0.1', '-U', 'postgres', '-d', 'postgres', '-qc', sql]);
    expect(psql(`CREATE DATABASE ${database}`).status).toBe(0);
    onTestFinished(() => void psql(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
    const proxy = await startTcpProxy(5432);
    onTestFinished(() => proxy.stop());
    await outageStory(`postgres://postgres@127.0.0.1:${proxy.port}/${database}`, () => proxy.cut(), () => proxy.restore());
  });
});

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;
if (!canMount) console.warn('Skipping the full-disk test: mounting a small filesystem needs root.');

describe.skipIf(!canMount)('the store on SQLite when the disk is full', () => {
  it('a refused write is an outage like any other: told, kept in memory, written when there is room', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'full-disk-'));
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir]);
    if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
    onTestFinished(async () => {
      spawnSync('umount', ['-l', dir]);
      await rm(dir, { recursive: true, force: true });
    });
    // Files of falling sizes until none fits: whatever room is left, next to none remains.
    const filler = join(dir, 'filler');
    await outageStory(
      `sqlite://${join(dir, 'progress.sqlite')}`,
      async () => {
        for (let size = 64; size > 0; size--) {
          const ok = await writeFile(`${filler}-${size}`, Buffer.alloc(size * 1024)).then(() => true, () => false);
          if (!ok) await rm(`${filler}-${size}`, { force: true });
        }
      },
      async () => {
        for (let size = 64; size > 0; size--) await rm(`${filler}-${size}`, { force: true });
      },
    );
  });
});
