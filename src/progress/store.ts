// Readers' places, in Keyv (README "When the store is away"). A shown page's place is queued and written
// behind the answer, so a slow or absent store never delays or silences a page turn; reads are bounded in
// time and fail fast while the store is known to be away. One key per (reader, work): page turns never
// read-modify-write a shared record, so concurrent turns, even from several processes, lose nothing.
import type Keyv from 'keyv';
import type { Logger } from '../log.js';
import { sleep, withDeadline } from '../util/deadline.js';
import { BookmarkStore, type BookmarkRecord } from './bookmarks.js';
import { FollowStore, type FollowerRecord, type FollowRecord } from './follows.js';
import { NoticeChannelStore, type NoticeChannelRecord } from './notice-channels.js';
import { STORE_CALL_MS, openKeyv } from './keyv-backend.js';
import { PendingPlaces, keyOf, type PendingPlace } from './pending.js';
import type { SavedPlace } from './place.js';

/** What a reader is told instead of their place; the detail went to the log once, when the store went away. */
export class StoreUnavailable extends Error {
  constructor() {
    super('the progress store is unavailable');
    this.name = 'StoreUnavailable';
  }
}

/** Before this version, a reader's works were listed in one record under the reader's id. */
interface LegacyWorkIndex {
  workIds: string[];
}

/** The work ids given so far, by file (src/library/work-ids.ts), shared by every process on the store. */
interface WorkIdClaims {
  claims: [file: string, id: string][];
}

type Stored = SavedPlace | LegacyWorkIndex | WorkIdClaims | BookmarkRecord | FollowRecord | FollowerRecord | NoticeChannelRecord;

/** Not a reader id (those are digits), so it never meets a reader's keys. */
const CLAIMS_KEY = 'work-ids';

export interface StoreOptions {
  logger: Pick<Logger, 'warn' | 'info'>;
  callMs?: number;
  /** Waits between attempts to reach the store again, the last repeated. */
  retryMs?: readonly number[];
  /** Places kept in memory while the store is away, about 150 bytes each. */
  pendingLimit?: number;
  /** Told how long each bounded call and each batch of places written took, and whether it failed (metrics). */
  observe?: (seen: StoreCallSeen) => void;
}

export interface StoreCallSeen {
  operation: 'call' | 'write';
  ms: number;
  ok: boolean;
}

const BATCH = 500;

export class ProgressStore {
  /** Readers' bookmarks, in the same Keyv, through the same bounded calls and outage handling. */
  readonly bookmarks: BookmarkStore;
  /** The works readers follow, and each work's followers, likewise. */
  readonly follows: FollowStore;
  /** Each server's channel for notices of new works and chapters. */
  readonly noticeChannels: NoticeChannelStore;
  private readonly pending: PendingPlaces;
  private readonly callMs: number;
  private readonly retryMs: readonly number[];
  private readonly logger: StoreOptions['logger'];
  private up = true;
  private closed = false;
  private writing: Promise<void> | undefined;
  private recovering: Promise<void> | undefined;

  constructor(
    private readonly keyv: Keyv<Stored>,
    private readonly options: StoreOptions,
  ) {
    this.logger = options.logger;
    this.callMs = options.callMs ?? STORE_CALL_MS;
    this.retryMs = options.retryMs ?? [250, 500, 1_000, 2_000];
    this.pending = new PendingPlaces(options.pendingLimit ?? 100_000);
    this.bookmarks = new BookmarkStore(keyv as Keyv<BookmarkRecord>, (run) => this.call(run));
    this.follows = new FollowStore(keyv as Keyv<FollowRecord | FollowerRecord>, (run) => this.call(run));
    this.noticeChannels = new NoticeChannelStore(keyv as Keyv<NoticeChannelRecord>, (run) => this.call(run));
  }

  /** Whether the last call to the store succeeded. */
  get available(): boolean {
    return this.up;
  }

