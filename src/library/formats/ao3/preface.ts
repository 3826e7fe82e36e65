import type { HTMLElement } from 'node-html-parser';
import { htmlBlocks } from '../../blocks/html-blocks.js';
import type { WorkMeta } from '../../model.js';
import { applyAo3Label } from './labels.js';

/**
 * The preface of AO3's HTML download, also found in the first file of its EPUB. Read by tag and text,
 * not by class, because calibre renames the classes in the EPUB.
 */
export function readAo3Preface(root: HTMLElement): Partial<WorkMeta> {
  const meta: Partial<WorkMeta> = {};
  const title = (root.querySelector('h1') ?? root.querySelector('.message b'))?.text.trim();
  if (title) meta.title = title;
  const authors = root.querySelectorAll('a[rel="author"]').map((a) => a.text.trim());
  if (authors.length > 0) meta.author = authors.join(', ');
  const dl = root.querySelector('dl');
  if (dl) readTagList(dl, meta);
  const summary = labelledBlockquote(root, 'Summary');
  if (summary) meta.summary = summary;
  const source = root.querySelectorAll('a').map((a) => a.getAttribute('href') ?? '').find((href) => /archiveofourown\.org\/works\/\d+/.test(href));
  if (source) meta.source = source;
  return meta;
}

export function isAo3Preface(root: HTMLElement): boolean {
  return /Archive of Our Own/i.test(root.text) && root.querySelectorAll('dt').some((dt) => /^Ratings?:$/.test(dt.text.trim()));
}

function readTagList(dl: HTMLElement, meta: Partial<WorkMeta>): void {
  let label: string | undefined;
  for (const child of dl.children) {
    const tag = child.rawTagName.toLowerCase();
    if (tag === 'dt') label = child.text;
    if (tag !== 'dd' || label === undefined) continue;
    const links = child.querySelectorAll('a').map((a) => a.text.trim());
    applyAo3Label(meta, label, links.length > 0 ? links : child.text.split(/,\s*/).map((value) => value.trim()).filter(Boolean));
    label = undefined;
  }
}

/** AO3 labels a summary or notes with a `<p>` and puts the text in the `<blockquote>` after it. */
function labelledBlockquote(root: HTMLElement, label: string): string | undefined {
  const marker = root.querySelectorAll('p').find((p) => p.text.trim() === label);
  const quote = marker?.nextElementSibling;
  if (!quote || quote.rawTagName.toLowerCase() !== 'blockquote') return undefined;
  const texts = htmlBlocks(quote).flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []));
  return texts.join('\n\n') || undefined;
}
