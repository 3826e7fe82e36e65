import { parse } from 'node-html-parser';
import { hasText } from '../../blocks/tidy.js';
import { UnreadableWork } from '../../unreadable.js';
import { WORK_TITLE, type ParsedWork } from '../parsed-work.js';
import { ao3ChapterTitle, ao3Sections } from './chapters.js';
import { readAo3Preface } from './preface.js';

export function looksLikeAo3Html(text: string): boolean {
  const head = text.slice(0, 4096).trimStart().toLowerCase();
  return (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) && /id=["']chapters["']/.test(text);
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<\?xml[^>]*>\s*<(?:!doctype )?html)/i.test(text.slice(0, 1024));
}

/** AO3's HTML download: preface metadata, `#chapters` text, end notes and afterword left out. */
export function parseAo3Html(text: string): ParsedWork {
  const root = parse(text, { comment: false });
  const chapters = root.querySelector('#chapters');
  if (!chapters) throw new UnreadableWork('HTML without an AO3 "#chapters" section');
  const preface = root.querySelector('#preface');
  const sections = ao3Sections(chapters).filter((section) => hasText(section.blocks));
  if (sections.length === 0) throw new UnreadableWork('AO3 HTML download with no chapter text');
  return {
    format: 'ao3-html',
    meta: preface ? readAo3Preface(preface) : {},
    epigraph: [],
    chapters: sections.map((section, index) => ({
      title: section.heading === undefined ? WORK_TITLE : ao3ChapterTitle(section.heading, index + 1),
      blocks: section.blocks,
    })),
  };
}
