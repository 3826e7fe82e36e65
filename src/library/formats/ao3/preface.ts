import { htmlBlocks } from '../../blocks/html-blocks.js';
import { attribute, childElements, nextElement, querySelector, querySelectorAll, textOf, type AnyNode, type Element } from '../../blocks/html-tree.js';
import type { WorkMeta } from '../../model.js';
import { applyAo3Label } from './labels.js';

/**
 * The preface of AO3's HTML download, also found in the first file of its EPUB. Read by tag and text,
 * not by class, because calibre renames the classes in the EPUB.
 */
export function readAo3Preface(root: AnyNode): Partial<WorkMeta> {
  const meta: Partial<WorkMeta> = {};
  const title = textOf(querySelector(root, 'h1') ?? querySelector(root, '.message b')).trim();
  if (title) meta.title = title;
  const authors = querySelectorAll(root, 'a[rel="author"]').map((a) => textOf(a).trim());
  if (authors.length > 0) meta.author = authors.join(', ');
  const dl = querySelector(root, 'dl');
  if (dl) readTagList(dl, meta);
  const summary = labelledBlockquote(root, 'Summary');
  if (summary) meta.summary = summary;
  const source = querySelectorAll(root, 'a').map((a) => attribute(a, 'href') ?? '').find((href) => /archiveofourown\.org\/works\/\d+/.test(href));
  if (source) meta.source = source;
  return meta;
}

/** The rating's label first: a chapter file has no `<dt>`, so its whole text is never read. */
export function isAo3Preface(root: AnyNode): boolean {
  return querySelectorAll(root, 'dt').some((dt) => /^Ratings?:$/.test(textOf(dt).trim())) && /Archive of Our Own/i.test(textOf(root));
}

function readTagList(dl: Element, meta: Partial<WorkMeta>): void {
  let label: string | undefined;
  for (const child of childElements(dl)) {
    if (child.name === 'dt') label = textOf(child);
    if (child.name !== 'dd' || label === undefined) continue;
    const links = querySelectorAll(child, 'a').map((a) => textOf(a).trim());
    applyAo3Label(meta, label, links.length > 0 ? links : textOf(child).split(/,\s*/).map((value) => value.trim()).filter(Boolean));
    label = undefined;
  }
}

/** AO3 labels a summary or notes with a `<p>` and puts the text in the `<blockquote>` after it. */
function labelledBlockquote(root: AnyNode, label: string): string | undefined {
  const marker = querySelectorAll(root, 'p').find((p) => textOf(p).trim() === label);
  const quote = marker && nextElement(marker);
  if (!quote || quote.name !== 'blockquote') return undefined;
  const texts = htmlBlocks(quote).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  return texts.join('\n\n') || undefined;
}
