import { htmlBlocks } from '../../blocks/html-blocks.js';
import { attribute, childElements, hasClass, textOf, type AnyNode, type Element } from '../../blocks/html-tree.js';
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
export function ao3Sections(container: AnyNode): Ao3Section[] {
  const sections: Ao3Section[] = [];
  for (const child of childElements(unwrap(container))) {
    const heading = headingOf(child);
    if (heading) sections.push(isTocHeading(heading) ? { blocks: [] } : { heading: textOf(heading).trim(), blocks: [] });
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
function unwrap(container: AnyNode): AnyNode {
  let current = container;
  for (let only = soleChild(current); only?.name === 'div'; only = soleChild(current)) current = only;
  return current;
}

function soleChild(node: AnyNode): Element | undefined {
  const children = childElements(node);
  return children.length === 1 ? children[0] : undefined;
}

function headingOf(element: Element): Element | undefined {
  if (HEADING.test(element.name)) return element;
  const first = childElements(element)[0];
  return element.name === 'div' && first && HEADING.test(first.name) ? first : undefined;
}

function isTocHeading(heading: Element): boolean {
  return hasClass(heading, 'toc-heading');
}

function isNotes(element: Element): boolean {
  const first = childElements(element)[0];
  return /^endnotes/.test(attribute(element, 'id') ?? '') || (first?.name === 'p' && APPARATUS_LABELS.has(textOf(first).trim()));
}
