import { execFileSync } from 'node:child_process';
import { chmod, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import { slugify } from '../../src/library/slug.js';
import { libraryPerTest, tempLibrary } from './temp-library.js';

const PRINT_LIBRARY = new URL('./print-library.ts', import.meta.url).pathname;

const STORY = 'A Title\n\nA first paragraph.\n\nA second one.\n';

const library = libraryPerTest();
const { put } = library;
const reasonFor = async (name: string) => (await loadLibrary(library.dir)).skipped.find((skip) => skip.file === name)?.reason;

describe('a library folder', () => {
  it('that is empty loads as an empty library', async () => {
    expect(await loadLibrary(library.dir)).toMatchObject({ works: [], skipped: [], warnings: [], missing: false });
  });

  it('that does not exist is reported as missing, not as empty', async () => {
    expect(await loadLibrary(join(library.dir, 'missing'))).toMatchObject({ works: [], skipped: [], warnings: [], missing: true });
  });

  it('skips unreadable files with a clear reason and loads the others', async () => {
    await put('good.txt', STORY);
    await put('empty.txt', '');
    await put('binary.txt', new Uint8Array([0x41, 0x00, 0x42, 0x00, 0x01, 0x02]));
    await put('latin1.txt', Buffer.from('Caf\xe9\n\nIl \xe9tait une fois.\n', 'latin1'));
    await put('image.txt', Buffer.from('\x89PNG\r\n\x1a\n\0\0', 'latin1'));
    await put('blank.txt', '  \n\n\t\n');
    await symlink(join(library.dir, 'nowhere.txt'), join(library.dir, 'dangling.txt'));
    execFileSync('mkfifo', [join(library.dir, 'pipe.txt')]);
    const { works, skipped } = await loadLibrary(library.dir);
    expect(works.map((work) => work.file)).toEqual(['good.txt']);
    expect(skipped).toEqual([
      { file: 'binary.txt', reason: 'binary file (it contains NUL bytes), not text' },
      { file: 'blank.txt', reason: 'no text: the file holds only whitespace' },
      { file: 'dangling.txt', reason: 'cannot be read: a link whose target does not exist' },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'image.txt', reason: 'binary file (a PNG image), not a story format' },
      { file: 'latin1.txt', reason: 'not valid UTF-8 text (first bad byte on line 1); save it as UTF-8' },
      { file: 'pipe.txt', reason: 'cannot be read: not a regular file (a pipe, socket or device)' },
    ]);
  });

  it('skips a zip that is not an EPUB, and HTML that is not an AO3 download', async () => {
    await put('archive.epub', zipSync({ 'readme.txt': strToU8('hello') }));
    await put('page.html', '<!DOCTYPE html><html><body><p>Just a page.</p></body></html>');
    expect(await reasonFor('archive.epub')).toBe('a zip archive that is not an EPUB (no META-INF/container.xml)');
    expect(await reasonFor('page.html')).toMatch(/not an AO3 download.*unknown layout/);
  });

  it('reads works in subfolders and ignores hidden files', async () => {
    await mkdir(join(library.dir, 'fandom'));
    await put('fandom/deep.txt', STORY);
    await put('.DS_Store', new Uint8Array([0, 1, 2]));
    const { works, skipped } = await loadLibrary(library.dir);
    expect(works.map((work) => work.file)).toEqual(['fandom/deep.txt']);
    expect(skipped).toEqual([]);
  });
});

