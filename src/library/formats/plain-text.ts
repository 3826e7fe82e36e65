import { groupLines, isHardWrapped, layoutBlocks, paragraphSeparator, type LineGroup } from '../blocks/text-layout.js';
import { isSceneBreakMarker, trimAscii } from '../blocks/tidy.js';
import { UnreadableWork } from '../unreadable.js';
import { WORK_TITLE, type Format, type ParsedWork } from './format.js';

const TITLE_MAX = 100;
const EPIGRAPH_MAX_LINES = 6;
const EPIGRAPH_MAX_CHARS = 400;
const ATTRIBUTION_MAX = 60;

/** Any text no other format claims. */
export const plainText = {
  name: 'text',
  detect: () => 'fallback',
  parse: ({ lines }) => parsePlainText(lines),
} as const satisfies Format;

/** A title line, an optional epigraph, then paragraphs split by the file's own blank-line rhythm. */
function parsePlainText(lines: readonly string[]): ParsedWork {
  const groups = groupLines(lines);
  const title = titleOf(groups);
  const body = title === undefined ? groups : groups.slice(1);
  const hardWrapped = isHardWrapped(body);
  const separator = paragraphSeparator([body], hardWrapped);
  const epigraphSize = epigraphGroups(body, separator);
  const epigraph = body.slice(0, epigraphSize).flatMap((group) => group.lines.map(trimAscii));
  const blocks = layoutBlocks(body.slice(epigraphSize), { separator, hardWrapped });
  if (blocks.length === 0) throw new UnreadableWork('no text after the title line');
  return { meta: title === undefined ? {} : { title }, epigraph, chapters: [{ title: WORK_TITLE, blocks }] };
}

/** The first line is the title when it stands alone, is short, is not a long sentence, and text follows it. */
function titleOf(groups: readonly LineGroup[]): string | undefined {
  const [first, second] = groups;
  const line = first?.lines[0]?.trim();
  if (!first || !second || first.lines.length !== 1 || !line || line.length > TITLE_MAX) return undefined;
  const sentence = /[.,;:]$/.test(line) && line.split(/\s+/).length > 6;
  return isSceneBreakMarker(line) || sentence ? undefined : line;
}

/**
 * Short lines set apart from the body by a blank run longer than a paragraph break, ending in what
 * reads as an attribution: "A tiny spark can set a great forest on fire" / "James 3:5".
 */
function epigraphGroups(body: readonly LineGroup[], separator: number): number {
  let lines = 0;
  let chars = 0;
  for (let index = 0; index < body.length - 1; index++) {
    const group = body[index]!;
    lines += group.lines.length;
    chars += group.lines.reduce((sum, line) => sum + line.length, 0);
    if (lines > EPIGRAPH_MAX_LINES || chars > EPIGRAPH_MAX_CHARS) return 0;
    if (body[index + 1]!.blanksBefore > separator) return isAttribution(group.lines.at(-1)!) && lines > 1 ? index + 1 : 0;
  }
  return 0;
}

/** "James 3:5", "— Oscar Wilde": short, and not a sentence. */
function isAttribution(line: string): boolean {
  const text = line.trim();
  return text.length <= ATTRIBUTION_MAX && (/^[-–—~]/.test(text) || !/[.!?"”’…]$/.test(text));
}
