// The full-text index behind /search: SQLite's FTS5 over the library's passages (passages.ts), in a private
// temporary database that SQLite deletes when it is closed, so it needs no setup and no space in the
// progress store. It is derived from the library: `build` indexes every work once, after the bot is ready
// (src/app.ts), and `replace`/`remove` keep one work current, for the library's reload to call when a
// file changes or goes. The core of search: no discord.js here; commands/search.ts renders the results.
import { resolve } from 'node:path';
import type { Rating, Work } from '../library/model.js';
import { BM25_EXTENSION, TermCounts } from './bm25.js';
import { passagesOf } from './passages.js';
import { matchExpression, rankedByRelevance, type SearchQuery } from './query.js';
import { MATCH_CLOSE, MATCH_OPEN, snippetOf } from './snippet.js';
import { Sqlite } from './sqlite.js';

/** Passages ranked per query, at most: the ranking is exact below it, and the answer says when there are more. */
export const DEFAULT_CAP = 1000;

/**
 * A passage's rowid is its work's slot times this plus its index in the work, so a work's passages are one
 * rowid range, in reading order: FTS5 walks a range alone for a search in one work, and removes it at once.
 */
const PASSAGES_PER_WORK = 2 ** 24;

export interface SearchHit<W extends Work = Work> {
  work: W;
  chapter: number;
  /** UTF-16 offset of the match in chapterText(work, chapter).text: the reading opens at the page holding it. */
  offset: number;
  /** Discord markdown: the text around the match, the match in bold, the rest escaped. */
  snippet: string;
}

export interface SearchResults<W extends Work = Work> {
  hits: SearchHit<W>[];
  /** Ranked: the passages found, at most the cap. In library order: those up to the end of this page. */
  total: number;
  /**
   * Ranked: more passages match than the cap (the hits are the best of the first `total` in the index's
   * order). In library order: more match after this page.
   */
  more: boolean;
  /** bm25 (FTS5's, best first) for queries of single words; library order for those with a phrase. */
  order: 'relevance' | 'library';
}

export type SearchIndexState = 'building' | 'ready' | 'failed';

interface Indexed {
  slot: number;
  rating: Rating;
}

/** A hit before it names its work: the passage's rowid instead. */
type Located = Omit<SearchHit, 'work'> & { id: number };

export class SearchIndex {
  private readonly works = new Map<string, Indexed>();
  /** The other way round: each slot's work id. */
  private readonly slotWorks = new Map<number, string>();
  private nextSlot = 0;
  private buildState: SearchIndexState = 'building';
  private closed = false;
  /** The write under way, if any: closing waits for it, as SQLite will not close under a prepared statement. */
  private writing: Promise<unknown> = Promise.resolve();

  private readonly termCounts = new TermCounts();

  private constructor(
    private readonly db: Sqlite,
    private readonly cap: number,
    /** How queries of words are ranked: bm25.ts. */
    readonly ranking: 'bm25_counted' | 'bm25',
  ) {}

  /**
   * `file` '' (the default) is a temporary file; ':memory:' keeps the index in memory. `bm25Extension` is
   * bm25.c built (BM25_EXTENSION by default); null, or a file that cannot be loaded, ranks with FTS5's bm25.
   */
  static async open(options: { cap?: number; file?: string; bm25Extension?: string | null } = {}): Promise<SearchIndex> {
    const db = await Sqlite.open(options.file ?? '');
    const extension = options.bm25Extension === undefined ? BM25_EXTENSION : options.bm25Extension;
    const loaded = extension !== null && (await db.loadExtension(resolve(extension)).then(() => true, () => false));
    // FTS5's doclists for common words run to many pages: larger pages make the index a third smaller
    // (191 -> 125 MB for the bench library) and its build faster. Set before the first table.
    await db.run('PRAGMA page_size = 16384');
    // Nothing here needs to survive a crash: the index is rebuilt from the library at every start.
    await db.run('PRAGMA journal_mode = OFF');
    await db.run('PRAGMA synchronous = OFF');
    await db.run(
      `CREATE VIRTUAL TABLE passages USING fts5(text, rating, chapter UNINDEXED, start UNINDEXED, tokenize = "unicode61 remove_diacritics 2")`,
    );
    return new SearchIndex(db, options.cap ?? DEFAULT_CAP, loaded ? 'bm25_counted' : 'bm25');
  }

  /** 'building' while a build runs (the first from the start), then how it ended: /search says which. */
  get state(): SearchIndexState {
    return this.buildState;
  }

