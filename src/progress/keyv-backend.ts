// The Keyv adapter for STORE_URL, set up so that no call can wait forever (README "When the store is away"):
// Redis fails a command at once while disconnected instead of queueing it, PostgreSQL bounds connecting and
// querying, SQLite waits for another process's write lock for a bounded time only.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { sqlitePath, storeProtocol } from './store-url.js';

/** Well inside the 3 s Discord gives a first answer, yet long for a healthy store on any network. */
export const STORE_CALL_MS = 1_000;

export async function openKeyv<T>(storeUrl: string, namespace: string): Promise<Keyv<T>> {
  // Errors are thrown to the caller, which knows whether a reader is waiting; Keyv would otherwise return
  // undefined for a failed read and false for a failed write, both indistinguishable from a real answer.
  const keyv = new Keyv<T>({ store: await adapterFor(storeUrl), namespace, throwOnErrors: true });
  // Keyv also emits each error; the store reports outages itself, once (see ProgressStore).
  keyv.on('error', () => {});
  return keyv;
}

async function adapterFor(storeUrl: string): Promise<KeyvStoreAdapter> {
  const protocol = storeProtocol(storeUrl);
  if (protocol === 'sqlite:') return openSqlite(storeUrl);
  if (protocol === 'redis:' || protocol === 'rediss:') return openRedis(storeUrl);
  return openPostgres(storeUrl);
}

async function openRedis(storeUrl: string): Promise<KeyvStoreAdapter> {
  const { default: KeyvRedis } = await import('@keyv/redis');
  const redis = new KeyvRedis({
    url: storeUrl,
    // Queued commands would wait for a reconnection that may never come; failing them at once lets the
    // store keep the places in memory and tell the reader.
    disableOfflineQueue: true,
    socket: { connectTimeout: STORE_CALL_MS, reconnectStrategy: (attempt: number) => Math.min(100 * 2 ** attempt, 2_000) },
  });
  redis.throwOnErrors = true;
  return redis as unknown as KeyvStoreAdapter;
}

async function openPostgres(storeUrl: string): Promise<KeyvStoreAdapter> {
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  // These are pg.Pool options, which @keyv/postgres passes through.
  const postgres = new KeyvPostgres({
    uri: storeUrl,
    connectionTimeoutMillis: STORE_CALL_MS,
    query_timeout: STORE_CALL_MS,
    keepAlive: true,
  } as ConstructorParameters<typeof KeyvPostgres>[0]);
  return postgres as unknown as KeyvStoreAdapter;
}

async function openSqlite(storeUrl: string): Promise<KeyvStoreAdapter> {
  const file = sqlitePath(storeUrl);
  if (file !== ':memory:') await mkdir(dirname(file), { recursive: true });
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  // Two processes on one file wait for each other's write lock instead of failing, but not for long.
  const sqlite = new KeyvSqlite({ uri: storeUrl, busyTimeout: STORE_CALL_MS / 2 });
  // WAL lets readers go on while a page turn writes; it also makes concurrent writers far less likely to block.
  // In WAL, synchronous=NORMAL still survives the process being killed; only a power cut may lose the last
  // commits, and each commit no longer waits for an fsync (README "Performance", bench:store).
  await sqlite.query('PRAGMA journal_mode=WAL');
  await sqlite.query('PRAGMA synchronous=NORMAL');
  // @keyv/sqlite has no setMany, so Keyv would write a batch as one statement (one commit) per place;
  // given this, the store's batch is one statement. Keyv passes the keys prefixed and the values serialized.
  const table = sqlite.opts.table;
  Object.assign(sqlite, {
    async setMany(entries: { key: string; value: string }[]): Promise<void> {
      if (entries.length === 0) return;
      const rows = entries.map(() => '(?, ?)').join(', ');
      await sqlite.query(`INSERT INTO ${table} (key, value) VALUES ${rows} ON CONFLICT(key) DO UPDATE SET value=excluded.value`, ...entries.flatMap((e) => [e.key, e.value]));
    },
  });
  return sqlite as unknown as KeyvStoreAdapter;
}
