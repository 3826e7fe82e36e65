import { groupLines, isHardWrapped, layoutBlocks, paragraphSeparator, type LineGroup } from '../../blocks/text-layout.js';
import { hasText } from '../../blocks/tidy.js';
import type { Chapter, WorkMeta } from '../../model.js';
import { UnreadableWork } from '../../unreadable.js';
import { headLines, lineFormat, WORK_TITLE, type ParsedWork, type WorkFile } from '../format.js';
import { applyAo3Label, isAo3Label } from './labels.js';

const WORK_HEADER = /^Work Header$/;
const WORK_TEXT = /^Work Text:$/;
const CHAPTER_HEADING = /^Chapter (\d+)(?::\s*(.*))?$/;
const CHAPTER_TEXT = /^Chapter Text$/;
const SUMMARY = /^Summary:$/;
const NOTES = /^(?:Notes:|\(See the end of the (?:chapter|work) for (?:more )?notes\.\))$/;
const PAGE_CHROME = /^(?:Actions|Kudos|Kudos ♥|Comments|Bookmark|Share|Post Comment)$/;
/** The first characters of the landmarks above: a line starting otherwise, as prose nearly always does, is none. */
const LANDMARK_FIRST = new Set(['A', 'K', 'C', 'B', 'S', 'P', 'W', 'N', '(']);

/** Text copied from an AO3 work page: header and notes go to the metadata, chapter text to chapters. */
export const ao3Text = lineFormat('ao3-text', looksLikeAo3Text, parseAo3Text);

/** True when a file's opening lines carry AO3's screen-reader landmarks. */
function looksLikeAo3Text(file: WorkFile): boolean {
  return headLines(file.lines, 200, 20_000).some((line) => {
    const trimmed = line.trim();
    return WORK_HEADER.test(trimmed) || WORK_TEXT.test(trimmed) || CHAPTER_TEXT.test(trimmed);
  });
}

interface Draft {
  title: string;
  lines: string[];
}

function parseAo3Text(lines: readonly string[]): ParsedWork {
  const start = lines.findIndex((line) => WORK_HEADER.test(line.trim())) + 1;
  const bodyStart = lines.findIndex((_line, index) => index >= start && startsText(lines, index));
  if (bodyStart === -1) throw new UnreadableWork('AO3 page text without "Work Text:" or "Chapter Text"');
  const meta = headerMeta(lines.slice(start, bodyStart));
  const drafts = chapterDrafts(lines, bodyStart, meta);
  return { meta, epigraph: [], chapters: layoutChapters(drafts) };
}

function startsText(lines: readonly string[], index: number): boolean {
  const line = lines[index]!.trim();
  return WORK_TEXT.test(line) || SUMMARY.test(line) || NOTES.test(line) || isChapterHeading(lines, index);
}

/** "Chapter 3" is a heading only when "Chapter Text" follows before any other heading. */
function isChapterHeading(lines: readonly string[], index: number): boolean {
  if (!CHAPTER_HEADING.test(lines[index]!.trim())) return false;
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next]!.trim();
    if (CHAPTER_TEXT.test(line)) return true;
    if (CHAPTER_HEADING.test(line) || WORK_TEXT.test(line)) return false;
  }
  return false;
}

/** Title, then an optional author line, with any `Rating:`-style tag lines around them. */
function headerMeta(lines: readonly string[]): Partial<WorkMeta> {
  const meta: Partial<WorkMeta> = {};
  const plain: string[] = [];
  const content = lines.map((line) => line.trim()).filter((line) => line && !PAGE_CHROME.test(line));
  for (let index = 0; index < content.length; index++) {
    const [label, inline] = splitLabel(content[index]!);
    if (label === undefined) {
      plain.push(content[index]!);
      continue;
    }
    const value = inline || content[++index] || '';
    applyAo3Label(meta, label, value.split(/,\s*/).filter(Boolean));
  }
  if (plain[0]) meta.title = plain[0];
  if (plain.length === 2) meta.author = plain[1]!.replace(/^by\s+/i, '');
  return meta;
}

function splitLabel(line: string): [label?: string, value?: string] {
  const match = /^([^:]+):\s*(.*)$/.exec(line);
  return match && isAo3Label(match[1]!) ? [match[1], match[2]] : [];
}

/**
 * Walks the landmarks: the work's summary to the metadata, notes away, text into its chapter. A chapter
 * heading opens its preface (summary, notes), which is dropped until "Chapter Text".
 */
function chapterDrafts(lines: readonly string[], from: number, meta: Partial<WorkMeta>): Draft[] {
  const drafts: Draft[] = [];
  const summary: string[] = [];
  let target: string[] | undefined;
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!;
    const landmark = line.trim();
    if (!LANDMARK_FIRST.has(landmark[0]!)) {
      target?.push(line);
      continue;
    }
    if (PAGE_CHROME.test(landmark)) break;
    if (WORK_TEXT.test(landmark)) target = startDraft(drafts, WORK_TITLE);
    else if (isChapterHeading(lines, index)) {
      startDraft(drafts, landmark);
      target = undefined;
    }
    else if (CHAPTER_TEXT.test(landmark)) target = drafts.at(-1)?.lines;
    else if (SUMMARY.test(landmark)) target = drafts.length === 0 ? summary : undefined;
    else if (NOTES.test(landmark)) target = undefined;
    else target?.push(line);
  }
  const summaryText = summary.map((line) => line.trim()).filter(Boolean).join('\n\n');
  if (summaryText) meta.summary = summaryText;
  return drafts;
}

function startDraft(drafts: Draft[], title: string): string[] {
  const draft = { title, lines: [] };
  drafts.push(draft);
  return draft.lines;
}

function layoutChapters(drafts: readonly Draft[]): Chapter[] {
  const sections: LineGroup[][] = drafts.map((draft) => groupLines(draft.lines));
  const hardWrapped = isHardWrapped(sections.flat());
  const separator = paragraphSeparator(sections, hardWrapped);
  const chapters = drafts.map((draft, index) => ({
    title: draft.title,
    blocks: layoutBlocks(sections[index]!, { separator, hardWrapped }),
  }));
  const withText = chapters.filter((chapter) => hasText(chapter.blocks));
  if (withText.length === 0) throw new UnreadableWork('AO3 page text with no chapter text');
  return withText;
}
