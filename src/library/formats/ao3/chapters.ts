import type { HTMLElement } from 'node-html-parser';
import { htmlBlocks } from '../../blocks/html-blocks.js';
import type { Block } from '../../model.js';

const HEADING = /^h[1-3]$/;
const APPARATUS_LABELS = new Set(['Summary', 'Notes', 'End Notes', 'Chapter Summary', 'Chapter Notes', 'Chapter End Notes']);

/** One chapter of an AO3 download: its heading as shown (absent for a one-shot) and its text. */
export interface Ao3Section {
  heading?: string;
  blocks: Block[];
}

/**
 * Splits AO3's `#chapters` (or one chapter file of its EPUB) into chapters. A `div` that opens with a
 * heading is a chapter's preface, one that opens with a "Chapter End Notes"-style label is notes:
 * neither is chapter text.
 */
export function ao3Sections(container: HTMLElement): Ao3Section[] {
  const sections: Ao3Section[] = [];
  for (const child of unwrap(container).children) {
    const heading = headingOf(child);
    if (heading) sections.push(isTocHeading(heading) ? { blocks: [] } : { heading: heading.text.trim(), blocks: [] });
    if (heading || isNotes(child)) continue;
    if (sections.length === 0) sections.push({ blocks: [] });
    sections.at(-1)!.blocks.push(...htmlBlocks(child));
  }
  return sections;
}

/** New AO3 headings say "Chapter 2: Title"; old ones only "Title". Both read the new way. */
export function ao3ChapterTitle(heading: string, number: number): string {
  return /^Chapter \d+\b/.test(heading) ? heading : `Chapter ${number}: ${heading}`;
}

/** calibre may wrap a whole chapter file in one `div`. */
function unwrap(container: HTMLElement): HTMLElement {
  let current = container;
  while (current.children.length === 1 && current.children[0]!.rawTagName.toLowerCase() === 'div') current = current.children[0]!;
  return current;
}

function headingOf(element: HTMLElement): HTMLElement | undefined {
  if (HEADING.test(element.rawTagName.toLowerCase())) return element;
  const first = element.children[0];
  return element.rawTagName.toLowerCase() === 'div' && first && HEADING.test(first.rawTagName.toLowerCase()) ? first : undefined;
}

function isTocHeading(heading: HTMLElement): boolean {
  return heading.classList.contains('toc-heading');
}

function isNotes(element: HTMLElement): boolean {
  const first = element.children[0];
  return /^endnotes/.test(element.id) || (first?.rawTagName.toLowerCase() === 'p' && APPARATUS_LABELS.has(first.text.trim()));
}
