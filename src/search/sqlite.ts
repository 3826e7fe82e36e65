// The few calls the search index makes on SQLite (the `sqlite3` package @keyv/sqlite also uses), as promises.
// The connection runs in serialized mode: statements run one after another in the order they were issued, so
// a transaction's BEGIN, inserts and COMMIT need not each be awaited.
import sqlite3 from 'sqlite3';

export class Sqlite {
  private constructor(private readonly db: sqlite3.Database) {}

  /** '' opens a private temporary database on disk, deleted when closed; ':memory:' one in memory. */
  static open(file: string): Promise<Sqlite> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(new Sqlite(db))));
      db.serialize();
    });
  }

  run(sql: string, params: readonly unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => this.db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  }

  all<Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) => this.db.all<Row>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))));
  }

  /** Loads a SQLite extension (a shared library) into this connection. */
  loadExtension(file: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.loadExtension(file, (error) => (error ? reject(error) : resolve())));
  }

  /** Runs one statement for each row of parameters, in one transaction. */
  async runMany(sql: string, rows: Iterable<readonly unknown[]>): Promise<void> {
    await this.run('BEGIN');
    try {
      const statement = await this.prepare(sql);
      const runs = Array.from(rows, (params) => new Promise<void>((resolve, reject) => statement.run(params, (error: Error | null) => (error ? reject(error) : resolve()))));
      const finalized = new Promise<void>((resolve) => statement.finalize(() => resolve()));
      await Promise.all([...runs, finalized]);
    } catch (error) {
      await this.run('ROLLBACK').catch(() => undefined);
      throw error;
    }
    await this.run('COMMIT');
  }

  /** With a callback, so that a failure (the database closed meanwhile) is returned, not emitted. */
  private prepare(sql: string): Promise<sqlite3.Statement> {
    return new Promise((resolve, reject) => {
      const statement = this.db.prepare(sql, (error) => (error ? reject(error) : resolve(statement)));
    });
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((error) => (error ? reject(error) : resolve())));
  }
}
