import { parse, type HTMLElement } from 'node-html-parser';
import { htmlBlocks } from '../../blocks/html-blocks.js';
import { hasText } from '../../blocks/tidy.js';
import type { Chapter } from '../../model.js';
import { UnreadableWork } from '../../unreadable.js';
import { ao3ChapterTitle, ao3Sections } from '../ao3/chapters.js';
import { isAo3Preface, readAo3Preface } from '../ao3/preface.js';
import { WORK_TITLE, type Format, type ParsedWork } from '../format.js';
import { isZip, openEpub, readText, type EpubPackage } from './package.js';
import { readToc } from './toc.js';

interface SpineDocument {
  path: string;
  body: HTMLElement;
  tocTitle?: string;
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

function parseEpub(bytes: Uint8Array): ParsedWork {
  const book = openEpub(bytes);
  const documents = spineDocuments(book);
  const preface = documents.find((document) => isAo3Preface(document.body));
  const meta = preface ? { ...book.meta, ...readAo3Preface(preface.body) } : book.meta;
  const chapters = preface
    ? ao3Chapters(documents.filter((document) => document !== preface), meta.title)
    : genericChapters(documents);
  const withText = chapters.filter((chapter) => hasText(chapter.blocks));
  if (withText.length === 0) throw new UnreadableWork('EPUB with no text in its spine');
  return { meta, epigraph: [], chapters: withText };
}

function spineDocuments(book: EpubPackage): SpineDocument[] {
  const toc = readToc(book);
  return book.spine.flatMap((item) => {
    const text = readText(book, item.path);
    if (text === undefined) return [];
    const root = parse(text, { comment: false });
    return [{ path: item.path, body: root.querySelector('body') ?? root, tocTitle: toc.get(item.path) }];
  });
}

/**
 * A file the contents list does not name continues the chapter before it (calibre splits long chapters);
 * one before the first named file is a cover or title page. Without any contents list, a file is a chapter.
 */
function genericChapters(documents: readonly SpineDocument[]): Chapter[] {
  const hasToc = documents.some((document) => document.tocTitle !== undefined);
  const chapters: Chapter[] = [];
  for (const document of documents) {
    const previous = chapters.at(-1);
    if (hasToc && document.tocTitle === undefined) {
      previous?.blocks.push(...htmlBlocks(document.body));
      continue;
    }
    const heading = dropLeadingHeadings(document.body);
    chapters.push({ title: document.tocTitle ?? heading ?? `Chapter ${chapters.length + 1}`, blocks: htmlBlocks(document.body) });
  }
  return chapters;
}

/** The chapter's heading is its title, not its first paragraph; removes it and says what it was. */
function dropLeadingHeadings(body: HTMLElement): string | undefined {
  let first: string | undefined;
  for (const heading of body.querySelectorAll('h1, h2, h3, h4')) {
    const text = heading.text.trim();
    if (!body.text.trimStart().startsWith(text)) break;
    first ??= text;
    heading.remove();
  }
  return first || undefined;
}

/**
 * AO3's own EPUB: the preface is metadata, the afterword notes; chapters read like the HTML download,
 * and a one-shot's only heading is the work's title.
 */
function ao3Chapters(documents: readonly SpineDocument[], workTitle: string | undefined): Chapter[] {
  const chapters: Chapter[] = [];
  for (const document of documents) {
    for (const section of ao3Sections(document.body)) {
      if (!hasText(section.blocks)) continue;
      const heading = section.heading ?? document.tocTitle;
      const untitled = heading === undefined || heading === workTitle;
      const title = untitled ? WORK_TITLE : ao3ChapterTitle(heading, chapters.length + 1);
      chapters.push({ title, blocks: section.blocks });
    }
  }
  return chapters;
}
