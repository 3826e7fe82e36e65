import { parseHtml, querySelector } from '../../blocks/html-tree.js';
import { hasText } from '../../blocks/tidy.js';
import { withoutUnshowableReferences } from '../../decode.js';
import { UnreadableWork } from '../../unreadable.js';
import { WORK_TITLE, type Format, type ParsedWork, type WorkFile } from '../format.js';
import { ao3ChapterTitle, ao3Sections } from './chapters.js';
import { readAo3Preface } from './preface.js';

/**
 * AO3's HTML download: preface metadata, `#chapters` text, end notes and afterword left out. The only
 * HTML read, so this format claims every HTML file and refuses any that is not AO3's.
 */
export const ao3Html = {
  name: 'ao3-html',
  detect: (file) => (looksLikeHtml(file.head(HTML_HEAD_CHARS)) ? 'content' : undefined),
  parse: (file) => parseAo3Html(file),
} as const satisfies Format;

const HTML_HEAD_CHARS = 1024;

/** No piece cuts `id="chapters"` in two: a piece ends after an LF or a `>` (decode.ts). */
function looksLikeAo3Html(file: WorkFile): boolean {
  const head = file.head(4096).trimStart().toLowerCase();
  return (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) && file.pieces.some((piece) => /id=["']chapters["']/.test(piece));
}

function looksLikeHtml(head: string): boolean {
  return /^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<(?:!doctype )?html)/i.test(head);
}

function parseAo3Html(file: WorkFile): ParsedWork {
  if (!looksLikeAo3Html(file)) throw new UnreadableWork('HTML that is not an AO3 download (no "#chapters" section); unknown layout');
  // No piece cuts a character reference in two, for the same reason.
  const root = parseHtml(file.pieces.map(withoutUnshowableReferences));
  const chapters = querySelector(root, '#chapters');
  if (!chapters) throw new UnreadableWork('HTML without an AO3 "#chapters" section');
  const preface = querySelector(root, '#preface');
  const sections = ao3Sections(chapters).filter((section) => hasText(section.blocks));
  if (sections.length === 0) throw new UnreadableWork('AO3 HTML download with no chapter text');
  return {
    meta: preface ? readAo3Preface(preface) : {},
    epigraph: [],
    chapters: sections.map((section, index) => ({
      title: section.heading === undefined ? WORK_TITLE : ao3ChapterTitle(section.heading, index + 1),
      blocks: section.blocks,
    })),
  };
}
