import { statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { packedChapter } from './blocks/packed-blocks.js';
import { compareFiles, listLibrary, readWorkFile, realLibraryDir, workFilePath } from './files.js';
import { parseWork } from './formats/registry.js';
import { loweredRating, mergeMeta } from './meta.js';
import type { Library, LoadedFile, LoadedFiles, LoadWarning, SkippedFile, Work, WorkMeta } from './model.js';
import { isSidecar, readSidecar, sidecarFor } from './sidecar.js';
import { UnreadableWork } from './unreadable.js';
import { assignIds, type IdClaims } from './work-ids.js';

/** Links resolve and sidecars are read asynchronously, this many at once; work files are read synchronously (files.ts). */
const CONCURRENT_READS = 8;

type Parsed = { file: string; work: Omit<Work, 'id'>; warnings: LoadWarning[] };
type Loaded = Parsed | SkippedFile;

/**
 * Every work in the folder, sorted by title, and every file (or subfolder) that could not become one, sorted
 * by name, with the reason. An empty folder is an empty library and a missing one says `missing`; the caller
 * says so. `claims` are the ids given before (see work-ids.ts); the result's claims add the new ones.
 *
 * `previous` is an earlier load's `loaded`: a work file whose stamp (its and its sidecar's size, times and
 * inode) has not changed since is not read again, and keeps its Work object, with the pages and text already
 * built for it. A file that changed and can no longer be read keeps its previous version, with a warning,
 * so that a half-written or broken replacement never takes a good work away (README "A living library").
 */
export async function loadLibrary(dir: string, claims: IdClaims = new Map(), previous: LoadedFiles = new Map()): Promise<Library> {
  const { files, links, unreadableFolders, missing } = await listLibrary(dir);
  if (missing) return { works: [], skipped: [], warnings: [], missing, claims: new Map(claims), loaded: new Map() };
  const root = await realLibraryDir(dir);
  const workFiles = files.filter((file) => !isSidecar(file));
  const found = { listed: new Set(files), links };
  const reloading = previous.size > 0;
  const entries = await mapConcurrently(workFiles, (file) => loadOrReuse(dir, root, file, found, previous.get(file), reloading));
  const parsed = entries.flatMap((entry) => ('work' in entry.result ? [{ ...entry, work: entry.result.work }] : []));
  const assigned = assignIds(parsed.map((entry) => ({ file: entry.file, title: entry.work.meta.title })), claims);
  const loaded = new Map<string, LoadedFile>();
  const works = parsed.map((entry, index): Work => {
    const id = assigned.ids[index]!;
    const work = entry.previousWork?.id === id ? entry.previousWork : { ...entry.work, id };
    loaded.set(entry.file, { stamp: entry.stamp, work, warnings: entry.warnings });
    return work;
  });
  for (const entry of entries) if ('reason' in entry.result) loaded.set(entry.file, { stamp: entry.stamp, skipped: entry.result });
  const skipped = [...entries.flatMap((entry) => ('reason' in entry.result ? [entry.result] : [])), ...unreadableFolders, ...orphanSidecars(files, workFiles)];
  const warnings = parsed.flatMap((entry) => entry.warnings);
  return {
    works: works.sort(byTitle), skipped: skipped.sort((a, b) => compareFiles(a.file, b.file)), warnings, missing,
    claims: assigned.claims, loaded,
  };
}

interface Entry {
  file: string;
  stamp: string;
  result: { file: string; work: Omit<Work, 'id'> } | SkippedFile;
  warnings: LoadWarning[];
  /** The Work an earlier load made of this file, reused when the file has not changed (or could not be read again). */
  previousWork?: Work;
}

async function loadOrReuse(dir: string, root: string, file: string, found: Found, before: LoadedFile | undefined, reloading: boolean): Promise<Entry> {
  const sidecar = sidecarFor(file);
  const info = statOf(join(dir, file));
  const stamp = `${stampOf(info)} ${found.listed.has(sidecar) ? stampOf(statOf(join(dir, sidecar))) : '-'}`;
  if (before && before.stamp === stamp) {
    return before.work
      ? { file, stamp, result: { file, work: before.work }, warnings: before.warnings, previousWork: before.work }
      : { file, stamp, result: before.skipped, warnings: [] };
  }
  // A link's target is read by its real path, which the read stats itself.
  const known = info instanceof Error || found.links.has(file) ? undefined : info;
  const loaded = await loadFile(dir, root, file, found, reloading, known);
  if ('reason' in loaded && before?.work) {
    const warning = `a new version could not be read (${loaded.reason}); the previous version is still shown`;
    return { file, stamp, result: { file, work: before.work }, warnings: [{ file, warning }], previousWork: before.work };
  }
  return 'work' in loaded ? { file, stamp, result: loaded, warnings: loaded.warnings } : { file, stamp, result: loaded, warnings: [] };
}

/** A file's stat (a link's is its target's), or why there is none. */
function statOf(path: string): Stats | NodeJS.ErrnoException {
  try {
    return statSync(path);
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

/** Changes when the file is written, replaced or renamed over (size, modification and change times, inode). */
function stampOf(info: Stats | NodeJS.ErrnoException): string {
  return info instanceof Error ? `unreadable:${info.code ?? ''}` : `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`;
}

/** What the listing found: every file, and which of them are links. */
interface Found {
  listed: ReadonlySet<string>;
  links: ReadonlySet<string>;
}

/** `info`, when given, is the file's stat that its stamp was made from: the read uses it rather than asking again. */
async function loadFile(dir: string, root: string, file: string, found: Found, alone: boolean, info: Stats | undefined): Promise<Loaded> {
  try {
    const path = await workFilePath(root, join(dir, file), found.links.has(file));
    const parsed = parseWork(file, readWorkFile(path, info));
    const sidecar = sidecarFor(file);
    const fromSidecar = found.listed.has(sidecar) ? await readSidecar(root, join(dir, sidecar), sidecar, found.links.has(sidecar)) : {};
    const meta = mergeMeta(parsed.meta, fromSidecar, titleFromFileName(file));
    const lowered = loweredRating(parsed.meta, fromSidecar);
    const warning = lowered && `sidecar ${sidecar} rates it ${lowered.sidecar}, lower than the file's own ${lowered.file}; the sidecar wins`;
    return { file, work: heldWork(file, parsed, meta, alone), warnings: warning ? [{ file, warning }] : [] };
  } catch (error) {
    const reason = error instanceof UnreadableWork ? error.message : `could not be parsed (${(error as Error).message})`;
    return { file, reason };
  }
}

/**
 * The work as the library keeps it, made as soon as its file is parsed so that no file's parse outlives it:
 * blocks packed (blocks/packed-blocks.ts), and the short strings kept (metadata, titles, epigraph) copied
 * out of the file's text, of which V8 would otherwise keep every byte alive behind each substring.
 */
function heldWork(file: string, parsed: ReturnType<typeof parseWork>, fileMeta: WorkMeta, alone: boolean): Omit<Work, 'id'> {
  const { meta, epigraph, titles } = structuredClone({
    meta: fileMeta,
    epigraph: parsed.epigraph,
    titles: parsed.chapters.map((chapter) => chapter.title || fileMeta.title),
  });
  const chapters = parsed.chapters.map((chapter, index) => packedChapter(titles[index]!, chapter.blocks, alone));
  return { file, format: parsed.format, meta, epigraph, chapters };
}

// One collator for the sort: localeCompare with options builds one for every comparison.
const titleOrder = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

function byTitle(a: Work, b: Work): number {
  return titleOrder.compare(a.meta.title, b.meta.title) || compareFiles(a.file, b.file);
}

export function titleFromFileName(file: string): string {
  const base = file.slice(file.lastIndexOf('/') + 1).replace(/\.[^.]*$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || base;
}

/** A sidecar whose work is gone (renamed, deleted) would otherwise be silently ignored. */
function orphanSidecars(files: readonly string[], workFiles: readonly string[]): SkippedFile[] {
  const claimed = new Set(workFiles.map(sidecarFor));
  return files
    .filter((file) => isSidecar(file) && !claimed.has(file))
    .map((file) => ({ file, reason: 'sidecar with no work file beside it (NAME.meta.json needs a NAME.EXT)' }));
}

async function mapConcurrently<T, R>(items: readonly T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_READS, items.length) }, worker));
  return results;
}
