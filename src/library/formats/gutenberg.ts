import { parseUnderscoreItalics } from '../blocks/markdown-inline.js';
import { groupLines, isHardWrapped, layoutBlocks, paragraphSeparator, type LineGroup } from '../blocks/text-layout.js';
import type { Chapter, WorkMeta } from '../model.js';
import { UnreadableWork } from '../unreadable.js';
import { headLines, lineFormat, WORK_TITLE, type ParsedWork, type WorkFile } from './format.js';

const START = /^\*\*\*\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i;
const END = /^(?:\*\*\*\s*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the )?Project Gutenberg)/i;
const START_WITHIN = 600;
/** Enough for 600 lines of 200 characters, without splitting a whole book to look at its top. */
const HEADER_CHARS = 120_000;
const HEADING = /^(?:(?:CHAPTER|Chapter|BOOK|Book|PART|Part|STAVE|Stave|LETTER|Letter)\s+(?:[IVXLCDM]+|\d+|[A-Z][A-Za-z-]+)\b.*|PREFACE|INTRODUCTION|PROLOGUE|EPILOGUE|CONCLUSION|APPENDIX)\.?$/;
const HEADING_MAX = 80;
const PROSE_MIN = 120;

/** A Project Gutenberg text: licence stripped, wrapped lines rejoined, `_italics_` kept as spans. */
export const gutenberg = lineFormat('gutenberg', looksLikeGutenberg, parseGutenberg);

function looksLikeGutenberg(file: WorkFile): boolean {
  return startLine(headLines(file.lines, START_WITHIN, HEADER_CHARS)) !== -1;
}

function parseGutenberg(lines: readonly string[]): ParsedWork {
  const start = startLine(lines.slice(0, START_WITHIN));
  const end = lines.findIndex((line, index) => index > start && END.test(line.trim()));
  const groups = groupLines(lines.slice(start + 1, end === -1 ? lines.length : end));
  if (groups.length === 0) throw new UnreadableWork('Project Gutenberg text with nothing between its START and END lines');
  const hardWrapped = isHardWrapped(groups);
  const separator = paragraphSeparator([groups], hardWrapped);
  const chapters = splitChapters(groups).map(({ title, body }) => ({
    title,
    blocks: layoutBlocks(body, { separator, hardWrapped, toParagraph: parseUnderscoreItalics }),
  }));
  return { meta: headerMeta(lines.slice(0, Math.max(start, 0))), epigraph: [], chapters: chapters.filter(hasBlocks) };
}

function startLine(lines: readonly string[]): number {
  return lines.findIndex((line) => START.test(line.trim()));
}

function hasBlocks(chapter: Chapter): boolean {
  return chapter.blocks.length > 0;
}

function headerMeta(lines: readonly string[]): Partial<WorkMeta> {
  const field = (name: string) => lines.map((line) => new RegExp(`^${name}:\\s*(.+)$`).exec(line.trim())?.[1]).find(Boolean);
  const meta: Partial<WorkMeta> = { title: field('Title'), author: field('Author'), language: field('Language') };
  const number = /\[E-?Book #(\d+)\]/i.exec(lines.join('\n'))?.[1];
  if (number) meta.source = `https://www.gutenberg.org/ebooks/${number}`;
  return meta;
}

/**
 * A heading counts only when prose follows it before the next one: a contents list repeats every
 * heading with nothing between. What comes before the first heading (title page, contents) is dropped.
 */
function splitChapters(groups: readonly LineGroup[]): Array<{ title: string; body: LineGroup[] }> {
  const candidates = groups.flatMap((group, index) => (isHeading(group) ? [index] : []));
  const headings = candidates.filter((index, nth) => hasProse(groups.slice(index + 1, candidates[nth + 1] ?? groups.length)));
  if (headings.length === 0) return [{ title: WORK_TITLE, body: [...groups] }];
  return headings.map((index, nth) => {
    const next = headings[nth + 1] ?? groups.length;
    const group = groups[index]!;
    const titled = group.lines.length === 1 && index + 2 < next && isTitleLine(groups[index + 1]!);
    const title = titled ? groups[index + 1]!.lines[0]! : group.lines[1];
    return { title: chapterTitle(group.lines[0]!, title), body: groups.slice(index + (titled ? 2 : 1), next) };
  });
}

function isHeading(group: LineGroup): boolean {
  const first = group.lines[0]!.trim();
  return group.lines.length <= 2 && first.length <= HEADING_MAX && HEADING.test(first);
}

function hasProse(groups: readonly LineGroup[]): boolean {
  return groups.some((group) => group.lines.join(' ').length >= PROSE_MIN);
}

/** "Down the Rabbit-Hole" or "THE POOL OF TEARS." under a heading, not a first sentence. */
function isTitleLine(group: LineGroup): boolean {
  const line = group.lines[0]!.trim();
  const words = line.split(/\s+/);
  if (group.lines.length !== 1 || line.length > 70 || words.length > 12 || isHeading(group)) return false;
  const long = words.filter((word) => word.length > 3);
  const capitalised = long.filter((word) => /^[^\p{Ll}]*\p{Lu}/u.test(word)).length;
  return !/[.!?"”’,;]$/.test(line) || capitalised >= long.length * 0.6;
}

function chapterTitle(heading: string, title: string | undefined): string {
  const head = heading.trim();
  if (!title) return head;
  return /[.:]$/.test(head) ? `${head} ${title.trim()}` : `${head}: ${title.trim()}`;
}
