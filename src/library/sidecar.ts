import { readFile } from 'node:fs/promises';
import { linkTargetInside, NO_FOLLOW } from './files.js';
import { validateMeta } from './meta.js';
import type { WorkMeta } from './model.js';
import { UnreadableWork } from './unreadable.js';

export const SIDECAR_SUFFIX = '.meta.json';

export function isSidecar(file: string): boolean {
  return file.endsWith(SIDECAR_SUFFIX);
}

/** `NAME.meta.json` beside `NAME.EXT`. */
export function sidecarFor(file: string): string {
  const dot = file.lastIndexOf('.');
  const slash = file.lastIndexOf('/');
  return (dot > slash + 1 ? file.slice(0, dot) : file) + SIDECAR_SUFFIX;
}

/**
 * The metadata of a sidecar the listing found; a broken one makes its work unreadable. Like a work, a link is
 * read only when its target is inside the library folder: JSON.parse's message would quote an outside file.
 */
export async function readSidecar(libraryDir: string, path: string, name: string, isLink: boolean): Promise<Partial<WorkMeta>> {
  let source: string;
  try {
    const real = isLink ? await linkTargetInside(libraryDir, path) : path;
    if (real === undefined) return {};
    source = await readFile(real, { encoding: 'utf8', flag: NO_FOLLOW });
  } catch (error) {
    if (error instanceof UnreadableWork) throw new UnreadableWork(`sidecar ${name} ${error.message}`);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new UnreadableWork(`sidecar ${name} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(source.replace(/^\ufeff/, ''));
  } catch (error) {
    throw new UnreadableWork(`sidecar ${name} is not valid JSON (${(error as Error).message})`);
  }
  const result = validateMeta(data, { strict: true });
  if (!result.ok) throw new UnreadableWork(`sidecar ${name}: ${result.problem}`);
  return result.meta;
}
