import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../src/library/model.js';
import { allText, loadFixture, texts } from './library-helpers.js';

describe('Project Gutenberg text', async () => {
  const work = await loadFixture('gutenberg-old-man.txt');

  it('reads title, author and language from the header', () => {
    expect(work.format).toBe('gutenberg');
    expect(work.meta).toMatchObject({ title: 'The Old Man', author: 'Ann Example', language: 'English', rating: 'Not Rated' });
    expect(work.meta.source).toBe('https://www.gutenberg.org/ebooks/99999');
  });

  it('never takes the contents list for chapters', () => {
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['CHAPTER I. The Road', 'CHAPTER II. The Square']);
  });

  it('strips the START/END markers and everything outside them', () => {
    const body = allText(work);
    for (const outside of ['PROJECT GUTENBERG', 'Licence', 'CONTENTS', 'United States']) expect(body).not.toContain(outside);
  });

  it('rejoins hard-wrapped lines into paragraphs and turns _italics_ into spans', () => {
    const first = work.chapters[0]!.blocks[0] as Paragraph;
    expect(first.text).toBe(
      'It was a bright cold day in April, and the clocks were striking thirteen. The old man walked slowly down the long road toward the village, where nobody had seen him for many years.',
    );
    expect(first.spans).toEqual([{ start: 78, end: 85, style: 'italic' }]);
    expect(first.text.slice(78, 85)).toBe('old man');
    expect(texts(work.chapters[0]!.blocks).slice(2)).toEqual(['<scene break>', 'Then he went on.']);
    expect(work.chapters[1]!.blocks).toHaveLength(2);
  });

  it('normalises CRLF line endings', () => {
    expect(allText(work)).not.toContain('\r');
  });
});

describe('Markdown with front matter', async () => {
  const work = await loadFixture('markdown-story.md');

  it('reads the metadata from the front matter, ignoring keys it does not know', () => {
    expect(work.format).toBe('markdown');
    expect(work.meta).toEqual({
      title: 'Starlight and Static',
      author: 'M. Writer',
      rating: 'General Audiences',
      warnings: [],
      fandoms: ['Original Work'],
      relationships: [],
      characters: [],
      tags: ['Space', 'Found Family'],
      summary: 'A radio operator hears a voice in the static.',
    });
  });

  it('takes ## headings under a lone # title as chapters, and keeps deeper headings as text', () => {
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Part One: Noise', 'Part Two: Signal']);
    expect(texts(work.chapters[1]!.blocks)).toEqual(['Log entry', 'Someone answered.']);
  });

  it('turns *x*, **x**, ~~x~~ and _x_ into spans and leaves unpaired or escaped markers literal', () => {
    const [first, second, , third] = work.chapters[0]!.blocks as Paragraph[];
    expect(first!.text).toBe('The radio crackled at night, and nobody answered. This line continues the same paragraph.');
    expect(first!.spans.map((span) => [first!.text.slice(span.start, span.end), span.style])).toEqual([['crackled', 'italic'], ['nobody', 'bold']]);
    expect(second!.text).toBe('She wrote never always, in her_log_file, 2 * 3 = 6 and a lone * star.');
    expect(second!.spans).toEqual([{ start: 10, end: 15, style: 'strike' }]);
    expect(third!.text).toBe('A new scene began *here*.');
    expect(third!.spans).toEqual([]);
  });

  it('reads a thematic break as a scene break', () => {
    expect(work.chapters[0]!.blocks[2]).toEqual({ kind: 'sceneBreak' });
  });
});

describe('plain text', () => {
  it('drops a UTF-8 BOM and normalises CRLF line endings', async () => {
    const work = await loadFixture('crlf-bom.txt');
    expect(work.meta.title).toBe('Line Endings');
    expect(texts(work.chapters[0]!.blocks)).toEqual(['This story was written on Windows.', 'It has two paragraphs and a BOM.']);
    expect(work.id).toBe('line-endings');
  });
});
