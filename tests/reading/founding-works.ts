// The two founding works, loaded the way the bot loads them.
import { loadLibrary } from '../../src/library/load.js';
import type { Work } from '../../src/library/model.js';

export async function foundingWorks(): Promise<Work[]> {
  const library = await loadLibrary('seeds');
  if (library.works.length < 2) throw new Error(`seeds/ should hold the founding works: ${JSON.stringify(library.skipped)}`);
  return library.works;
}
