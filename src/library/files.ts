import { closeSync, constants, openSync, readSync, statSync, type Stats } from 'node:fs';
import { readdir, realpath } from 'node:fs/promises';
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

/** Where a work file is read from: the file itself, or a link's target inside the library folder. */
export async function workFilePath(libraryDir: string, path: string, isLink: boolean): Promise<string> {
  const real = isLink ? await linkTargetInside(libraryDir, path) : path;
  if (real === undefined) throw new UnreadableWork('cannot be read: a link whose target does not exist');
  return real;
}

/**
 * Work files up to 1 MB (nearly all) are read into this one buffer: the loader parses each file before it
 * reads the next. A larger one gets a buffer of its own, so a 60 MB work does not leave 60 MB behind.
 */
const readBuffer = Buffer.allocUnsafeSlow(1 << 20);

/**
 * A work file's bytes, or the reason a person can act on when it cannot be read as a file. The bytes are
 * only good until the next call: parse them at once, and keep nothing that shares their memory. Read
 * synchronously, and into one buffer, because the parser waits for the bytes anyway: on a busy 2-core
 * machine the thread pool's round trips cost the bench's 1,000 files 0.15 to 0.25 s, and a fresh buffer
 * for each file is 93 MB to collect. `stat` is the file's, when the caller has it (one syscall a file fewer).
 */
export function readWorkFile(path: string, stat?: Stats): Uint8Array {
  const info = stat ?? orReason(() => statSync(path));
  if (info.isDirectory()) throw new UnreadableWork('cannot be read: a link to a folder (links to folders are not followed)');
  if (!info.isFile()) throw new UnreadableWork('cannot be read: not a regular file (a pipe, socket or device)');
  if (info.size > SIZE_LIMIT) throw new UnreadableWork(`too large to be a story (${Math.round(info.size / 2 ** 20)} MB; the limit is 64 MB)`);
  const fd = orReason(() => openSync(path, NO_FOLLOW));
  try {
    let buffer: Buffer = info.size + READ_STEP <= readBuffer.length ? readBuffer : Buffer.allocUnsafeSlow(info.size + READ_STEP);
    let size = 0;
    for (;;) {
      if (buffer.length - size < READ_STEP) buffer = grown(buffer, size);
      const read = orReason(() => readSync(fd, buffer, size, buffer.length - size, null));
      if (read === 0) return buffer.subarray(0, size);
      size += read;
    }
  } finally {
    closeSync(fd);
  }
}

/** Room asked of each read past what the stat said, so a file that grew since is still read to its end. */
const READ_STEP = 64 * 1024;

/** For a file that grew past its buffer between the stat and the read. */
function grown(buffer: Buffer, used: number): Buffer {
  const bigger = Buffer.allocUnsafeSlow(2 * buffer.length);
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}

function orReason<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UnreadableWork(describe(error as NodeJS.ErrnoException));
  }
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read (${error.code ?? error.message})`;
}