  /**
   * Queues the place to be written, a newer place for the same work replacing it. Returns false when the
   * store is away: the place is kept in memory and written when it is back, but the reader should know.
   */
  save(readerId: string, place: SavedPlace): boolean {
    if (this.closed) return false;
    this.pending.add(readerId, place);
    this.kick();
    return this.up;
  }

  /** The reader's place in the work, a queued one first. Throws StoreUnavailable. */
  async get(readerId: string, workId: string): Promise<SavedPlace | undefined> {
    const queued = this.pending.get(readerId, workId);
    if (queued) return queued;
    return asPlace(await this.call(() => this.keyv.get(keyOf(readerId, workId))));
  }

  /**
   * The reader's places, most recent first: in the given works (the library's), in every work ever given an
   * id (so also in works since removed), and in any other the old per-reader record names. Throws
   * StoreUnavailable.
   */
  async list(readerId: string, workIds: readonly string[]): Promise<SavedPlace[]> {
    return (await this.placesOf(readerId, workIds)).places;
  }

  /** Deletes everything stored about the reader; returns how many places there were. Throws StoreUnavailable. */
  async forget(readerId: string, workIds: readonly string[]): Promise<number> {
    const { places, ids } = await this.placesOf(readerId, workIds);
    this.pending.forgetReader(readerId);
    // A batch already on its way could hold one of the reader's places; it must land before the delete.
    await this.writing;
    // Every work's key, not only those found: a place another process wrote meanwhile goes too.
    await this.call(() => this.keyv.delete([readerId, ...[...ids].map((id) => keyOf(readerId, id))]));
    return places.length;
  }

  private async placesOf(readerId: string, workIds: readonly string[]): Promise<{ places: SavedPlace[]; ids: Set<string> }> {
    const [legacy, claims] = await this.call(() => this.keyv.get([readerId, CLAIMS_KEY]));
    const queued = this.pending.ofReader(readerId);
    const ids = new Set([
      ...workIds,
      ...(legacy && 'workIds' in legacy ? legacy.workIds : []),
      ...(claims && 'claims' in claims ? claims.claims.map(([, id]) => id) : []),
      ...queued.map((p) => p.workId),
    ]);
    const stored = ids.size === 0 ? [] : await this.call(() => this.keyv.get([...ids].map((id) => keyOf(readerId, id))));
    const latest = new Map<string, SavedPlace>();
    for (const place of [...stored.map(asPlace), ...queued]) {
      if (place && (latest.get(place.workId)?.at ?? -Infinity) <= place.at) latest.set(place.workId, place);
    }
    return { places: [...latest.values()].sort((a, b) => b.at - a.at), ids };
  }

  /** The work ids given so far, by file. Throws StoreUnavailable. */
  async workIdClaims(): Promise<Map<string, string>> {
    const stored = await this.call(() => this.keyv.get(CLAIMS_KEY));
    return new Map(stored && 'claims' in stored ? stored.claims : []);
  }

  /**
   * Adds new claims to the stored ones, a file's stored claim winning. Two processes starting at the same
   * instant with different new files may still overwrite each other's additions; each re-adds its own at
   * its next start. Throws StoreUnavailable.
   */
  async keepWorkIdClaims(claims: ReadonlyMap<string, string>): Promise<void> {
    const stored = await this.workIdClaims();
    const added = [...claims].filter(([file]) => !stored.has(file));
    if (added.length > 0) await this.call(() => this.keyv.set(CLAIMS_KEY, { claims: [...stored, ...added] }));
  }

