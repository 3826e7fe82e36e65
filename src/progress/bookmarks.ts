// Readers' bookmarks, in the progress store's Keyv and through its bounded calls (README "When the store is
// away"): a call that fails or times out marks the store away and throws StoreUnavailable, so the reader is
// told their bookmark was not saved; nothing is queued, since a reader waits for this answer. A bookmark keeps
// the exact place, (chapter, offset), so it survives a change of page size as a saved place does.
import type Keyv from 'keyv';
import type { Place } from './place.js';
import { OneAtATime, type StoreCall } from './records.js';

/** Bookmarks one reader may keep; the answer names the limit when it is reached. */
export const BOOKMARK_LIMIT = 50;
/** Characters a note may hold: a few sentences. */
export const NOTE_LIMIT = 300;

export interface NewBookmark extends Place {
  workId: string;
  /** The reader's own text, possibly empty; shown only to them, escaped, and never logged. */
  note: string;
  /** Epoch milliseconds of when it was made, or last given a new note. */
  at: number;
  /** The text the page began with, to find the place again after the work's text changed (reading/relocate.ts). */
  anchor?: string;
}

export interface Bookmark extends NewBookmark {
  /** Unique among the reader's bookmarks, never reused; what a Delete button names. */
  id: string;
}

/** One record per reader: the list is small (BOOKMARK_LIMIT) and always read whole. */
export interface BookmarkRecord {
  bookmarks: Bookmark[];
}

export type AddResult = { kind: 'added' | 'updated'; bookmark: Bookmark; count: number } | { kind: 'full'; count: number };

/** A bounded call to the store that throws StoreUnavailable on failure (ProgressStore's). */
/** Starts with a letter, so it never meets a reader's places (`<digits>:<work>`) or the store's own keys. */
export function bookmarksKey(readerId: string): string {
  return `bookmarks:${readerId}`;
}

export class BookmarkStore {
  /** Changes to one reader's record, one after another in this process, so two at once lose neither. */
  private readonly serial = new OneAtATime();

  constructor(
    private readonly keyv: Keyv<BookmarkRecord>,
    private readonly call: StoreCall,
  ) {}

  /** The reader's bookmarks, newest first. Throws StoreUnavailable. */
  async list(readerId: string): Promise<Bookmark[]> {
    return (await this.read(readerId)).sort((a, b) => b.at - a.at);
  }

  /** Adds a bookmark, or gives the one already at that place the new note. Throws StoreUnavailable. */
  add(readerId: string, mark: NewBookmark): Promise<AddResult> {
    return this.change<AddResult>(readerId, (bookmarks) => {
      const same = bookmarks.find((b) => b.workId === mark.workId && b.chapter === mark.chapter && b.offset === mark.offset);
      if (same) {
        const bookmark = { ...same, note: mark.note, at: mark.at };
        return { kept: bookmarks.map((b) => (b === same ? bookmark : b)), result: { kind: 'updated', bookmark, count: bookmarks.length } };
      }
      if (bookmarks.length >= BOOKMARK_LIMIT) return { result: { kind: 'full', count: bookmarks.length } };
      const bookmark = { id: freshId(bookmarks, mark.at), ...mark };
      return { kept: [...bookmarks, bookmark], result: { kind: 'added', bookmark, count: bookmarks.length + 1 } };
    });
  }

  /** Removes one bookmark; false if it was already gone. Throws StoreUnavailable. */
  remove(readerId: string, id: string): Promise<boolean> {
    return this.change(readerId, (bookmarks) => {
      const kept = bookmarks.filter((b) => b.id !== id);
      return kept.length === bookmarks.length ? { result: false } : { kept, result: true };
    });
  }

  /** Deletes all the reader's bookmarks; returns how many there were. Throws StoreUnavailable. */
  forget(readerId: string): Promise<number> {
    return this.serial.run(readerId, async () => {
      const count = (await this.read(readerId)).length;
      await this.call(() => this.keyv.delete(bookmarksKey(readerId)));
      return count;
    });
  }

  private async read(readerId: string): Promise<Bookmark[]> {
    const record = await this.call(() => this.keyv.get(bookmarksKey(readerId)));
    return record && Array.isArray(record.bookmarks) ? [...record.bookmarks] : [];
  }

  /** Reads the record, applies `edit`, and writes what it keeps (nothing when it keeps nothing new). */
  private change<R>(readerId: string, edit: (bookmarks: Bookmark[]) => { kept?: Bookmark[]; result: R }): Promise<R> {
    return this.serial.run(readerId, async () => {
      const { kept, result } = edit(await this.read(readerId));
      if (kept) {
        const ok = await this.call(() => (kept.length > 0 ? this.keyv.set(bookmarksKey(readerId), { bookmarks: kept }) : this.keyv.delete(bookmarksKey(readerId))));
        if (ok === false) throw new Error('the store refused to save a bookmark');
      }
      return result;
    });
  }
}

/** The time it was made, in base 36, made unique among the reader's bookmarks. */
function freshId(bookmarks: readonly Bookmark[], at: number): string {
  const taken = new Set(bookmarks.map((b) => b.id));
  let n = Math.max(0, Math.floor(at));
  while (taken.has(n.toString(36))) n += 1;
  return n.toString(36);
}
