// Readers' places, in Keyv. One key per (reader, work) so that page turns in different works, even from two
// bot processes sharing the store, never read-modify-write the same record and so never lose each other.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { sqlitePath, storeProtocol } from './store-url.js';
import type { SavedPlace } from './place.js';


/** The works a reader has a place in, so that what is stored about them can be listed and deleted in full. */
interface WorkIndex {
  workIds: string[];
}

/** Bounds the memory of which (reader, work) pairs are already indexed; forgetting only costs a read. */
const INDEXED_LIMIT = 100_000;

export class ProgressStore {
  /** (reader, work) pairs known to be in the reader's index, so only a first save in a work reads it. */
  private readonly indexed = new Set<string>();

  constructor(private readonly keyv: Keyv<SavedPlace | WorkIndex>) {}

  async save(userId: string, place: SavedPlace): Promise<void> {
    await this.keyv.set(keyOf(userId, place.workId), place);
    await this.index(userId, place.workId);
  }

  async get(userId: string, workId: string): Promise<SavedPlace | undefined> {
    return asPlace(await this.keyv.get(keyOf(userId, workId)));
  }

  /**
   * The reader's places, most recent first: in the given works (the library's) and in any other work the
   * reader's index names, such as one since removed from the library.
   */
  async list(userId: string, workIds: readonly string[]): Promise<SavedPlace[]> {
    const ids = new Set([...workIds, ...(await this.indexOf(userId))]);
    if (ids.size === 0) return [];
    const found = await this.keyv.get([...ids].map((id) => keyOf(userId, id)));
    return found.map(asPlace).filter((p) => p !== undefined).sort((a, b) => b.at - a.at);
  }

  /** Deletes everything stored about the reader; returns how many places there were. */
  async forget(userId: string, workIds: readonly string[]): Promise<number> {
    const places = await this.list(userId, workIds);
    await this.keyv.delete([indexKey(userId), ...places.map((p) => keyOf(userId, p.workId))]);
    for (const key of this.indexed) if (key.startsWith(`${userId}:`)) this.indexed.delete(key);
    return places.length;
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }

  // Read-modify-write, but only on a reader's first page in a work; two processes doing that for one reader
  // at the same instant may drop an entry, which then shows only while the work is in the library.
  private async index(userId: string, workId: string): Promise<void> {
    const key = keyOf(userId, workId);
    if (this.indexed.has(key)) return;
    const known = await this.indexOf(userId);
    if (!known.includes(workId)) await this.keyv.set(indexKey(userId), { workIds: [...known, workId] });
    if (this.indexed.size >= INDEXED_LIMIT) this.indexed.clear();
    this.indexed.add(key);
  }

  private async indexOf(userId: string): Promise<string[]> {
    const index = await this.keyv.get(indexKey(userId));
    return index && 'workIds' in index ? index.workIds : [];
  }
}

function asPlace(value: SavedPlace | WorkIndex | null | undefined): SavedPlace | undefined {
  return value && 'workId' in value ? value : undefined;
}

function keyOf(userId: string, workId: string): string {
  return `${userId}:${workId}`;
}

function indexKey(userId: string): string {
  return userId;
}

/** Opens the store named by STORE_URL; `onError` gets connection errors that Keyv would otherwise throw. */
export async function openProgressStore(storeUrl: string, onError: (error: unknown) => void): Promise<ProgressStore> {
  const keyv = new Keyv<SavedPlace | WorkIndex>({ store: await adapterFor(storeUrl), namespace: 'progress' });
  keyv.on('error', onError);
  return new ProgressStore(keyv);
}

async function adapterFor(storeUrl: string): Promise<KeyvStoreAdapter> {
  const protocol = storeProtocol(storeUrl);
  if (protocol === 'sqlite:') return openSqlite(storeUrl);
  if (protocol === 'redis:' || protocol === 'rediss:') {
    const { default: KeyvRedis } = await import('@keyv/redis');
    return new KeyvRedis(storeUrl) as unknown as KeyvStoreAdapter;
  }
  const { default: KeyvPostgres } = await import('@keyv/postgres');
  return new KeyvPostgres({ uri: storeUrl }) as unknown as KeyvStoreAdapter;
}

async function openSqlite(storeUrl: string): Promise<KeyvStoreAdapter> {
  const file = sqlitePath(storeUrl);
  if (file !== ':memory:') await mkdir(dirname(file), { recursive: true });
  const { default: KeyvSqlite } = await import('@keyv/sqlite');
  // busyTimeout lets two processes on one file wait for each other's write lock instead of failing.
  const sqlite = new KeyvSqlite({ uri: storeUrl, busyTimeout: 5_000 });
  // WAL lets readers go on while a page turn writes; it also makes concurrent writers far less likely to block.
  await sqlite.query('PRAGMA journal_mode=WAL');
  return sqlite as unknown as KeyvStoreAdapter;
}
