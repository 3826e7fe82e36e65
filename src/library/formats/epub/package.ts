import { posix } from 'node:path';
import { attribute, parseHtml, parseXml as parseXmlText, querySelectorAll, textOf, type AnyNode, type Element } from '../../blocks/html-tree.js';
import { decodeMarkup, decodeMarkupPieces } from '../../decode.js';
import type { WorkMeta } from '../../model.js';
import { UnreadableWork } from '../../unreadable.js';
import { BookFiles } from './book-files.js';

export interface EpubItem {
  id: string;
  path: string;
  mediaType: string;
  properties: string;
}

/** An opened EPUB: its files, the OPF's manifest in spine order, and what the OPF says about the work. */
export interface EpubPackage {
  files: BookFiles;
  manifest: Map<string, EpubItem>;
  spine: EpubItem[];
  /** The manifest id of the EPUB 2 table of contents (the spine's `toc` attribute). */
  ncxId?: string;
  meta: Partial<WorkMeta>;
}

const XHTML_TYPES = new Set(['application/xhtml+xml', 'text/html']);

export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The book's package, with every file its spine and contents need inflated within the limits before any is parsed. */
export function openEpub(bytes: Uint8Array): EpubPackage {
  const files = BookFiles.open(bytes);
  const container = files.get('META-INF/container.xml');
  if (!container) throw new UnreadableWork('a zip archive that is not an EPUB (no META-INF/container.xml)');
  const rootfile = byLocalName(parseXml(container), 'rootfile')[0];
  const opfPath = rootfile && attribute(rootfile, 'full-path');
  const opf = opfPath ? files.get(opfPath) : undefined;
  if (!opfPath || !opf) throw new UnreadableWork('EPUB whose container.xml names no package (.opf) file inside it');
  const root = parseXml(opf);
  const manifest = readManifest(root, posix.dirname(opfPath));
  const spineElement = byLocalName(root, 'spine')[0];
  const ncxId = spineElement && attribute(spineElement, 'toc');
  const spine = spineItems(root, manifest);
  const needed = [...spine.map((item) => item.path), ...tocPaths(manifest, ncxId)];
  files.checkDeclared(needed);
  for (const path of needed) files.get(path);
  return { files, manifest, spine, ncxId, meta: readOpfMeta(root) };
}

/** The spine's documents in order, each once: a spine that names a file again (or two items naming one file) shows it once. */
function spineItems(root: AnyNode, manifest: ReadonlyMap<string, EpubItem>): EpubItem[] {
  const seen = new Set<string>();
  const spine: EpubItem[] = [];
  for (const ref of byLocalName(root, 'itemref')) {
    const item = attribute(ref, 'linear') === 'no' ? undefined : manifest.get(attribute(ref, 'idref') ?? '');
    if (!item || !XHTML_TYPES.has(item.mediaType) || seen.has(item.path)) continue;
    seen.add(item.path);
    spine.push(item);
  }
  return spine;
}

/** Where the contents may be: the nav document and the NCX, which toc.ts reads. */
function tocPaths(manifest: ReadonlyMap<string, EpubItem>, ncxId: string | undefined): string[] {
  return [...manifest.values()]
    .filter((item) => item.properties.split(/\s+/).includes('nav') || item.mediaType === 'application/x-dtbncx+xml' || item.id === ncxId)
    .map((item) => item.path);
}

export function readText(epub: EpubPackage, path: string): string | undefined {
  const bytes = epub.files.get(path);
  return bytes && decodeMarkup(bytes);
}

/** readText's text in pieces that join into it (decode.ts), for a chapter's document. */
export function readPieces(epub: EpubPackage, path: string): string[] | undefined {
  const bytes = epub.files.get(path);
  return bytes && decodeMarkupPieces(bytes);
}

export function parseXml(source: Uint8Array | string): AnyNode {
  return parseXmlText(typeof source === 'string' ? source : decodeMarkup(source));
}

/** Elements by name whatever their namespace prefix (`dc:title`, `opf:item`, `item`). */
export function byLocalName(root: AnyNode, name: string): Element[] {
  return querySelectorAll(root, '*').filter((element) => element.name.toLowerCase().split(':').pop() === name);
}

/** A link inside the book, relative to the file holding it, as a path in the zip. */
export function resolveHref(fromDir: string, href: string): string {
  const path = href.split('#')[0]!;
  return posix.normalize(posix.join(fromDir, safeDecode(path)));
}

function readManifest(root: AnyNode, dir: string): Map<string, EpubItem> {
  const manifest = new Map<string, EpubItem>();
  for (const item of byLocalName(root, 'item')) {
    const id = attribute(item, 'id');
    const href = attribute(item, 'href');
    if (!id || !href) continue;
    const mediaType = attribute(item, 'media-type') ?? '';
    manifest.set(id, { id, path: resolveHref(dir, href), mediaType, properties: attribute(item, 'properties') ?? '' });
  }
  return manifest;
}

function readOpfMeta(root: AnyNode): Partial<WorkMeta> {
  const first = (name: string) => textOf(byLocalName(root, name)[0]).trim() || undefined;
  const meta: Partial<WorkMeta> = {};
  const title = first('title');
  const creators = byLocalName(root, 'creator').map((creator) => textOf(creator).trim()).filter(Boolean);
  const language = first('language');
  const subjects = byLocalName(root, 'subject').map((subject) => textOf(subject).trim()).filter(Boolean);
  if (title) meta.title = title;
  if (creators.length > 0) meta.author = creators.join(', ');
  if (language) meta.language = language;
  if (subjects.length > 0) meta.tags = subjects;
  const description = first('description');
  if (description) meta.summary = textOf(parseHtml(description)).trim();
  return meta;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
