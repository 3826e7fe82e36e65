import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../../src/library/load.js';
import type { Paragraph, Work } from '../../../src/library/model.js';
import { allText, libraryPerTest, texts } from '../temp-library.js';
import { ao3Afterword, ao3Epub, ao3SplitEpub, epub2, epub3 } from './epub-fixtures.js';

const library = libraryPerTest();

async function loadEpub(bytes: Uint8Array, name = 'book.epub'): Promise<Work> {
  await writeFile(join(library.dir, name), bytes);
  const { works, skipped } = await loadLibrary(library.dir);
  expect(skipped).toEqual([]);
  return works[0]!;
}

describe('EPUB 3', () => {
  it('reads the OPF metadata', async () => {
    const work = await loadEpub(epub3());
    expect(work.format).toBe('epub');
    expect(work.meta).toMatchObject({ title: 'Nav Book', author: 'Ada Author', language: 'en', tags: ['Adventure'], summary: 'A short book.' });
  });

  it('follows the spine, titles chapters from the nav, and keeps an unlisted split file with its chapter', async () => {
    const work = await loadEpub(epub3());
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['The First Door', 'The Second Door']);
    expect(texts(work.chapters[1]!.blocks)).toEqual(['It was locked.', 'The rest of the second chapter.']);
  });

  it('does not repeat a chapter heading as text, and drops a cover page the contents do not list', async () => {
    const work = await loadEpub(epub3());
    expect(work.chapters[0]!.blocks).toEqual([{ kind: 'paragraph', text: 'She opened it.', spans: [{ start: 4, end: 10, style: 'italic' }] }]);
    expect(allText(work)).not.toContain('cover');
    expect(allText(work)).not.toContain('Part 2');
  });

  it('is detected from its content, whatever the extension', async () => {
    const work = await loadEpub(epub3(), 'book.txt');
    expect(work.format).toBe('epub');
  });
});

describe('EPUB 2', () => {
  it('titles chapters from the NCX and reads ornaments as scene breaks', async () => {
    const work = await loadEpub(epub2());
    expect(work.meta).toMatchObject({ title: 'Ncx Book', author: 'Bo Writer' });
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Beginnings', 'Endings']);
    expect(texts(work.chapters[0]!.blocks)).toEqual(['First words.', '<scene break>', 'After the break.']);
  });
});

describe("AO3's EPUB", () => {
  it('reads the preface tags despite calibre renaming the classes', async () => {
    const work = await loadEpub(ao3Epub());
    expect(work.meta).toMatchObject({
      title: 'Crane Wife',
      author: 'inkwell',
      rating: 'Mature',
      warnings: ['No Archive Warnings Apply'],
      fandoms: ['Shadowhunters (TV)'],
      tags: ['Folklore', 'Winter'],
      summary: 'A retelling.',
      source: 'http://archiveofourown.org/works/777',
    });
  });

  it('takes neither the preface nor the afterword for chapters, and keeps notes out of the text', async () => {
    const work = await loadEpub(ao3Epub());
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: Snow', 'Chapter 2: Thaw']);
    expect(work.chapters.map((chapter) => (chapter.blocks as Paragraph[]).map((block) => block.text))).toEqual([['The snow fell.'], ['The snow melted.']]);
  });

  it('knows the afterword by its heading and its plea to comment when calibre dropped its id', async () => {
    const work = await loadEpub(ao3Epub({ afterword: ao3Afterword({ id: false }) }));
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: Snow', 'Chapter 2: Thaw']);
    expect(allText(work)).not.toMatch(/Afterword|drop by the Archive|Thanks!|Crane Husband/);
  });

  it('keeps a chapter calibre split across files as one, and reads a preface split across two files as metadata', async () => {
    const work = await loadEpub(ao3SplitEpub());
    expect(work.meta).toMatchObject({ title: 'Lantern Weather', author: 'quiet_owl', rating: 'Teen And Up Audiences', summary: 'A keeper and a storm.' });
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: First Light', 'Chapter 2', 'Chapter 3']);
    expect(work.chapters.map((chapter) => texts(chapter.blocks))).toEqual([
      ['Part A.', 'Part B.'],
      ['Second chapter.', 'More of the second.'],
      ['Third chapter.'],
    ]);
  });
});
