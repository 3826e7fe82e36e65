import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packedChapter } from '../../../src/library/blocks/packed-blocks.js';
import { paragraph, SCENE_BREAK } from '../../../src/library/blocks/tidy.js';
import type { Block, EmphasisStyle } from '../../../src/library/model.js';

// Characters packing could get wrong: UTF-8 of one to four bytes, a BOM (which some decoders drop), U+FFFD,
// and surrogates alone or paired, which UTF-8 cannot hold unpaired.
const tricky = fc.constantFrom('a', ' ', '\n', '“', '”', 'é', '—', '😀', '\ufeff', '\ufffd', '\ud83d', '\ude00', '\0');
const text = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));
const style = fc.constantFrom<EmphasisStyle>('italic', 'bold', 'underline', 'strike');
const block: fc.Arbitrary<Block> = fc.oneof(
  fc.constant(SCENE_BREAK),
  fc
    .tuple(text, fc.array(fc.tuple(fc.nat(40), fc.nat(40), style), { maxLength: 3 }))
    .map(([body, spans]) => paragraph(body, spans.map(([start, length, kind]) => ({ start, end: start + length, style: kind })))),
);

describe('a packed chapter', () => {
  it('gives back its blocks as they were, whatever characters they hold', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), (blocks) => {
        const copy = structuredClone(blocks);
        const chapter = packedChapter('Title', blocks);
        expect(chapter.title).toBe('Title');
        expect(chapter.blocks).toStrictEqual(copy);
        expect(chapter.blocks).toStrictEqual(copy);
      }),
      { numRuns: 500 },
    );
  });

  it('packed alone (a work read again by a reload), gives back its blocks as they were, and others packed after it too', () => {
    fc.assert(
      fc.property(fc.array(block, { maxLength: 12 }), fc.array(block, { maxLength: 12 }), (mine, next) => {
        const [copy, nextCopy] = structuredClone([mine, next]);
        const alone = packedChapter('Alone', mine, true);
        const after = packedChapter('After', next);
        expect(alone.blocks).toStrictEqual(copy);
        expect(after.blocks).toStrictEqual(nextCopy);
      }),
      { numRuns: 300 },
    );
  });

  it('gives back long chapters as they were, each packed after the others', () => {
    const chapterOf = (seed: number) => Array.from({ length: 1500 }, (_, i) => paragraph(`“${String(seed * 7919 + i).repeat(300)}” —`));
    const originals = [1, 2, 3, 4].map(chapterOf);
    const chapters = originals.map((blocks) => packedChapter('Long', blocks));
    chapters.forEach((chapter, index) => expect(chapter.blocks).toStrictEqual(originals[index]));
  });

  it('gives each reader blocks of their own, so changing one changes no other', () => {
    const chapter = packedChapter('Title', [paragraph('“One.”', [{ start: 1, end: 4, style: 'italic' }]), SCENE_BREAK, paragraph('Two.')]);
    const first = chapter.blocks;
    first.push(paragraph('Three.'));
    (first[0] as { spans: unknown[] }).spans.length = 0;
    expect(chapter.blocks).toStrictEqual([paragraph('“One.”', [{ start: 1, end: 4, style: 'italic' }]), SCENE_BREAK, paragraph('Two.')]);
  });

  it('keeps a chapter that holds a lone surrogate as it is', () => {
    const blocks = [paragraph('half \ud83d of an emoji')];
    expect(packedChapter('Title', blocks).blocks).toStrictEqual(blocks);
  });
});
