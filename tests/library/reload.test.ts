// A load given the previous load's files (the live library's reload) re-reads only what changed, and never
// lets a broken new version take a good work away.
import { rm, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import type { Library } from '../../src/library/model.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { libraryPerTest } from './temp-library.js';

const library = libraryPerTest();
const { put } = library;
const story = (title: string, body: string) => `${title}\n\n${body}\n\nThe end came quietly.\n`;
const reload = (before: Library) => loadLibrary(library.dir, before.claims, before.loaded);
const byFile = (library: Library, file: string) => library.works.find((work) => work.file === file);

describe('reloading a library', () => {
  it('keeps the very Work of every file that did not change, and re-reads the one that did', async () => {
    await put('one.txt', story('One', 'The first work.'));
    await put('two.txt', story('Two', 'The second work.'));
    const before = await loadLibrary(library.dir);
    await put('two.txt', story('Two', 'The second work, with a typo fixed.'));

    const after = await reload(before);
    expect(byFile(after, 'one.txt')).toBe(byFile(before, 'one.txt'));
    expect(byFile(after, 'two.txt')).not.toBe(byFile(before, 'two.txt'));
    expect(chapterText(byFile(after, 'two.txt')!, 0).text).toContain('with a typo fixed');
    expect(byFile(after, 'two.txt')!.id).toBe(byFile(before, 'two.txt')!.id);
  });

  it('keeps the previous version of a file whose new version cannot be read, and says why', async () => {
    await put('one.txt', story('One', 'The good version.'));
    const before = await loadLibrary(library.dir);
    await put('one.txt', Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50]));

    const after = await reload(before);
    expect(byFile(after, 'one.txt')).toBe(byFile(before, 'one.txt'));
    const fresh = await loadLibrary(library.dir);
    const reason = fresh.skipped.find((skip) => skip.file === 'one.txt')?.reason;
    expect(reason).toBeDefined();
    expect(after.warnings).toEqual([{ file: 'one.txt', warning: `a new version could not be read (${reason}); the previous version is still shown` }]);
    expect(after.skipped).toEqual([]);
    // Still kept, and still said, on the next reload, without reading the broken file again.
    expect((await reload(after)).warnings).toEqual(after.warnings);
  });

  it('drops a removed file, adds a new one with an id of its own, and moves no other id', async () => {
    await put('one.txt', story('Same Title', 'First.'));
    await put('two.txt', story('Other', 'Second.'));
    const before = await loadLibrary(library.dir);
    await rm(join(library.dir, 'two.txt'));
    await put('three.txt', story('Same Title', 'Third.'));

    const after = await reload(before);
    expect(after.works.map((work) => [work.file, work.id])).toEqual([
      ['one.txt', byFile(before, 'one.txt')!.id],
      ['three.txt', `${byFile(before, 'one.txt')!.id}-2`],
    ]);
  });

  it('re-reads a work whose sidecar changed', async () => {
    await put('one.txt', story('One', 'Text.'));
    await put('one.meta.json', JSON.stringify({ rating: 'General Audiences' }));
    const before = await loadLibrary(library.dir);
    await put('one.meta.json', JSON.stringify({ rating: 'Mature' }));

    expect(byFile(await reload(before), 'one.txt')!.meta.rating).toBe('Mature');
  });

  it('re-reads a file rewritten with the same size and the same modification time', async () => {
    await put('one.txt', story('One', 'AAAA'));
    const before = await loadLibrary(library.dir);
    const mtime = new Date(Date.now() - 60_000);
    await utimes(join(library.dir, 'one.txt'), mtime, mtime);
    const stamped = await reload(before);
    await put('one.txt', story('One', 'BBBB'));
    await utimes(join(library.dir, 'one.txt'), mtime, mtime);

    expect(chapterText(byFile(await reload(stamped), 'one.txt')!, 0).text).toContain('BBBB');
  });
});
