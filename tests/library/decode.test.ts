import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMarkup, decodeMarkupPieces, decodeText, decodeTextHead, decodeTextLines, decodeTextPieces, decodeUtf8 } from '../../src/library/decode.js';
import { loadLibrary } from '../../src/library/load.js';
import type { Work } from '../../src/library/model.js';
import { oneChapterEpub } from './formats/epub-fixtures.js';
import { allText, libraryPerTest } from './temp-library.js';

// Characters no page can show: C0 controls but tab and newline, DEL, and C1 controls.
const UNSHOWABLE = /[\0-\x08\x0b-\x1f\x7f-\x9f]/;

const library = libraryPerTest();

async function loadOne(name: string, bytes: Uint8Array | string): Promise<Work> {
  await writeFile(join(library.dir, name), bytes);
  const { works, skipped } = await loadLibrary(library.dir);
  expect(skipped).toEqual([]);
  return works[0]!;
}

function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return order === 'le' ? le : le.swap16();
}

const XHTML_BODY = '<p>Café au lait, “twice”.</p><p>Then the rain.</p>';

describe('text a page cannot show', () => {
  it('is dropped from a text file past the first 8 KB, where the binary check does not look', async () => {
    const filler = Array.from({ length: 200 }, (_, i) => `Paragraph ${i} of the long opening, in plain words.`).join('\n\n');
    const work = await loadOne('story.txt', `A Title\n\n${filler}\n\nA NUL\0 here, a bell\x07, an escape\x1b[31m, a DEL\x7f and a C1\x85 there.\n`);
    const text = allText(work);
    expect(text).not.toMatch(UNSHOWABLE);
    expect(text).toContain('A NUL here, a bell, an escape[31m, a DEL and a C1 there.');
  });

  it('is dropped from EPUB text, whether raw or written as a character reference', async () => {
    const work = await loadOne('book.epub', oneChapterEpub(`<html><body><p>Raw\x01 and\x1f refs&#1;&#x1b;&#127; gone, &#233;t&#xe9; kept.</p></body></html>`));
    expect(allText(work)).toBe('Raw and refs gone, été kept.');
  });
});