  /** Indexes every work, replacing whatever was indexed; stops early if the index is closed meanwhile. */
  async build(works: readonly Work[]): Promise<void> {
    this.buildState = 'building';
    try {
      this.termCounts.clear();
      await this.db.run('DELETE FROM passages');
      this.works.clear();
      this.slotWorks.clear();
      for (const work of works) {
        if (this.closed) return;
        await this.insert(work, this.nextSlot++);
      }
      this.buildState = 'ready';
    } catch (error) {
      // A stop during the build closes the database under it: not a failure.
      if (this.closed) return;
      this.buildState = 'failed';
      throw error;
    }
  }

  /** Indexes a work anew (a changed file), or for the first time (a new one). For the library's reload. */
  async replace(work: Work): Promise<void> {
    const slot = this.works.get(work.id)?.slot ?? this.nextSlot++;
    await this.delete(slot);
    await this.insert(work, slot);
  }

  /** Forgets a work (its file is gone). For the library's reload. */
  async remove(workId: string): Promise<void> {
    const indexed = this.works.get(workId);
    if (!indexed) return;
    this.works.delete(workId);
    this.slotWorks.delete(indexed.slot);
    await this.delete(indexed.slot);
  }

  /**
   * The hits in `scope` (the works the channel may show, in library order, or one work), a page of them.
   * Hits name the scope's own Work objects, so a work the rating gate let through stays typed as such.
   */
  async search<W extends Work>(query: SearchQuery, scope: readonly W[], page: { offset: number; limit: number }): Promise<SearchResults<W>> {
    const order = rankedByRelevance(query) ? 'relevance' : 'library';
    const where = this.scopeFilter(scope);
    if (!where) return { hits: [], total: 0, more: false, order };
    const match = where.match ? `${matchExpression(query)} AND ${where.match}` : matchExpression(query);
    // Hits name their work by slot; only a page of them is looked up in the scope.
    const withWork = ({ id, ...hit }: Located): SearchHit<W> => {
      const workId = this.slotWorks.get(slotOf(id));
      return { ...hit, work: scope.find((work) => work.id === workId)! };
    };
    if (order === 'library') {
      const found = await this.located(`${where.sql} ORDER BY rowid LIMIT ? OFFSET ?`, [match, ...where.params, page.limit + 1, page.offset]);
      const shown = found.slice(0, page.limit);
      return { hits: shown.map(withWork), total: page.offset + shown.length, more: found.length > page.limit, order };
    }
    // Ranked, then paged, in SQLite: only the page's rowids come back, with how many were ranked. Ties go in
    // library order, as the index holds it (rowids).
    const score = await this.score(query);
    const found = `SELECT rowid AS id, ${score.sql} AS score FROM passages WHERE passages MATCH ?${where.sql} LIMIT ?`;
    const params = [...score.params, match, ...where.params, this.cap];
    const rows = await this.db.all<{ id: number; total: number }>(
      `SELECT id, count(*) OVER () AS total FROM (${found}) ORDER BY score, id LIMIT ? OFFSET ?`,
      [...params, page.limit, page.offset],
    );
    // A page past the end (of a library that changed since) still says how many there are.
    const total = rows[0]?.total ?? (page.offset === 0 ? 0 : ((await this.db.all<{ n: number }>(`SELECT count(*) AS n FROM (${found})`, params))[0]?.n ?? 0));
    const shown = rows.map((row) => row.id);
    const located = new Map((await this.located(' AND rowid IN (SELECT value FROM json_each(?))', [match, JSON.stringify(shown)])).map((hit) => [hit.id, hit]));
    const hits = shown.flatMap((id) => {
      const hit = located.get(id);
      return hit ? [withWork(hit)] : [];
    });
    return { hits, total, more: total >= this.cap, order };
  }

  /**
   * The bm25 of a query of words, FTS5's phrases numbered as matchExpression writes them: the words first,
   * each given the count of passages holding it, then the scope's rating filter, not weighed.
   */
  private async score(query: SearchQuery): Promise<{ sql: string; params: number[] }> {
    if (this.ranking === 'bm25') return { sql: 'bm25(passages, 1, 0, 0, 0)', params: [] };
    const counts: number[] = [];
    for (const words of query.terms) {
      const term = matchExpression({ text: '', terms: [words] });
      counts.push(await this.termCounts.of(term, async () => {
        const [row] = await this.db.all<{ n: number }>('SELECT count(*) AS n FROM passages WHERE passages MATCH ?', [term]);
        return row?.n ?? 0;
      }));
    }
    return { sql: `bm25_counted(passages${', ?'.repeat(counts.length)})`, params: counts };
  }

  /** The index's size on disk (FTS5's segments and the passages' text), from SQLite's dbstat table. */
  async sizeBytes(): Promise<number> {
    const [row] = await this.db.all<{ bytes: number | null }>('SELECT sum(pgsize) AS bytes FROM dbstat');
    return row?.bytes ?? 0;
  }

