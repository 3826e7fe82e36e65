import { constants } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { SkippedFile } from './model.js';
import { UnreadableWork } from './unreadable.js';

const SIZE_LIMIT = 64 * 1024 * 1024;
/** A file listed as a plain file is read as one: a link put in its place since is refused, not followed. */
export const NO_FOLLOW = constants.O_RDONLY | constants.O_NOFOLLOW;

/** What the library folder holds: work and sidecar paths relative to it, sorted, and the subfolders that could not be listed. */
export interface Listing {
  files: string[];
  /** The files that are symbolic links, which are read only when they lead to a file inside the folder. */
  links: Set<string>;
  unreadableFolders: SkippedFile[];
  /** The folder itself does not exist (a typo in LIBRARY_DIR, an unmounted volume), which is not the same as empty. */
  missing: boolean;
}

/** Every entry under the library folder; hidden entries are not works. A subfolder that cannot be listed is named, not fatal. */
export async function listLibrary(dir: string): Promise<Listing> {
  const listing: Listing = { files: [], links: new Set(), unreadableFolders: [], missing: false };
  try {
    await listFolder(dir, '', listing);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    listing.missing = true;
  }
  listing.files.sort(compareFiles);
  return listing;
}

async function listFolder(dir: string, under: string, listing: Listing): Promise<void> {
  let entries;
  try {
    entries = await readdir(join(dir, under), { withFileTypes: true });
  } catch (error) {
    if (under === '') throw error;
    listing.unreadableFolders.push({ file: `${under}/`, reason: `folder ${describe(error as NodeJS.ErrnoException)} (its works were not loaded)` });
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) await listFolder(dir, path, listing);
    else listing.files.push(path);
    if (entry.isSymbolicLink()) listing.links.add(path);
  }
}

export function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The library folder's real path: a file is a work only when its own real path lies inside it. */
export function realLibraryDir(dir: string): Promise<string> {
  return realpath(dir);
}

/**
 * A link's target when it lies inside the library folder; a link leading out of it (to a `.env`, say) is
 * refused before anything is read through it. Undefined when the target does not exist.
 */
export async function linkTargetInside(libraryDir: string, link: string): Promise<string | undefined> {
  let real: string;
  try {
    real = await realpath(link);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UnreadableWork(describe(error as NodeJS.ErrnoException));
  }
  if (!real.startsWith(libraryDir.endsWith(sep) ? libraryDir : libraryDir + sep)) {
    throw new UnreadableWork('not read: a link to a file outside the library folder');
  }
  return real;
}

/** A work file's bytes, or the reason a person can act on when it cannot be read as a file. */
export async function readWorkFile(libraryDir: string, path: string, isLink: boolean): Promise<Uint8Array> {
  const real = isLink ? await linkTargetInside(libraryDir, path) : path;
  if (real === undefined) throw new UnreadableWork('cannot be read: a link whose target does not exist');
  const info = await stat(real).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableWork(describe(error));
  });
  if (info.isDirectory()) throw new UnreadableWork('cannot be read: a link to a folder (links to folders are not followed)');
  if (!info.isFile()) throw new UnreadableWork('cannot be read: not a regular file (a pipe, socket or device)');
  if (info.size > SIZE_LIMIT) throw new UnreadableWork(`too large to be a story (${Math.round(info.size / 2 ** 20)} MB; the limit is 64 MB)`);
  return readFile(real, { flag: NO_FOLLOW }).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableWork(describe(error));
  });
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read (${error.code ?? error.message})`;
}
