import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/library/load.js';
import type { Library } from '../../../src/library/model.js';
import { allText, libraryPerTest } from '../temp-library.js';
import { CONTAINER, item, opf, xhtml } from './epub-fixtures.js';
import { bookOf, chapter, goodEpub, hugeChapter, repeatedSpine, zipBomb } from './hostile-epubs.js';
import { deflated, rawZip } from './zip-fixtures.js';

const PRINT_LIBRARY = new URL('../print-library.ts', import.meta.url).pathname;
const PER_FILE = 'the limit for one file in an EPUB';

const library = libraryPerTest();

async function loadFiles(files: Record<string, Uint8Array | string>): Promise<Library> {
  for (const [name, bytes] of Object.entries(files)) await writeFile(join(library.dir, name), bytes);
  return loadLibrary(library.dir);
}

describe('an EPUB past a limit', () => {
  it('beside the entries its book needs, a 1 GiB entry nothing names is never inflated', async () => {
    const bomb = zipBomb();
    expect(bomb.length).toBeLessThan(2.5e6);
    const started = performance.now();
    const { works, skipped } = await loadFiles({ 'bomb.epub': bomb });
    expect(skipped).toEqual([]);
    expect(allText(works[0]!)).toBe('The only real words in the bomb.');
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('is skipped when a file it needs declares more than the limit for one file, before anything is inflated', async () => {
    const book = bookOf([chapter('one.xhtml'), hugeChapter('two.xhtml', 128)]);
    expect(book.length).toBeLessThan(600_000);
    const { works, skipped } = await loadFiles({ 'big.epub': book });
    expect(works).toEqual([]);
    expect(skipped).toEqual([{ file: 'big.epub', reason: `OEBPS/two.xhtml inflates past 8 MB (${PER_FILE})` }]);
  });

  it('is skipped when a file that declares a small size inflates past the limit anyway', async () => {
    const { skipped } = await loadFiles({ 'liar.epub': bookOf([hugeChapter('two.xhtml', 128, 2048)]) });
    expect(skipped).toEqual([{ file: 'liar.epub', reason: `OEBPS/two.xhtml inflates past 8 MB (${PER_FILE})` }]);
  });

  it('is skipped when the files it needs, each under the limit for one, together inflate past the limit for a book', async () => {
    const chapters = Array.from({ length: 10 }, (_, n) => hugeChapter(`part${n}.xhtml`, 7));
    const { skipped } = await loadFiles({ 'long.epub': bookOf(chapters) });
    expect(skipped).toEqual([{ file: 'long.epub', reason: 'its spine and contents inflate past 64 MB in all (the limit for one EPUB)' }]);
  });

  it('is skipped, also when its sizes lie, once the files it needs inflate past the limit for a book', async () => {
    const chapters = Array.from({ length: 10 }, (_, n) => hugeChapter(`part${n}.xhtml`, 7, 100));
    const { skipped } = await loadFiles({ 'long.epub': bookOf(chapters) });
    expect(skipped).toEqual([{ file: 'long.epub', reason: 'its spine and contents inflate past 64 MB in all (the limit for one EPUB)' }]);
  });

  it('is skipped with the reason when a file it needs is encrypted', async () => {
    const { skipped } = await loadFiles({ 'locked.epub': bookOf([{ ...chapter('one.xhtml'), encrypted: true }]) });
    expect(skipped).toEqual([{ file: 'locked.epub', reason: 'OEBPS/one.xhtml is encrypted' }]);
  });

  it('is skipped when its zip lists more files than any book holds', async () => {
    const many = Array.from({ length: 10_001 }, (_, n) => deflated(`OEBPS/images/${n}.png`, 'x'));
    const { skipped } = await loadFiles({ 'many.epub': bookOf([chapter('one.xhtml')], { extra: many }) });
    expect(skipped).toEqual([{ file: 'many.epub', reason: 'a zip of 10005 files, past 10,000 (the limit for one EPUB)' }]);
  });
});

describe('an EPUB whose spine names one file again', () => {
  it('reads it once and shows it once, however often the spine repeats it', async () => {
    const book = repeatedSpine();
    expect(book.length).toBeLessThan(2000);
    const { works, skipped } = await loadFiles({ 'again.epub': book });
    expect(skipped).toEqual([]);
    expect(works[0]!.chapters).toHaveLength(1);
  });

  it('reads it once when two manifest items name the same file', async () => {
    const book = bookOf([chapter('same.xhtml', 'Said once.'), chapter('same.xhtml', 'Said once.')]);
    const { works } = await loadFiles({ 'twice.epub': book });
    expect(works[0]!.chapters.map((c) => c.blocks.length)).toEqual([1]);
  });
});

describe("names that a plain object already has (constructor, __proto__, toString)", () => {
  it('are ordinary entry names in an EPUB', async () => {
    const book = rawZip([
      deflated('mimetype', 'application/epub+zip'),
      deflated('META-INF/container.xml', CONTAINER.replace('OEBPS/content.opf', 'content.opf')),
      deflated('content.opf', opf({
        metadata: '<dc:title>Own Names</dc:title>',
        items: [item('a', 'constructor'), item('b', '__proto__'), item('c', 'toString'), item('d', 'hasOwnProperty')],
        spine: ['a', 'b', 'c', 'd'],
      })),
      deflated('constructor', xhtml('<h1>One</h1><p>In constructor.</p>')),
      deflated('__proto__', xhtml('<h1>Two</h1><p>In __proto__.</p>')),
    ]);
    const { works, skipped } = await loadFiles({ 'names.epub': book });
    expect(skipped).toEqual([]);
    expect(works[0]!.chapters.map((c) => [c.title, allText({ ...works[0]!, chapters: [c] })])).toEqual([
      ['One', 'In constructor.'],
      ['Two', 'In __proto__.'],
    ]);
  });

  it('are ordinary tag names in XHTML: no emphasis comes of them', async () => {
    const book = bookOf([deflated('OEBPS/c.xhtml', xhtml('<p>A <constructor>strange</constructor> tag.</p>'))]);
    const { works } = await loadFiles({ 'tags.epub': book });
    expect(works[0]!.chapters[0]!.blocks.flatMap((block) => (block.kind === 'paragraph' ? block.spans : []))).toEqual([]);
  });

  it("are ordinary labels in AO3's tag list: they add no field to the work", async () => {
    const download = readFileSync(new URL('./fixtures/ao3-download.html', import.meta.url), 'utf8');
    const { works } = await loadFiles({
      'work.html': download.replace('<dt>Rating:</dt>', '<dt>Constructor:</dt><dd>odd</dd><dt>__proto__:</dt><dd>odder</dd><dt>Rating:</dt>'),
    });
    expect(Object.keys(works[0]!.meta).every((key) => /^[a-z]+$/.test(key))).toBe(true);
  });
});

describe('a library folder of hostile EPUBs beside good works, under a 128 MB heap', () => {
  it('loads the good works, skips the hostile ones with their reasons, and stays small', async () => {
    await loadFiles({
      'a-good.txt': 'A Good Story\n\nIt loads.\n',
      'b-good.epub': goodEpub(),
      'bomb.epub': zipBomb(),
      'big.epub': bookOf([hugeChapter('two.xhtml', 128)]),
      'liar.epub': bookOf([hugeChapter('two.xhtml', 128, 2048)]),
      'again.epub': repeatedSpine(),
    });
    const output = execFileSync(process.execPath, ['--max-old-space-size=128', '--import', 'tsx', PRINT_LIBRARY, library.dir], { encoding: 'utf8' });
    const result = JSON.parse(output) as { works: Array<{ file: string; chapters: number }>; skipped: Array<{ file: string }>; maxRssMiB: number };
    expect(result.works).toEqual(expect.arrayContaining([
      { file: 'a-good.txt', chapters: 1 },
      { file: 'b-good.epub', chapters: 2 },
      { file: 'bomb.epub', chapters: 1 },
      { file: 'again.epub', chapters: 1 },
    ]));
    expect(result.skipped.map((skip) => skip.file)).toEqual(['big.epub', 'liar.epub']);
    expect(result.maxRssMiB).toBeLessThan(400);
  }, 60_000);
});