  /** Closes and so deletes the database; a build under way stops at its next work. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing.catch(() => undefined);
    await this.db.close();
  }

  private insert(work: Work, slot: number): Promise<void> {
    const written = this.writing.then(() => this.write(work, slot));
    this.writing = written.catch(() => undefined);
    return written;
  }

  private async write(work: Work, slot: number): Promise<void> {
    if (this.closed) throw new Error('the search index is closed');
    const rating = ratingToken(work.meta.rating);
    let index = 0;
    const rows = Array.from(passagesOf(work), (passage) => [slot * PASSAGES_PER_WORK + index++, passage.text, rating, passage.chapter, passage.start]);
    if (index >= PASSAGES_PER_WORK) throw new RangeError(`${work.id} has more passages than the index holds for one work`);
    // Counts taken before the change, or during it (the same connection sees its transaction), are dropped.
    this.termCounts.clear();
    try {
      await this.db.runMany('INSERT INTO passages (rowid, text, rating, chapter, start) VALUES (?, ?, ?, ?, ?)', rows);
    } finally {
      this.termCounts.clear();
    }
    this.works.set(work.id, { slot, rating: work.meta.rating });
    this.slotWorks.set(slot, work.id);
  }

  private async delete(slot: number): Promise<void> {
    await this.writing;
    this.termCounts.clear();
    await this.db.run('DELETE FROM passages WHERE rowid BETWEEN ? AND ?', [slot * PASSAGES_PER_WORK, (slot + 1) * PASSAGES_PER_WORK - 1]);
    this.termCounts.clear();
  }

  /**
   * How the query keeps to the scope: nothing more for the whole library; one rowid range for one work; a
   * rating filter FTS5 evaluates with the match when the scope is every work of some ratings (what the rating
   * gate gives); else a list of works, checked row by row. Undefined when no indexed work is in scope.
   */
  private scopeFilter(scope: readonly Work[]): { match?: string; sql: string; params: unknown[] } | undefined {
    const slots = scope.flatMap((work) => this.works.get(work.id)?.slot ?? []);
    if (slots.length === 0) return undefined;
    if (slots.length === this.works.size) return { sql: '', params: [] };
    if (slots.length === 1) return { sql: ' AND rowid BETWEEN ? AND ?', params: [slots[0]! * PASSAGES_PER_WORK, (slots[0]! + 1) * PASSAGES_PER_WORK - 1] };
    const inScope = new Set(scope.map((work) => work.id));
    const ratings = new Map<Rating, { all: number; here: number }>();
    for (const [id, { rating }] of this.works) {
      const count = ratings.get(rating) ?? { all: 0, here: 0 };
      count.all += 1;
      if (inScope.has(id)) count.here += 1;
      ratings.set(rating, count);
    }
    const counts = [...ratings.entries()];
    if (counts.every(([, { all, here }]) => here === 0 || here === all)) {
      const allowed = counts.filter(([, { here }]) => here > 0).map(([rating]) => ratingToken(rating));
      return { match: `rating : (${allowed.join(' OR ')})`, sql: '', params: [] };
    }
    return { sql: ` AND rowid / ${PASSAGES_PER_WORK} IN (SELECT value FROM json_each(?))`, params: [JSON.stringify(slots)] };
  }

  /**
   * The passages `match` finds under `rest` of the statement (the scope, an order, a page), each with where
   * its match is and its snippet: in one statement, as FTS5 finds them. Asked for rowid by rowid instead, a
   * phrase's MATCH took 50 ms a row deep in the bench library's results.
   */
  private async located(rest: string, params: readonly unknown[]): Promise<Located[]> {
    const rows = await this.db.all<{ id: number; chapter: number; start: number; highlighted: string }>(
      `SELECT rowid AS id, chapter, start, highlight(passages, 0, '${MATCH_OPEN}', '${MATCH_CLOSE}') AS highlighted FROM passages WHERE passages MATCH ?${rest}`,
      params,
    );
    return rows.flatMap((row) => {
      const snippet = snippetOf(row.highlighted);
      return snippet ? [{ id: row.id, chapter: row.chapter, offset: row.start + snippet.matchAt, snippet: snippet.markdown }] : [];
    });
  }
}

function slotOf(id: number): number {
  return Math.floor(id / PASSAGES_PER_WORK);
}

/** A rating as one FTS5 token: `Teen And Up Audiences` -> `teenandupaudiences`. */
function ratingToken(rating: Rating): string {
  return rating.replace(/[^A-Za-z]/g, '').toLowerCase();
}
