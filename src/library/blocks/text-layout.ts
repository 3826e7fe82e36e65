import type { Block, Paragraph } from '../model.js';
import { paragraph, SCENE_BREAK, tidyBlocks, trimAscii } from './tidy.js';

/** Consecutive non-blank lines, with the number of blank lines that came before them. */
export interface LineGroup {
  lines: string[];
  blanksBefore: number;
}

const WRAP_WIDTH = 80;

/** A line of nothing but spaces (no-break ones included) separates text; it carries none. */
export function isBlankLine(line: string): boolean {
  const first = line.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return !/\S/.test(line);
}

export function groupLines(lines: readonly string[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let blanks = 0;
  let current: LineGroup | undefined;
  for (const line of lines) {
    if (isBlankLine(line)) {
      blanks++;
      current = undefined;
    } else if (current) {
      current.lines.push(line);
    } else {
      current = { lines: [line], blanksBefore: blanks };
      groups.push(current);
      blanks = 0;
    }
  }
  return groups;
}

/** Gutenberg, FanFicFare and e-mail texts break lines near 80 columns inside paragraphs. */
export function isHardWrapped(groups: readonly LineGroup[]): boolean {
  let lines = 0;
  let long = 0;
  for (const group of groups) {
    lines += group.lines.length;
    for (const line of group.lines) if (line.length > WRAP_WIDTH + 2) long++;
  }
  const continued = lines - groups.length;
  return lines > 0 && long <= lines * 0.02 && continued >= lines * 0.2;
}

/**
 * The file's own paragraph separator: its most common blank run between groups (the shorter on a tie),
 * counted over sections of one file (chapters) whose first gaps are headings' and do not count.
 * Unwrapped files may put paragraphs on consecutive lines, so a run of 0 counts for them too.
 */
export function paragraphSeparator(sections: readonly (readonly LineGroup[])[], hardWrapped: boolean): number {
  const counts = new Map<number, number>();
  const add = (run: number, times: number) => counts.set(run, (counts.get(run) ?? 0) + times);
  for (const groups of sections) {
    groups.forEach((group, index) => {
      if (index > 0) add(group.blanksBefore, 1);
      if (!hardWrapped) add(0, group.lines.length - 1);
    });
  }
  let best = 1;
  let bestCount = 0;
  for (const [run, count] of [...counts].sort(([a], [b]) => a - b)) {
    if (count > bestCount) [best, bestCount] = [run, count];
  }
  return best;
}

export interface LayoutOptions {
  separator: number;
  hardWrapped: boolean;
  toParagraph?: (text: string) => Paragraph;
}

/** Paragraphs and scene breaks: a blank run longer than the separator is a scene break. */
export function layoutBlocks(groups: readonly LineGroup[], options: LayoutOptions): Block[] {
  const toParagraph = options.toParagraph ?? ((text: string) => paragraph(text));
  const blocks: Block[] = [];
  groups.forEach((group, index) => {
    if (index > 0 && group.blanksBefore > options.separator) blocks.push(SCENE_BREAK);
    const texts = options.separator === 0 ? group.lines : [joinLines(group.lines, options.hardWrapped)];
    for (const text of texts) blocks.push(toParagraph(trimAscii(text)));
  });
  return tidyBlocks(blocks);
}

/** Wrapped prose rejoins with spaces; short lines (verse, addresses) keep their line breaks. */
export function joinLines(lines: readonly string[], hardWrapped: boolean): string {
  if (lines.length === 1) return trimAscii(lines[0]!);
  const trimmed = lines.map(trimAscii);
  const prose = hardWrapped && lines.slice(0, -1).some((line) => line.length >= 50);
  return trimmed.join(prose ? ' ' : '\n');
}
