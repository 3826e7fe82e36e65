import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../src/library/model.js';
import { allText, loadFixture, texts } from '../temp-library.js';

describe('AO3 page text', async () => {
  const work = await loadFixture('ao3-page-chapters.txt');

  it('reads the title, author, tags and summary from the header', () => {
    expect(work.format).toBe('ao3-text');
    expect(work.meta).toMatchObject({
      title: 'The Long Way Home',
      author: 'someauthor',
      rating: 'Mature',
      warnings: ['Graphic Depictions Of Violence', 'Major Character Death'],
      fandoms: ['Shadowhunters (TV)', 'The Mortal Instruments'],
      relationships: ['Alec Lightwood/Magnus Bane'],
      tags: ['Angst', 'Hurt/Comfort'],
      summary: 'Two chapters, both of them short.',
    });
  });

  it('takes "Chapter N" and "Chapter N: Title" headings followed by "Chapter Text" as chapters', () => {
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1', 'Chapter 2: The Bridge']);
    expect(texts(work.chapters[0]!.blocks)).toEqual(['The rain had not stopped for three days.', 'Alec did not mind.']);
    expect(texts(work.chapters[1]!.blocks)).toEqual(['Magnus waited on the bridge.', '<scene break>', 'He waited a long time.']);
  });

  it('keeps notes, summaries and page chrome out of the chapter text', () => {
    const body = allText(work);
    for (const notText of ['End notes', 'beta', 'summary', 'See the end', 'Kudos', 'Comments', 'Actions']) {
      expect(body).not.toContain(notText);
    }
  });
});

describe('AO3 HTML download', async () => {
  const work = await loadFixture('ao3-download.html');

  it('reads the preface: title, author, rating, warnings, tags, summary, language, source', () => {
    expect(work.format).toBe('ao3-html');
    expect(work.meta).toEqual({
      title: 'Paper Cranes',
      author: 'rainwriter',
      rating: 'General Audiences',
      warnings: ['No Archive Warnings Apply'],
      fandoms: ['Shadowhunters (TV)'],
      relationships: ['Alec Lightwood/Magnus Bane'],
      characters: ['Alec Lightwood', 'Magnus Bane'],
      tags: ['Fluff', 'Origami'],
      summary: 'A thousand cranes, one wish.',
      language: 'English',
      source: 'http://archiveofourown.org/works/123456',
    });
  });

  it('reads new-style chapter headings as they are', () => {
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: The First Fold', 'Chapter 2']);
  });

  it('never takes chapter notes, end notes or the afterword for chapter text', () => {
    const body = allText(work);
    for (const notText of ['notes', 'Notes', 'Thanks for reading']) expect(body).not.toContain(notText);
  });

  it('turns emphasis into spans and leaves the text free of markup', () => {
    const [first, second] = work.chapters[0]!.blocks as Paragraph[];
    expect(first).toEqual({ kind: 'paragraph', text: 'Alec folded the first crane & set it on the sill.', spans: [{ start: 16, end: 21, style: 'italic' }] });
    expect(second!.text).toBe('It was crooked, and he did not care mind.');
    const styled = second!.spans.map((span) => [second!.text.slice(span.start, span.end), span.style]);
    expect(styled).toEqual([['crooked', 'bold'], ['he', 'underline'], ['care', 'strike']]);
  });

  it('keeps no-break spaces and line breaks, collapses source whitespace, and reads ornaments and <hr> as scene breaks', () => {
    expect(texts(work.chapters[0]!.blocks).slice(2)).toEqual(['<scene break>', 'Magnus found it\u00a0in the morning.\nHe smiled.']);
    expect(texts(work.chapters[1]!.blocks)).toEqual([
      'The second chapter has no title of its own.',
      '<scene break>',
      'It ends here, with a literal *asterisk* and _underscore_.',
    ]);
  });

  it('reads old-style headings (the chapter title alone) the new way', async () => {
    const old = await loadFixture('ao3-download-old-headings.html');
    expect(old.chapters.map((chapter) => chapter.title)).toEqual(['Chapter 1: The Beginning', 'Chapter 2']);
    expect(old.meta).toMatchObject({
      title: 'Old Style',
      author: 'first, second',
      rating: 'Explicit',
      warnings: ['Creator Chose Not To Use Archive Warnings', 'Underage Sex'],
      fandoms: ['Shadowhunters (TV)', 'Shadowhunters Chronicles'],
    });
    expect(allText(old)).toBe('Once upon a time.\nAnd then.');
  });

  it('reads a one-shot as one chapter titled after the work', async () => {
    const oneShot = await loadFixture('ao3-download-oneshot.html');
    expect(oneShot.chapters.map((chapter) => chapter.title)).toEqual(['Just One']);
    expect(texts(oneShot.chapters[0]!.blocks)).toEqual(['A one-shot has no chapter heading.', 'Second paragraph.']);
    expect(oneShot.meta.rating).toBe('Teen And Up Audiences');
  });
});
