// Which id each work file has (README "Where ids come from"). An id is a title's slug, and it belongs to
// its file for good: readers' places and buttons already posted name it, so neither another file coming or
// going nor the file's own title changing may move it. The claims (file -> id) are kept with the places.
import { compareFiles } from './files.js';
import { slugify } from './slug.js';

/** Every id ever given, by the file (relative to LIBRARY_DIR) it was given to. */
export type IdClaims = ReadonlyMap<string, string>;

export interface Titled {
  file: string;
  title: string;
}

/**
 * Ids for `works`: a file keeps the id it was given before; a new file gets its title's slug, or, if any file
 * ever had that, the slug with the first free -2, -3… New files are taken in file-name order, so with no
 * claims yet the ids are the ones every earlier version gave.
 */
export function assignIds(works: readonly Titled[], claims: IdClaims): { ids: string[]; claims: Map<string, string> } {
  const next = new Map(claims);
  const taken = new Set(claims.values());
  const fresh = works.filter((w) => !claims.has(w.file)).sort((a, b) => compareFiles(a.file, b.file));
  for (const { file, title } of fresh) {
    const base = slugify(title);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    next.set(file, id);
  }
  return { ids: works.map((w) => next.get(w.file)!), claims: next };
}
