// Builds src/search/bm25.c, the search index's ranking function, into dist/bm25.so: run at install (package.json
// "postinstall"). It needs a C compiler; without one, or on a platform this does not know, it says so and
// the index ranks with FTS5's own bm25, which ranks alike and is slower (README "Performance").
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BM25_EXTENSION } from '../src/search/bm25.js';

const SOURCE = 'src/search/bm25.c';
/** The `sqlite3` package builds its SQLite from this tarball; its headers match the SQLite it runs. */
const SQLITE_DEPS = 'node_modules/sqlite3/deps';

function linkFlags(): string[] | undefined {
  if (process.platform === 'linux' || process.platform === 'freebsd') return ['-shared', '-fPIC'];
  if (process.platform === 'darwin') return ['-dynamiclib'];
  return undefined;
}

export function buildBm25(): void {
  const flags = linkFlags();
  if (!flags) throw new Error(`no build for ${process.platform}`);
  const tarball = readdirSync(SQLITE_DEPS).find((name) => /^sqlite-autoconf-\d+\.tar\.gz$/.test(name));
  if (!tarball) throw new Error(`no SQLite sources in ${SQLITE_DEPS}`);
  const headers = mkdtempSync(join(tmpdir(), 'bm25-'));
  try {
    const folder = tarball.replace(/\.tar\.gz$/, '');
    execFileSync('tar', ['-xzf', join(SQLITE_DEPS, tarball), '-C', headers, `${folder}/sqlite3.h`, `${folder}/sqlite3ext.h`]);
    mkdirSync('dist', { recursive: true });
    execFileSync(process.env.CC ?? 'cc', ['-O2', ...flags, '-I', join(headers, folder), '-o', BM25_EXTENSION, SOURCE, '-lm'], { stdio: ['ignore', 'inherit', 'inherit'] });
  } finally {
    rmSync(headers, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    buildBm25();
  } catch (error) {
    // Never fails the install: search works without it.
    console.warn(`${SOURCE} was not built (${error instanceof Error ? error.message : String(error)}); search will rank with FTS5's bm25, more slowly.`);
  }
}
