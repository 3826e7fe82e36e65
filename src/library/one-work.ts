// One work file read on its own, by the library's own pipeline (formats, then metadata merged as load.ts
// merges it), for what must show a work before the library holds it: /library add's card and
// `npm run preview`. Throws UnreadableWork with the reason, as the loader would skip the file.
import { parseWork } from './formats/registry.js';
import { titleFromFileName } from './load.js';
import { mergeMeta } from './meta.js';
import type { Work, WorkMeta } from './model.js';
import { slugify } from './slug.js';

/** `file` names the work (its format may be told by the name); `sidecar` is what a NAME.meta.json beside it says. */
export function readOneWork(file: string, bytes: Uint8Array, sidecar: Partial<WorkMeta> = {}): { work: Work; fileMeta: Partial<WorkMeta> } {
  const parsed = parseWork(file, bytes);
  const meta = mergeMeta(parsed.meta, sidecar, titleFromFileName(file));
  const chapters = parsed.chapters.map((chapter) => ({ title: chapter.title || meta.title, blocks: chapter.blocks }));
  return { work: { id: slugify(meta.title), file, format: parsed.format, meta, epigraph: parsed.epigraph, chapters }, fileMeta: parsed.meta };
}
