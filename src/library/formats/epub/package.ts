import { posix } from 'node:path';
import { unzipSync, type Unzipped } from 'fflate';
import { parse, type HTMLElement } from 'node-html-parser';
import { decodeMarkup } from '../../decode.js';
import type { WorkMeta } from '../../model.js';
import { UnreadableWork } from '../../unreadable.js';

export interface EpubItem {
  id: string;
  path: string;
  mediaType: string;
  properties: string;
}

/** An opened EPUB: its files, the OPF's manifest in spine order, and what the OPF says about the work. */
export interface EpubPackage {
  files: Unzipped;
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

export function openEpub(bytes: Uint8Array): EpubPackage {
  const files = unzip(bytes);
  const container = files['META-INF/container.xml'];
  if (!container) throw new UnreadableWork('a zip archive that is not an EPUB (no META-INF/container.xml)');
  const opfPath = parseXml(container).querySelector('rootfile')?.getAttribute('full-path');
  const opf = opfPath ? files[opfPath] : undefined;
  if (!opfPath || !opf) throw new UnreadableWork('EPUB whose container.xml names no package (.opf) file inside it');
  const root = parseXml(opf);
  const manifest = readManifest(root, posix.dirname(opfPath));
  const spineElement = byLocalName(root, 'spine')[0];
  const spine = byLocalName(root, 'itemref')
    .filter((ref) => ref.getAttribute('linear') !== 'no')
    .map((ref) => manifest.get(ref.getAttribute('idref') ?? ''))
    .filter((item): item is EpubItem => item !== undefined && XHTML_TYPES.has(item.mediaType));
  return { files, manifest, spine, ncxId: spineElement?.getAttribute('toc'), meta: readOpfMeta(root) };
}

export function readText(epub: EpubPackage, path: string): string | undefined {
  const bytes = epub.files[path];
  return bytes && decodeMarkup(bytes);
}

export function parseXml(source: Uint8Array | string): HTMLElement {
  const text = typeof source === 'string' ? source : decodeMarkup(source);
  return parse(text, { comment: false, lowerCaseTagName: false });
}

/** Elements by name whatever their namespace prefix (`dc:title`, `opf:item`, `item`). */
export function byLocalName(root: HTMLElement, name: string): HTMLElement[] {
  return root.querySelectorAll('*').filter((element) => element.rawTagName.toLowerCase().split(':').pop() === name);
}

/** A link inside the book, relative to the file holding it, as a path in the zip. */
export function resolveHref(fromDir: string, href: string): string {
  const path = href.split('#')[0]!;
  return posix.normalize(posix.join(fromDir, safeDecode(path)));
}

function unzip(bytes: Uint8Array): Unzipped {
  try {
    return unzipSync(bytes);
  } catch (error) {
    throw new UnreadableWork(`a damaged zip archive (${(error as Error).message})`);
  }
}

function readManifest(root: HTMLElement, dir: string): Map<string, EpubItem> {
  const manifest = new Map<string, EpubItem>();
  for (const item of byLocalName(root, 'item')) {
    const id = item.getAttribute('id');
    const href = item.getAttribute('href');
    if (!id || !href) continue;
    const mediaType = item.getAttribute('media-type') ?? '';
    manifest.set(id, { id, path: resolveHref(dir, href), mediaType, properties: item.getAttribute('properties') ?? '' });
  }
  return manifest;
}

function readOpfMeta(root: HTMLElement): Partial<WorkMeta> {
  const first = (name: string) => byLocalName(root, name)[0]?.text.trim() || undefined;
  const meta: Partial<WorkMeta> = {};
  const title = first('title');
  const creators = byLocalName(root, 'creator').map((creator) => creator.text.trim()).filter(Boolean);
  const language = first('language');
  const subjects = byLocalName(root, 'subject').map((subject) => subject.text.trim()).filter(Boolean);
  if (title) meta.title = title;
  if (creators.length > 0) meta.author = creators.join(', ');
  if (language) meta.language = language;
  if (subjects.length > 0) meta.tags = subjects;
  const description = first('description');
  if (description) meta.summary = parse(description).text.trim();
  return meta;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