  /** Resolves once every queued place is written, or the store is away. */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  /** Writes what is queued (trying once more if the store is away) and disconnects. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flush();
    if (this.pending.size > 0) {
      // The store was away: one more try for everything queued, batch after batch, stopping at a failure.
      try {
        while (this.pending.size > 0) await this.writeQueued();
      } catch {
        // Reported just below, with the count.
      }
      if (this.pending.size > 0) this.logger.warn({ places: this.pending.size }, 'progress store away at stop: these places were not saved');
    }
    await this.keyv.disconnect().catch(() => {});
  }

  /** One bounded call; a failure marks the store away and is reported to the reader as StoreUnavailable. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    if (!this.up) throw new StoreUnavailable();
    try {
      return await this.timed('call', withDeadline(run(), this.callMs, 'a progress store call'));
    } catch (error) {
      this.wentAway(error);
      throw new StoreUnavailable();
    }
  }

  private timed<T>(operation: StoreCallSeen['operation'], work: Promise<T>): Promise<T> {
    const { observe } = this.options;
    if (!observe) return work;
    const started = performance.now();
    const seen = (ok: boolean) => observe({ operation, ms: performance.now() - started, ok });
    return work.then((value) => (seen(true), value), (error: unknown) => (seen(false), Promise.reject(error)));
  }

  private kick(): void {
    if (this.writing || !this.up || this.pending.size === 0) return;
    this.writing = this.writeAll().finally(() => (this.writing = undefined));
  }

  private async writeAll(): Promise<void> {
    try {
      while (this.pending.size > 0 && this.up) await this.writeQueued();
    } catch (error) {
      this.wentAway(error);
    }
  }

  private async writeQueued(): Promise<void> {
    const batch = this.pending.oldest(BATCH);
    await this.timed('write', withDeadline(this.write(batch), this.callMs, 'saving places'));
    this.pending.written(batch);
  }

  private async write(batch: readonly PendingPlace[]): Promise<void> {
    const results = await this.keyv.setMany(batch.map(({ readerId, place }) => ({ key: keyOf(readerId, place.workId), value: place })));
    // Adapters with a setMany of their own answer nothing; Keyv's own answers false for a write that failed.
    if (Array.isArray(results) && results.some((ok) => ok === false)) throw new Error('the store refused to save some places');
  }

  private wentAway(error: unknown): void {
    if (!this.up) return;
    this.up = false;
    this.logger.warn({ err: error }, 'progress store unavailable: pages still turn, places wait in memory until it is back');
    this.recovering ??= this.recover().finally(() => (this.recovering = undefined));
  }

  /** Tries the store again with growing waits: a queued batch when there is one, else a read. */
  private async recover(): Promise<void> {
    for (let attempt = 0; !this.closed; attempt++) {
      await sleep(this.retryMs[Math.min(attempt, this.retryMs.length - 1)]!);
      if (this.closed) return;
      try {
        if (this.pending.size > 0) await this.writeQueued();
        else await probe(this.keyv, this.callMs);
      } catch {
        continue;
      }
      this.up = true;
      const dropped = this.pending.takeDropped();
      this.logger.info({ waiting: this.pending.size, dropped }, 'progress store is back');
      this.kick();
      return;
    }
  }
}

/** A read of a key nobody writes: does the store answer at all? */
function probe(keyv: Keyv<Stored>, ms: number): Promise<unknown> {
  return withDeadline(keyv.get('probe'), ms, 'reaching the progress store');
}

function asPlace(value: Stored | null | undefined): SavedPlace | undefined {
  return value && 'workId' in value ? value : undefined;
}

/**
 * Opens the store named by STORE_URL and checks that it answers, trying again with growing waits; a store
 * still unreachable after them is a start-up error (README "When the store is away" says why).
 */
export async function openProgressStore(storeUrl: string, options: StoreOptions & { startRetryMs?: readonly number[] }): Promise<ProgressStore> {
  const keyv = await openKeyv<Stored>(storeUrl, 'progress');
  const callMs = options.callMs ?? STORE_CALL_MS;
  const waits = options.startRetryMs ?? [500, 1_000, 2_000, 4_000, 8_000];
  for (let attempt = 0; ; attempt++) {
    try {
      await probe(keyv, callMs);
      return new ProgressStore(keyv, options);
    } catch (error) {
      if (attempt === waits.length) {
        await keyv.disconnect().catch(() => {});
        throw new Error(`the progress store at STORE_URL did not answer after ${attempt + 1} tries: ${(error as Error).message}`);
      }
      options.logger.warn({ err: error, retryInMs: waits[attempt] }, 'progress store not reachable yet');
      await sleep(waits[attempt]!);
    }
  }
}
