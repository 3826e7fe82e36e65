// Places shown but not yet written: the store's write-behind queue (README "When the store is away").
import type { SavedPlace } from './place.js';

export interface PendingPlace {
  readerId: string;
  place: SavedPlace;
}

/** The latest place per (reader, work), oldest first, never more than `limit` of them. */
export class PendingPlaces {
  private readonly byKey = new Map<string, PendingPlace>();
  /** Places dropped to stay within the limit since the count was last taken. */
  private dropped = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.byKey.size;
  }

  /** Keeps `place` unless a newer one is already waiting for the same (reader, work). */
  add(readerId: string, place: SavedPlace): void {
    const key = keyOf(readerId, place.workId);
    const waiting = this.byKey.get(key);
    if (waiting && waiting.place.at > place.at) return;
    // Deleting first moves the key to the end, so the first entries are the longest waiting.
    this.byKey.delete(key);
    this.byKey.set(key, { readerId, place });
    if (this.byKey.size > this.limit) {
      this.byKey.delete(this.byKey.keys().next().value!);
      this.dropped += 1;
    }
  }

  get(readerId: string, workId: string): SavedPlace | undefined {
    return this.byKey.get(keyOf(readerId, workId))?.place;
  }

  ofReader(readerId: string): SavedPlace[] {
    return [...this.byKey.values()].filter((p) => p.readerId === readerId).map((p) => p.place);
  }

  forgetReader(readerId: string): void {
    for (const [key, pending] of this.byKey) if (pending.readerId === readerId) this.byKey.delete(key);
  }

  /** The longest-waiting places, left in the queue until `written` confirms them. */
  oldest(count: number): PendingPlace[] {
    const batch: PendingPlace[] = [];
    for (const pending of this.byKey.values()) {
      if (batch.length === count) break;
      batch.push(pending);
    }
    return batch;
  }

  /** Removes the written places, except those replaced by a newer place while they were being written. */
  written(batch: readonly PendingPlace[]): void {
    for (const pending of batch) {
      const key = keyOf(pending.readerId, pending.place.workId);
      if (this.byKey.get(key) === pending) this.byKey.delete(key);
    }
  }

  /** How many places were dropped since the last call. */
  takeDropped(): number {
    const dropped = this.dropped;
    this.dropped = 0;
    return dropped;
  }
}

export function keyOf(readerId: string, workId: string): string {
  return `${readerId}:${workId}`;
}