describe('an EPUB file in another encoding', () => {
  it.each([
    ['UTF-16LE with a BOM', utf16(`<?xml version="1.0" encoding="UTF-16"?><html><body>${XHTML_BODY}</body></html>`, 'le', true)],
    ['UTF-16BE with a BOM', utf16(`<?xml version="1.0" encoding="UTF-16"?><html><body>${XHTML_BODY}</body></html>`, 'be', true)],
    ['UTF-16LE without a BOM', utf16(`<?xml version="1.0" encoding="UTF-16"?><html><body>${XHTML_BODY}</body></html>`, 'le', false)],
    ['UTF-16BE without a BOM', utf16(`<?xml version="1.0" encoding="UTF-16"?><html><body>${XHTML_BODY}</body></html>`, 'be', false)],
    ['windows-1252 by its XML declaration', Buffer.from(`<?xml version="1.0" encoding="windows-1252"?><html><body>${XHTML_BODY}</body></html>`.replace('“', '\x93').replace('”', '\x94'), 'latin1')],
    ['ISO-8859-1 by its meta charset', Buffer.from(`<html><head><meta charset="iso-8859-1"/></head><body>${XHTML_BODY.replace(/[“”]/g, '"')}</body></html>`, 'latin1')],
    ['windows-1252 by its http-equiv meta', Buffer.from(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"/></head><body>${XHTML_BODY.replace('“', '\x93').replace('”', '\x94')}</body></html>`, 'latin1')],
  ])('is read by its declared or detected encoding: %s', async (_, bytes) => {
    const work = await loadOne('book.epub', oneChapterEpub(bytes));
    expect(allText(work)).toMatch(/^Café au lait, ["“]twice["”]\.\nThen the rain\.$/);
  });

  it('with a UTF-8 byte order mark is UTF-8, whatever it declares', async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<html><head><meta charset="windows-1252"/></head><body>${XHTML_BODY}</body></html>`)]);
    const work = await loadOne('book.epub', oneChapterEpub(bytes));
    expect(allText(work)).toBe('Café au lait, “twice”.\nThen the rain.');
  });

  it('undeclared and not UTF-8 is read as windows-1252, the web’s default, not as replacement characters', async () => {
    const work = await loadOne('book.epub', oneChapterEpub(Buffer.from(`<html><body><p>Caf\xe9 \x93noir\x94.</p></body></html>`, 'latin1')));
    expect(allText(work)).toBe('Café “noir”.');
  });
});

describe('a text file in UTF-16', () => {
  it.each(['le', 'be'] as const)('with a byte order mark (%s) is read, not refused', async (order) => {
    const work = await loadOne('story.txt', utf16('A Title\r\n\r\nCafé, once.\r\n', order, true));
    expect(work.meta.title).toBe('A Title');
    expect(allText(work)).toBe('Café, once.');
  });
});

describe('UTF-8', () => {
  it('decodes as TextDecoder does, byte order mark and all, for any text', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' }), fc.string({ unit: fc.constantFrom('a', '“', '”', 'é', '—', '😀', '\ufeff', '\ufffd', '\0') }));
    fc.assert(
      fc.property(text, fc.boolean(), (chars, bom) => {
        const bytes = Buffer.from((bom ? '\ufeff' : '') + chars);
        expect(decodeUtf8(bytes)).toBe(new TextDecoder().decode(bytes));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a text file decoded a piece at a time, or only its head', () => {
  // Pieces of a few characters, so that they end often: after an LF or a `>`, or far past their size.
  // U+0A0A and U+010A hold the byte of LF in UTF-16, U+3E00 that of `>`.
  const char = fc.constantFrom('a', 'b', ' ', '\n', '\r', '\r\n', '>', '“', 'é', '😀', '\t', '\0', '\x85', '\ufffe', '\u00a0', '\u0a0a', '\u010a', '\u3e00');
  const text = fc.oneof(fc.array(char, { maxLength: 60 }).map((chars) => chars.join('')), fc.string({ unit: 'binary', maxLength: 60 }));
  const outcome = (decode: () => unknown) => {
    try {
      return decode();
    } catch (error) {
      return `throws ${(error as Error).message}`;
    }
  };

  it('gives the pieces, lines and head that the whole text gives, or the same reason it cannot be read', () => {
    fc.assert(
      fc.property(text, fc.boolean(), fc.integer({ min: 1, max: 12 }), fc.nat(70), (chars, bom, pieceChars, headChars) => {
        const bytes = Buffer.from((bom ? '\ufeff' : '') + chars);
        expect(outcome(() => decodeTextLines(bytes, pieceChars))).toStrictEqual(outcome(() => decodeText(bytes).split('\n')));
        expect(outcome(() => decodeTextHead(bytes, headChars))).toStrictEqual(outcome(() => decodeText(bytes).slice(0, headChars)));
        for (const ends of ['lines', 'markup'] as const) {
          expect(outcome(() => decodeTextPieces(bytes, ends, pieceChars).join(''))).toStrictEqual(outcome(() => decodeText(bytes)));
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('ends each piece but the last after an LF, or for markup an LF or a `>`', () => {
    const markupChar = fc.constantFrom('a', ' ', '\n', '\r\n', '<p>', '</p>', '>', '&#1;', '&#x1b;', '&amp;', '“', '\x01');
    const markup = fc.array(markupChar, { minLength: 1, maxLength: 40 }).map((chars) => `<p>${chars.join('')}`);
    fc.assert(
      fc.property(markup, fc.integer({ min: 1, max: 12 }), (source, pieceChars) => {
        const bytes = Buffer.from(source);
        const lines = decodeTextPieces(bytes, 'lines', pieceChars);
        const markupPieces = decodeMarkupPieces(bytes, pieceChars);
        for (const piece of lines.slice(0, -1)) expect(piece).toMatch(/\n$/);
        for (const piece of markupPieces.slice(0, -1)) expect(piece).toMatch(/[\n>]$/);
        expect(markupPieces.join('')).toBe(decodeMarkup(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it('at the size it is used at, with lines far longer than a piece', () => {
    const long = `${'x'.repeat(150_000)}\r\n“${'é'.repeat(70_000)}”\r\n\nend\r`;
    for (const bytes of [Buffer.from(long), Buffer.from(long.replace(/[“”é]/g, 'e'))]) {
      expect(decodeTextLines(bytes)).toStrictEqual(decodeText(bytes).split('\n'));
      expect(decodeTextHead(bytes, 150_001)).toBe(decodeText(bytes).slice(0, 150_001));
    }
  });
});