describe('a link in the library folder', () => {
  it('to a file outside the folder is skipped, so an outside .env is never read as a page', async () => {
    const outside = await tempLibrary();
    try {
      await writeFile(join(outside.dir, '.env'), 'DISCORD_TOKEN=secret\n');
      await symlink(join(outside.dir, '.env'), join(library.dir, 'story.txt'));
      await put('good.txt', STORY);
      const { works, skipped } = await loadLibrary(library.dir);
      expect(works.map((work) => work.file)).toEqual(['good.txt']);
      expect(skipped).toEqual([{ file: 'story.txt', reason: 'not read: a link to a file outside the library folder' }]);
    } finally {
      await outside.cleanup();
    }
  });

  it('as a sidecar to a file outside the folder is not read either', async () => {
    const outside = await tempLibrary();
    try {
      await writeFile(join(outside.dir, 'secret.env'), 'DISCORD_TOKEN=secret\n');
      await put('story.txt', STORY);
      await symlink(join(outside.dir, 'secret.env'), join(library.dir, 'story.meta.json'));
      const { skipped } = await loadLibrary(library.dir);
      expect(skipped).toEqual([{ file: 'story.txt', reason: 'sidecar story.meta.json not read: a link to a file outside the library folder' }]);
      expect(JSON.stringify(skipped)).not.toContain('secret');
    } finally {
      await outside.cleanup();
    }
  });

  it('to a file inside the folder is read, even through a link to the folder itself', async () => {
    await mkdir(join(library.dir, 'real'));
    await put('real/story.txt', STORY);
    await symlink(join(library.dir, 'real', 'story.txt'), join(library.dir, 'linked.txt'));
    await symlink('real/story.txt', join(library.dir, 'relative.txt'));
    const viaLink = `${library.dir}-link`;
    await symlink(library.dir, viaLink);
    try {
      const { works, skipped } = await loadLibrary(viaLink);
      expect(skipped).toEqual([]);
      expect(works.map((work) => work.file).sort()).toEqual(['linked.txt', 'real/story.txt', 'relative.txt']);
    } finally {
      await rm(viaLink);
    }
  });
});

describe('a subfolder that cannot be read', () => {
  // Root reads any folder whatever its mode, so when the tests run as root the listing runs as `nobody`.
  const asUser = process.getuid?.() === 0 ? { PRINT_LIBRARY_AS_UID: '65534' } : {};

  it('is skipped and named with the reason, and the rest load', async () => {
    await put('good.txt', STORY);
    await mkdir(join(library.dir, 'locked'));
    await put('locked/hidden.txt', STORY);
    await chmod(join(library.dir, 'locked'), 0o000);
    await chmod(library.dir, 0o755);
    let output: string;
    try {
      output = execFileSync(process.execPath, ['--import', 'tsx', PRINT_LIBRARY, library.dir], { env: { ...process.env, ...asUser }, encoding: 'utf8' });
    } finally {
      await chmod(join(library.dir, 'locked'), 0o755);
    }
    const { works, skipped } = JSON.parse(output) as { works: Array<{ file: string }>; skipped: unknown[] };
    expect(works.map((work) => work.file)).toEqual(['good.txt']);
    expect(skipped).toEqual([{ file: 'locked/', reason: 'folder cannot be read: permission denied (its works were not loaded)' }]);
  });
});

