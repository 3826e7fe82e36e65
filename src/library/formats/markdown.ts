import { parse as parseYaml } from 'yaml';
import { parseMarkdownInline } from '../blocks/markdown-inline.js';
import { paragraph, SCENE_BREAK, tidyBlocks, trimAscii } from '../blocks/tidy.js';
import { validateMeta } from '../meta.js';
import type { Block, Chapter, WorkMeta } from '../model.js';
import { UnreadableWork } from '../unreadable.js';
import { WORK_TITLE, type Format, type ParsedWork } from './format.js';

const FILE_NAME = /\.(?:md|markdown)$/i;
const FRONT_MATTER_OPENS = /^---[ \t]*$/;
const FRONT_MATTER_CLOSES = /^(?:---|\.\.\.)[ \t]*$/;
const ATX_HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

interface Heading {
  line: number;
  level: number;
  text: string;
}

/**
 * Markdown with YAML front matter: the top heading level is chapters, except a lone `#` above `##`
 * headings, which names the work. Deeper headings stay in the text. Without front matter, only the
 * file's name says it is Markdown.
 */
export const markdown = {
  name: 'markdown',
  detect: ({ name, lines }) => (splitFrontMatter(lines).yaml !== undefined ? 'content' : FILE_NAME.test(name) ? 'name' : undefined),
  parse: ({ lines }) => parseMarkdown(lines),
} as const satisfies Format;

/**
 * The YAML of front matter that opens the file (`---`, the YAML, then `---` or `...`), and the lines after
 * it: all of them when there is none.
 */
export function splitFrontMatter(lines: readonly string[]): { yaml?: string; body: readonly string[] } {
  if (!FRONT_MATTER_OPENS.test(lines[0]!)) return { body: lines };
  // The YAML may be empty, but a blank line must then hold its place: `---` right under `---` closes nothing.
  const end = lines.findIndex((line, index) => index >= 2 && FRONT_MATTER_CLOSES.test(line));
  if (end === -1) return { body: lines };
  // A file that ends on the closing line still has one (empty) line after it, as the text split at LF would.
  return { yaml: lines.slice(1, end).join('\n'), body: end + 1 < lines.length ? lines.slice(end + 1) : [''] };
}

function parseMarkdown(fileLines: readonly string[]): ParsedWork {
  const { yaml, body: lines } = splitFrontMatter(fileLines);
  const meta = yaml === undefined ? {} : frontMatter(yaml);
  const headings = lines.flatMap((line, index) => headingAt(line, index));
  const titleHeading = workTitleHeading(headings);
  if (titleHeading && !meta.title) meta.title = titleHeading.text;
  const level = titleHeading ? 2 : Math.min(...headings.map((heading) => heading.level));
  const chapterHeadings = headings.filter((heading) => heading.level === level && level <= 2);
  const sections = [
    { title: WORK_TITLE, from: titleHeading ? titleHeading.line + 1 : 0 },
    ...chapterHeadings.map((heading) => ({ title: heading.text, from: heading.line + 1 })),
  ];
  const chapters: Chapter[] = sections.map((section, index) => ({
    title: section.title,
    blocks: markdownBlocks(lines.slice(section.from, (chapterHeadings[index]?.line ?? lines.length))),
  }));
  const withText = chapters.filter((chapter) => chapter.blocks.length > 0);
  if (withText.length === 0) throw new UnreadableWork('Markdown file with no text');
  return { meta, epigraph: [], chapters: withText };
}

function frontMatter(source: string): Partial<WorkMeta> {
  let data: unknown;
  try {
    data = parseYaml(source);
  } catch (error) {
    throw new UnreadableWork(`front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const result = validateMeta(data ?? {}, { strict: false });
  if (!result.ok) throw new UnreadableWork(`front matter: ${result.problem}`);
  return result.meta;
}

function headingAt(line: string, index: number): Heading[] {
  const match = ATX_HEADING.exec(line);
  return match ? [{ line: index, level: match[1]!.length, text: match[2]!.trim() }] : [];
}

/** A lone `#` heading above the `##` ones names the work; several `#` headings are chapters. */
function workTitleHeading(headings: readonly Heading[]): Heading | undefined {
  const top = headings.filter((heading) => heading.level === 1);
  return top.length === 1 && headings[0] === top[0] && headings.some((heading) => heading.level === 2) ? top[0] : undefined;
}

function markdownBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let pending: string[] = [];
  const flush = () => {
    if (pending.length > 0) blocks.push(parseMarkdownInline(joinSoftBreaks(pending)));
    pending = [];
  };
  for (const line of lines) {
    const heading = ATX_HEADING.exec(line);
    if (!/\S/.test(line)) flush();
    else if (THEMATIC_BREAK.test(line)) {
      flush();
      blocks.push(SCENE_BREAK);
    } else if (heading) {
      flush();
      blocks.push(paragraph(heading[2]!.trim()));
    } else pending.push(line.replace(/^ {0,3}> ?/, ''));
  }
  flush();
  return tidyBlocks(blocks);
}

/** Lines of one paragraph join with a space; two trailing spaces or a backslash make a line break. */
function joinSoftBreaks(lines: readonly string[]): string {
  return lines
    .map((line, index) => {
      const last = index === lines.length - 1;
      const marker = hardBreakMarker(line);
      return trimAscii(marker === 0 ? line : line.slice(0, -marker)) + (last ? '' : marker > 0 ? '\n' : ' ');
    })
    .join('');
}

/**
 * How many characters at the line's end make a hard break (two or more spaces, or a backslash), or 0. Read
 * back from the end: a regex anchored at the end still tries every position of a long line.
 */
function hardBreakMarker(line: string): number {
  if (line.endsWith('\\')) return 1;
  let spaces = 0;
  while (line.charCodeAt(line.length - 1 - spaces) === 0x20) spaces++;
  return spaces >= 2 ? spaces : 0;
}
