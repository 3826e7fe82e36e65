// How /search ranks a query of words: bm25 over the text column, as FTS5 has it. FTS5's own bm25() weighs each
// word by counting the passages that hold it, at every query, one pass over the word's postings: most of a
// ranked query's time in bench:search. bm25_counted() (bm25.c, a SQLite extension built at install) ranks
// the same way but is given those counts, which are kept here until the index changes. Without the extension
// (no C compiler at install) the index ranks with bm25() itself.

/** Where scripts/build-bm25.ts writes the extension, from the project's folder (where npm runs the bot). */
export const BM25_EXTENSION = 'dist/bm25.so';

/** Counts kept, at most: a reader's typing is varied, and a count costs one pass over a word's postings. */
const KEPT = 10_000;

/** How many passages hold each term, for the index as it is: cleared by every change to it. */
export class TermCounts {
  private readonly counts = new Map<string, number>();
  private version = 0;

  /** The index changed: every count may be wrong. */
  clear(): void {
    this.counts.clear();
    this.version += 1;
  }

  /** The count of `term`, counted by `count` when it is not known; kept unless the index changed meanwhile. */
  async of(term: string, count: () => Promise<number>): Promise<number> {
    const known = this.counts.get(term);
    if (known !== undefined) return known;
    const version = this.version;
    const counted = await count();
    if (version === this.version) {
      if (this.counts.size >= KEPT) this.counts.delete(this.counts.keys().next().value!);
      this.counts.set(term, counted);
    }
    return counted;
  }
}
