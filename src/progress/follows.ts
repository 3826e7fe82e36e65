// Follows: which works a reader wants to hear of new chapters in (README "Following a work"), in the progress
// store's Keyv and through its bounded calls, so a failed call marks the store away and throws
// StoreUnavailable. Two records: `follows:<reader>` (the truth: what /progress counts and deletes) and
// `followers:<work>` (an index, so a new chapter's notices need not look at every reader).
//
// Consistency: the index may hold more readers than follow, never fewer. A follow writes the index first and
// then the reader's record; an unfollow or a delete writes the reader's record first and then the index. A
// failure between the two leaves an extra name in the index, and `followers` keeps only the readers whose
// own record names the work (and drops the others from the index). Writes are serialised per record in this
// process; two processes changing one work's index at the same instant may still lose one addition.
import type Keyv from 'keyv';
import { OneAtATime, type StoreCall } from './records.js';

/** Works one reader may follow; the answer says so when it is reached. */
export const FOLLOW_LIMIT = 100;

export interface FollowRecord {
  workIds: string[];
}

export interface FollowerRecord {
  readerIds: string[];
}

export type FollowResult = 'followed' | 'already' | 'full';

/** Start with letters, so they never meet a reader's places (`<digits>:<work>`) or the store's own keys. */
export const followsKey = (readerId: string) => `follows:${readerId}`;
export const followersKey = (workId: string) => `followers:${workId}`;

export class FollowStore {
  private readonly serial = new OneAtATime();

  constructor(
    private readonly keyv: Keyv<FollowRecord | FollowerRecord>,
    private readonly call: StoreCall,
  ) {}

  /** The works the reader follows, in the order followed. Throws StoreUnavailable. */
  of(readerId: string): Promise<string[]> {
    return this.readList(followsKey(readerId), 'workIds');
  }

  /** Throws StoreUnavailable. */
  follow(readerId: string, workId: string): Promise<FollowResult> {
    return this.serial.run(followsKey(readerId), async () => {
      const works = await this.of(readerId);
      if (works.includes(workId)) return 'already';
      if (works.length >= FOLLOW_LIMIT) return 'full';
      await this.editList(followersKey(workId), 'readerIds', (ids) => (ids.includes(readerId) ? undefined : [...ids, readerId]));
      await this.write(followsKey(readerId), 'workIds', [...works, workId]);
      return 'followed';
    });
  }

  /** False when the reader did not follow it. Throws StoreUnavailable. */
  unfollow(readerId: string, workId: string): Promise<boolean> {
    return this.serial.run(followsKey(readerId), async () => {
      const works = await this.of(readerId);
      if (!works.includes(workId)) return false;
      await this.write(followsKey(readerId), 'workIds', works.filter((id) => id !== workId));
      await this.dropFollower(workId, readerId);
      return true;
    });
  }

  /** Deletes all the reader's follows; returns how many there were. Throws StoreUnavailable. */
  forget(readerId: string): Promise<number> {
    return this.serial.run(followsKey(readerId), async () => {
      const works = await this.of(readerId);
      await this.call(() => this.keyv.delete(followsKey(readerId)));
      for (const workId of works) await this.dropFollower(workId, readerId);
      return works.length;
    });
  }

  /** The readers who follow the work now: those in its index whose own record names it. Throws StoreUnavailable. */
  async followers(workId: string): Promise<string[]> {
    const listed = await this.readList(followersKey(workId), 'readerIds');
    if (listed.length === 0) return [];
    const records = await this.call(() => this.keyv.get(listed.map(followsKey)));
    const following = listed.filter((_, i) => {
      const record = records[i];
      return record !== undefined && record !== null && 'workIds' in record && record.workIds.includes(workId);
    });
    if (following.length < listed.length) {
      const stale = new Set(listed.filter((id) => !following.includes(id)));
      await this.editList(followersKey(workId), 'readerIds', (ids) => ids.filter((id) => !stale.has(id)));
    }
    return following;
  }

  private dropFollower(workId: string, readerId: string): Promise<void> {
    return this.editList(followersKey(workId), 'readerIds', (ids) => (ids.includes(readerId) ? ids.filter((id) => id !== readerId) : undefined));
  }

  private async readList(key: string, field: 'workIds' | 'readerIds'): Promise<string[]> {
    const record = (await this.call(() => this.keyv.get(key))) as Record<string, unknown> | undefined | null;
    const list = record?.[field];
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  }

  /** Reads a list, applies `edit` (undefined: nothing to change) and writes it back, one edit at a time per key. */
  private editList(key: string, field: 'workIds' | 'readerIds', edit: (ids: string[]) => string[] | undefined): Promise<void> {
    return this.serial.run(key, async () => {
      const next = edit(await this.readList(key, field));
      if (next) await this.write(key, field, next);
    });
  }

  private async write(key: string, field: 'workIds' | 'readerIds', ids: string[]): Promise<void> {
    const value = (field === 'workIds' ? { workIds: ids } : { readerIds: ids }) as FollowRecord | FollowerRecord;
    const ok = await this.call(() => (ids.length > 0 ? this.keyv.set(key, value) : this.keyv.delete(key)));
    if (ok === false) throw new Error('the store refused to save a follow');
  }
}
