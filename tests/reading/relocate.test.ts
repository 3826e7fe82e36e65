import { describe, expect, it } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { anchorAt, relocate } from '../../src/reading/relocate.js';
import { paragraph, prose, workOf } from './fixtures.js';

/** Ten paragraphs of distinct prose per chapter. */
const chapter = (seed: number) => Array.from({ length: 10 }, (_, i) => paragraph(prose(60, seed * 100 + i + 1)));
const original = workOf([chapter(1), chapter(2)]);
/** A place at the start of chapter 2's seventh paragraph, with the anchor a save would keep. */
const text = chapterText(original, 1).text;
const seventh = text.indexOf(prose(60, 207));
const saved = { chapter: 1, offset: seventh, anchor: anchorAt(original, { chapter: 1, offset: seventh }) };

describe('a saved place after its work changed', () => {
  it('stays where it was when the text did not change', () => {
    expect(relocate(original, saved)).toEqual({ place: { chapter: 1, offset: seventh }, found: 'same' });
  });

  it('follows its passage when an author’s note is added above it', () => {
    const noted = workOf([chapter(1), [paragraph('A note from the author: thank you all for reading!'), ...chapter(2)]]);
    const { place, found } = relocate(noted, saved);
    expect(found).toBe('moved');
    expect(chapterText(noted, place.chapter).text.slice(place.offset)).toMatch(new RegExp(`^${prose(60, 207).slice(0, 40)}`));
  });

  it('follows its passage when a typo is fixed inside the text it kept', () => {
    const fixed = chapter(2).map((p, i) => (i === 6 ? paragraph(p.text.replace(/^(\S+) (\S+)/, '$1 TYPO')) : p));
    const typoed = workOf([chapter(1), fixed]);
    const { place, found } = relocate(typoed, saved);
    expect(found).toBe('moved');
    expect(place).toEqual({ chapter: 1, offset: chapterText(typoed, 1).text.indexOf(fixed[6]!.text) });
  });

  it('follows its passage into the next chapter when a chapter is added before it', () => {
    const prologue = workOf([[paragraph('Prologue. Before everything.')], chapter(1), chapter(2)]);
    const { place, found } = relocate(prologue, saved);
    expect(found).toBe('moved');
    expect(place).toEqual({ chapter: 2, offset: chapterText(prologue, 2).text.indexOf(prose(60, 207)) });
  });

  it('opens at the start of its chapter when the passage is gone', () => {
    const cut = workOf([chapter(1), chapter(2).filter((_, i) => i !== 6)]);
    expect(relocate(cut, saved)).toEqual({ place: { chapter: 1, offset: 0 }, found: 'lost' });
  });

  it('takes a place saved before anchors as it is, within the work', () => {
    expect(relocate(original, { chapter: 1, offset: seventh })).toEqual({ place: { chapter: 1, offset: seventh }, found: 'same' });
    expect(relocate(original, { chapter: 5, offset: 10 }).place.chapter).toBe(1);
  });
});
