import { posix } from 'node:path';
import { attribute, querySelectorAll, textOf } from '../../blocks/html-tree.js';
import { byLocalName, parseXml, readText, resolveHref, type EpubPackage } from './package.js';

/** The table of contents as file path -> the first title that points into that file. */
export function readToc(epub: EpubPackage): Map<string, string> {
  const entries = navEntries(epub) ?? ncxEntries(epub) ?? [];
  const toc = new Map<string, string>();
  for (const [path, title] of entries) if (title && !toc.has(path)) toc.set(path, title);
  return toc;
}

/** EPUB 3: the `nav` document, its `toc` nav (or its first one). */
function navEntries(epub: EpubPackage): Array<[string, string]> | undefined {
  const item = [...epub.manifest.values()].find((candidate) => candidate.properties.split(/\s+/).includes('nav'));
  const text = item && readText(epub, item.path);
  if (!item || !text) return undefined;
  const navs = byLocalName(parseXml(text), 'nav');
  const nav = navs.find((candidate) => attribute(candidate, 'epub:type') === 'toc') ?? navs[0];
  const dir = posix.dirname(item.path);
  return nav && querySelectorAll(nav, 'a').map((a) => [resolveHref(dir, attribute(a, 'href') ?? ''), collapse(textOf(a))]);
}

/** EPUB 2: the NCX's navPoints in document order. */
function ncxEntries(epub: EpubPackage): Array<[string, string]> | undefined {
  const item = (epub.ncxId && epub.manifest.get(epub.ncxId)) ||
    [...epub.manifest.values()].find((candidate) => candidate.mediaType === 'application/x-dtbncx+xml');
  const text = item && readText(epub, item.path);
  if (!item || !text) return undefined;
  const dir = posix.dirname(item.path);
  return byLocalName(parseXml(text), 'navpoint').map((point) => {
    const label = textOf(byLocalName(point, 'text')[0]);
    const content = byLocalName(point, 'content')[0];
    const src = (content && attribute(content, 'src')) ?? '';
    return [resolveHref(dir, src), collapse(label)];
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