describe('a sidecar NAME.meta.json', () => {
  it('is not a work, and wins over the metadata in the file', async () => {
    await put('story.md', '---\ntitle: From The File\nauthor: File Author\nrating: Mature\n---\nText.\n');
    await put('story.meta.json', JSON.stringify({ title: 'From The Sidecar', rating: 'General Audiences', tags: ['Fluff'] }));
    const { works, skipped } = await loadLibrary(library.dir);
    expect(skipped).toEqual([]);
    expect(works).toHaveLength(1);
    expect(works[0]!.meta).toMatchObject({ title: 'From The Sidecar', author: 'File Author', rating: 'General Audiences', tags: ['Fluff'] });
    expect(works[0]!.id).toBe('from-the-sidecar');
  });

  it('that rates the work lower than the file does still wins, with a warning naming both ratings', async () => {
    await put('story.md', '---\ntitle: Rated\nrating: Explicit\n---\nText.\n');
    await put('story.meta.json', JSON.stringify({ rating: 'General Audiences' }));
    const { works, warnings } = await loadLibrary(library.dir);
    expect(works[0]!.meta.rating).toBe('General Audiences');
    expect(warnings).toEqual([
      { file: 'story.md', warning: "sidecar story.meta.json rates it General Audiences, lower than the file's own Explicit; the sidecar wins" },
    ]);
  });

  it.each([
    ['rates it higher than the file', 'General Audiences', 'Mature'],
    ['rates it as the file does', 'Mature', 'Mature'],
    ['rates it as restricted where the file says Not Rated', 'Not Rated', 'Explicit'],
  ])('that %s gives no warning', async (_, inFile, inSidecar) => {
    await put('story.md', `---\ntitle: Rated\nrating: ${inFile}\n---\nText.\n`);
    await put('story.meta.json', JSON.stringify({ rating: inSidecar }));
    expect((await loadLibrary(library.dir)).warnings).toEqual([]);
  });

  it('that rates a file which gives no rating of its own gives no warning', async () => {
    await put('story.txt', STORY);
    await put('story.meta.json', JSON.stringify({ rating: 'General Audiences' }));
    expect((await loadLibrary(library.dir)).warnings).toEqual([]);
  });

  it.each([
    [{ rating: 'PG-13' }, /field "rating" must be one of General Audiences, Teen And Up Audiences/],
    [{ fandoms: 'One' }, /field "fandoms" must be a list of strings/],
    [{ title: '' }, /field "title" must be a non-empty string/],
    [{ fandom: ['One'] }, /unknown field "fandom" \(did you mean "fandoms"\?\)/],
  ])('that is invalid (%j) skips its work with a reason naming the field', async (sidecar, reason) => {
    await put('story.txt', STORY);
    await put('story.meta.json', JSON.stringify(sidecar));
    const { works, skipped } = await loadLibrary(library.dir);
    expect(works).toEqual([]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.file).toBe('story.txt');
    expect(skipped[0]!.reason).toMatch(/^sidecar story\.meta\.json: /);
    expect(skipped[0]!.reason).toMatch(reason);
  });

  it('that is not JSON skips its work', async () => {
    await put('story.txt', STORY);
    await put('story.meta.json', '{ title: nope');
    expect(await reasonFor('story.txt')).toMatch(/^sidecar story\.meta\.json is not valid JSON/);
  });

  it('with no work beside it is reported', async () => {
    await put('gone.meta.json', '{}');
    expect(await reasonFor('gone.meta.json')).toMatch(/no work file/);
  });
});

describe('work ids', () => {
  it('are slugs of the title, made unique in file-name order', async () => {
    await put('b.txt', 'Same Title\n\nB text.\n');
    await put('a.txt', 'Same Title\n\nA text.\n');
    await put('c.txt', 'Same Title 2\n\nC text.\n');
    const { works } = await loadLibrary(library.dir);
    expect(works.map((work) => [work.file, work.id])).toEqual([
      ['a.txt', 'same-title'],
      ['b.txt', 'same-title-2'],
      ['c.txt', 'same-title-2-2'],
    ]);
  });

  it('are lowercase ascii with hyphens, also for accented and non-latin titles', () => {
    expect(slugify('Café: A Story’s End!')).toBe('cafe-a-storys-end');
    expect(slugify('星の物語')).toMatch(/^work-[0-9a-f]{8}$/);
    expect(slugify('星の物語')).toBe(slugify('星の物語'));
    expect(slugify('word '.repeat(40)).length).toBeLessThanOrEqual(60);
  });
});

describe('a file without a title line', () => {
  it('is titled after its file name', async () => {
    await put('my_long-story.txt', 'This first line is a whole paragraph of text, much too long to be read as the title of a work because it goes on and on and on and on.\n\nMore.\n');
    const { works } = await loadLibrary(library.dir);
    expect(works[0]!.meta.title).toBe('my long story');
    expect(works[0]!.chapters[0]!.blocks).toHaveLength(2);
  });
});
