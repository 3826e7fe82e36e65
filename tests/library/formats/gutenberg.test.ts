import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../../../src/library/model.js';
import { allText, loadFixture, texts } from '../temp-library.js';

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
