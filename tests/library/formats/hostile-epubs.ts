import { CONTAINER, epub3, item, opf, xhtml } from './epub-fixtures.js';
import { deflated, rawZip, repeatedDeflate, type RawEntry } from './zip-fixtures.js';

// EPUBs that would cost a loader without limits gigabytes or minutes, each a few KB to 2 MB as a file.

const MiB = 2 ** 20;
const PARAGRAPH = '<p>All work and no play makes a dull story, said the reader, and turned the page again.</p>\n';

/** The zip of a book whose spine lists the chapters in order (ids c0, c1…); `extra` entries are outside it. */
export function bookOf(chapters: readonly RawEntry[], options: { extra?: RawEntry[]; spine?: string[] } = {}): Uint8Array {
  const items = chapters.map((chapter, index) => item(`c${index}`, chapter.name.replace(/^OEBPS\//, '')));
  const spine = options.spine ?? chapters.map((_, index) => `c${index}`);
  return rawZip([
    { ...deflated('mimetype', 'application/epub+zip'), method: 0, data: Buffer.from('application/epub+zip') },
    deflated('META-INF/container.xml', CONTAINER),
    deflated('OEBPS/content.opf', opf({ metadata: '<dc:title>Hostile Book</dc:title>', items, spine })),
    ...chapters,
    ...(options.extra ?? []),
  ]);
}

export function chapter(name: string, text = 'A real chapter.'): RawEntry {
  return deflated(`OEBPS/${name}`, xhtml(`<p>${text}</p>`));
}

/** A chapter file of `mebibytes` MiB of paragraphs; `declaredSize` lets it lie about that. */
export function hugeChapter(name: string, mebibytes: number, declaredSize?: number): RawEntry {
  const block = PARAGRAPH.repeat(Math.ceil(MiB / PARAGRAPH.length)).slice(0, MiB);
  const { data, size } = repeatedDeflate('<html><body>', block, mebibytes, '</body></html>');
  return { name: `OEBPS/${name}`, data, declaredSize: declaredSize ?? size };
}

/** 2 MB on disk: a real chapter, and two 1 GiB entries of zeros that nothing in the book names. */
export function zipBomb(): Uint8Array {
  const zeros = new Uint8Array(MiB);
  const gib = (name: string): RawEntry => ({ name, ...sized(repeatedDeflate('', zeros, 1024, '')) });
  return bookOf([chapter('chapter.xhtml', 'The only real words in the bomb.')], { extra: [gib('OEBPS/images/a.bin'), gib('OEBPS/images/b.bin')] });
}

/** About 1.3 KB on disk: one chapter of ~100 KB that the spine lists 1,000 times. */
export function repeatedSpine(): Uint8Array {
  const text = xhtml(PARAGRAPH.repeat(1100));
  return bookOf([deflated('OEBPS/again.xhtml', text)], { spine: Array.from({ length: 1000 }, () => 'c0') });
}

/** A good EPUB, as a reader might keep beside the hostile ones. */
export const goodEpub = epub3;

function sized({ data, size }: { data: Uint8Array; size: number }): { data: Uint8Array; declaredSize: number } {
  return { data, declaredSize: size };
}
