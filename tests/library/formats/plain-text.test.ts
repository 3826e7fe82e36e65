import { describe, expect, it } from 'vitest';
import { loadFixture, texts } from '../temp-library.js';

describe('plain text', () => {
  it('drops a UTF-8 BOM and normalises CRLF line endings', async () => {
    const work = await loadFixture('crlf-bom.txt');
    expect(work.meta.title).toBe('Line Endings');
    expect(texts(work.chapters[0]!.blocks)).toEqual(['This story was written on Windows.', 'It has two paragraphs and a BOM.']);
    expect(work.id).toBe('line-endings');
  });
});
