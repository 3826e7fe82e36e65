// The watched library (src/library/live.ts): a burst of changes is one reload after a quiet moment,
// reload() reads what changed before the watcher started (as the bot does once it is logged in), and a
// rescan reads what no watcher reported (a network filesystem written from another machine).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { LiveLibrary, type LibraryChange } from '../../src/library/live.js';
import { loadLibrary } from '../../src/library/load.js';
import { until } from '../support/until.js';
import { libraryPerTest } from './temp-library.js';

const library = libraryPerTest();

const story = (title: string) => `${title}\n\nA paragraph of ${title}.\n`;

async function watched(changes: LibraryChange[], errors: unknown[]): Promise<LiveLibrary> {
  // The bot's own half second: three small files written at once are one burst well within it.
  const live = await LiveLibrary.watch(library.dir, await loadLibrary(library.dir), { onChange: async (change) => void changes.push(change), onError: (e) => void errors.push(e) });
  onTestFinished(() => live.close());
  return live;
}

describe('a watched library folder', () => {
  it('reloads once for a burst of new files, after a quiet moment', async () => {
    const changes: LibraryChange[] = [];
    const errors: unknown[] = [];
    const live = await watched(changes, errors);
    await Promise.all(['one', 'two', 'three'].map((name) => writeFile(join(library.dir, `${name}.txt`), story(name))));
    await until(() => changes.length > 0, 5_000, 'a reload');
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(errors).toEqual([]);
    expect(changes).toHaveLength(1);
    expect(changes[0]!.added.map((work) => work.file).sort()).toEqual(['one.txt', 'three.txt', 'two.txt']);
    expect(live.library.works).toHaveLength(3);
  });

  it('reads, when asked, a file written before the watcher started', async () => {
    const first = await loadLibrary(library.dir);
    await writeFile(join(library.dir, 'early.txt'), story('early'));
    const changes: LibraryChange[] = [];
    const live = await LiveLibrary.watch(library.dir, first, { onChange: async (change) => void changes.push(change), onError: () => {} });
    onTestFinished(() => live.close());
    await live.reload();
    expect(changes.at(-1)!.added.map((work) => work.file)).toEqual(['early.txt']);
  });

  it('loads the folder again every rescanMs, seeing changes the watcher does not report', async () => {
    const changes: LibraryChange[] = [];
    // A watcher whose reload would come only after an hour of quiet: what arrives in the test is the rescan's.
    const live = await LiveLibrary.watch(library.dir, await loadLibrary(library.dir), {
      onChange: async (change) => void changes.push(change),
      onError: () => {},
      quietMs: 3_600_000,
      rescanMs: 50,
    });
    onTestFinished(() => live.close());
    await writeFile(join(library.dir, 'remote.txt'), story('remote'));
    await until(() => live.library.works.length === 1, 5_000, 'the rescan');
    expect(changes.flatMap((change) => change.added.map((work) => work.file))).toEqual(['remote.txt']);
  });

  it('tells no one of a rescan that finds nothing changed', async () => {
    await writeFile(join(library.dir, 'still.txt'), story('still'));
    const changes: LibraryChange[] = [];
    const live = await LiveLibrary.watch(library.dir, await loadLibrary(library.dir), { onChange: async (change) => void changes.push(change), onError: () => {}, rescanMs: 20 });
    onTestFinished(() => live.close());
    // Several rescans' time, each of which would otherwise rebuild what follows the library (a failed search index).
    await new Promise((resolve) => setTimeout(resolve, 300));
    await live.reload();
    expect(changes).toEqual([]);
    expect(live.library.works.map((work) => work.file)).toEqual(['still.txt']);
  });
});
