import { htmlBlocks } from '../../blocks/html-blocks.js';
import { hasVisibleText, parseHtml, querySelector, querySelectorAll, removeElement, textOf, textStartsWith, type AnyNode } from '../../blocks/html-tree.js';
import { hasText } from '../../blocks/tidy.js';
import type { Chapter, WorkMeta } from '../../model.js';
import { UnreadableWork } from '../../unreadable.js';
import { ao3ChapterTitle, ao3Sections, type Ao3Section } from '../ao3/chapters.js';
import { isAo3Preface, readAo3Preface } from '../ao3/preface.js';
import { WORK_TITLE, type Format, type ParsedWork } from '../format.js';
import { isZip, openEpub, readPieces, type EpubPackage } from './package.js';
import { readToc } from './toc.js';

/** Turns the spine's documents, one at a time, into chapters; each document's tree is dropped once read. */
interface ChapterReader {
  add(body: AnyNode, tocTitle: string | undefined): void;
  readonly meta: Partial<WorkMeta>;
  readonly chapters: Chapter[];
}

/**
 * EPUB 2 and 3, generic or made by AO3: chapters in spine order, titled from the nav or NCX. It claims
 * every zip archive and refuses one that holds no EPUB.
 */
export const epub = {
  name: 'epub',
  detect: ({ bytes }) => (isZip(bytes) ? 'content' : undefined),
  parse: ({ bytes }) => parseEpub(bytes),
} as const satisfies Format;

/** AO3's EPUB opens with its preface; any other is read as a generic one. */
function parseEpub(bytes: Uint8Array): ParsedWork {
  const book = openEpub(bytes);
  const toc = readToc(book);
  let reader: ChapterReader | undefined;
  for (const item of book.spine) {
    const body = readBody(book, item.path);
    if (!body || (!reader && !hasVisibleText(body))) continue;
    reader ??= isAo3Preface(body) ? new Ao3Reader(book.meta) : new GenericReader(book.meta, book.spine.some((other) => toc.has(other.path)));
    reader.add(body, toc.get(item.path));
  }
  const withText = (reader?.chapters ?? []).filter((chapter) => hasText(chapter.blocks));
  if (withText.length === 0) throw new UnreadableWork('EPUB with no text in its spine');
  return { meta: reader!.meta, epigraph: [], chapters: withText };
}

function readBody(book: EpubPackage, path: string): AnyNode | undefined {
  const pieces = readPieces(book, path);
  if (pieces === undefined) return undefined;
  const root = parseHtml(pieces);
  return querySelector(root, 'body') ?? root;
}

/**
 * A file the contents list does not name continues the chapter before it (calibre splits long chapters);
 * one before the first named file is a cover or title page. Without any contents list, a file is a chapter.
 */
class GenericReader implements ChapterReader {
  readonly chapters: Chapter[] = [];

  constructor(readonly meta: Partial<WorkMeta>, private readonly hasToc: boolean) {}

  add(body: AnyNode, tocTitle: string | undefined): void {
    if (this.hasToc && tocTitle === undefined) {
      this.chapters.at(-1)?.blocks.push(...htmlBlocks(body));
      return;
    }
    const heading = dropLeadingHeadings(body);
    this.chapters.push({ title: tocTitle ?? heading ?? `Chapter ${this.chapters.length + 1}`, blocks: htmlBlocks(body) });
  }
}

/** The chapter's heading is its title, not its first paragraph; removes it and says what it was. */
function dropLeadingHeadings(body: AnyNode): string | undefined {
  let first: string | undefined;
  for (const heading of querySelectorAll(body, 'h1, h2, h3, h4')) {
    const text = textOf(heading).trim();
    if (!textStartsWith(body, text)) break;
    first ??= text;
    removeElement(heading);
  }
  return first || undefined;
}

/** The last words of every AO3 download, in its afterword. */
const AO3_PLEA = /to let the (?:creator|author) know if you enjoyed their work/;

/**
 * AO3's own EPUB, which calibre splits by size: the preface (metadata, perhaps over two files) and the
 * afterword (end notes, works inspired by this one, the plea to comment) are not chapters, wherever the split
 * put them; a file that opens without a chapter heading continues the chapter before it. Chapters read like
 * the HTML download, and a one-shot's only heading is the work's title.
 */
class Ao3Reader implements ChapterReader {
  readonly chapters: Chapter[] = [];
  readonly meta: Partial<WorkMeta>;

  constructor(opfMeta: Partial<WorkMeta>) {
    this.meta = { ...opfMeta };
  }

  add(body: AnyNode, tocTitle: string | undefined): void {
    const prefaces = querySelectorAll(body, '#preface');
    if (prefaces.length === 0 && isAo3Preface(body)) {
      Object.assign(this.meta, readAo3Preface(body));
      return;
    }
    for (const preface of prefaces) {
      Object.assign(this.meta, readAo3Preface(preface));
      removeElement(preface);
    }
    for (const afterword of querySelectorAll(body, '#afterword')) removeElement(afterword);
    ao3Sections(body).forEach((section, index) => this.addSection(section, index === 0 ? tocTitle : undefined, index === 0));
  }

  private addSection(section: Ao3Section, tocTitle: string | undefined, opensFile: boolean): void {
    const previous = this.chapters.at(-1);
    if (!hasText(section.blocks) || isAfterword(section)) return;
    if (section.heading === undefined && opensFile && previous) {
      previous.blocks.push(...section.blocks);
      return;
    }
    const heading = section.heading ?? tocTitle;
    const untitled = heading === undefined || heading === this.meta.title;
    this.chapters.push({ title: untitled ? WORK_TITLE : ao3ChapterTitle(heading, this.chapters.length + 1), blocks: section.blocks });
  }
}

/** The afterword when calibre dropped its id: headed "Afterword", ending with AO3's plea to comment. */
function isAfterword(section: Ao3Section): boolean {
  return section.heading === 'Afterword' && section.blocks.some((block) => block.kind === 'paragraph' && AO3_PLEA.test(block.text));
}
