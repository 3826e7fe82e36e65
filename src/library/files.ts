import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UnreadableWork } from './unreadable.js';

const SIZE_LIMIT = 64 * 1024 * 1024;

/** Every entry under the library folder, as sorted paths relative to it; hidden entries are not works. */
export async function listLibrary(dir: string, under = ''): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dir, under), { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && under === '') return [];
    throw error;
  }
  const files: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = under === '' ? entry.name : `${under}/${entry.name}`;
    if (entry.isDirectory()) files.push(...(await listLibrary(dir, path)));
    else files.push(path);
  }
  return files.sort(compareFiles);
}

export function compareFiles(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A work file's bytes, or the reason a person can act on when it cannot be read as a file. */
export async function readWorkFile(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableWork(error.code === 'ENOENT' ? 'cannot be read: a link whose target does not exist' : describe(error));
  });
  if (info.isDirectory()) throw new UnreadableWork('cannot be read: a link to a folder (links to folders are not followed)');
  if (!info.isFile()) throw new UnreadableWork('cannot be read: not a regular file (a pipe, socket or device)');
  if (info.size > SIZE_LIMIT) throw new UnreadableWork(`too large to be a story (${Math.round(info.size / 2 ** 20)} MB; the limit is 64 MB)`);
  return readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UnreadableWork(describe(error));
  });
}

function describe(error: NodeJS.ErrnoException): string {
  if (error.code === 'EACCES' || error.code === 'EPERM') return 'cannot be read: permission denied';
  return `cannot be read (${error.code ?? error.message})`;
}
