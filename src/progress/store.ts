// Readers' places, in Keyv. One key per (reader, work) so that page turns in different works, even from two
// bot processes sharing the store, never read-modify-write the same record and so never lose each other.
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import Keyv, { type KeyvStoreAdapter } from 'keyv';
import { sqlitePath, storeProtocol } from '../config.js';

export interface Place {
  workId: string;
  chapter: number;
  /** Offset into the chapter's canonical text, not a page number: it survives a change of page size. */
  offset: number;
  /** Epoch milliseconds of the last page shown. */
  at: number;
}

export class ProgressStore {
  constructor(private readonly keyv: Keyv<Place>) {}

  async save(userId: string, place: Place): Promise<void> {
    await this.keyv.set(keyOf(userId, place.workId), place);
  }

  async get(userId: string, workId: string): Promise<Place | undefined> {
    return (await this.keyv.get(keyOf(userId, workId))) ?? undefined;
  }

  /** The reader's places among the given works, most recent first. */
  async list(userId: string, workIds: readonly string[]): Promise<Place[]> {
    if (workIds.length === 0) return [];
    const found = await this.keyv.get(workIds.map((id) => keyOf(userId, id)));
    return found.filter((p): p is Place => p != null).sort((a, b) => b.at - a.at);
  }

  /** Deletes the reader's places among the given works; returns how many there were. */
  async forget(userId: string, workIds: readonly string[]): Promise<number> {
    const places = await this.list(userId, workIds);
    if (places.length > 0) await this.keyv.delete(places.map((p) => keyOf(userId, p.workId)));
    return places.length;
  }

  async close(): Promise<void> {
    await this.keyv.disconnect();
  }
}

function keyOf(userId: string, workId: string): string {
  return `${userId}:${workId}`;
}

/** Opens the store named by STORE_URL; `onError` gets connection errors that Keyv would otherwise throw. */
export async function openProgressStore(storeUrl: string, onError: (error: unknown) => void): Promise<ProgressStore> {
  const keyv = new Keyv<Place>({ store: await adapterFor(storeUrl), namespace: 'progress' });
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
