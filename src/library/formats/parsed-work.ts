import type { Chapter, FormatName, WorkMeta } from '../model.js';

/** What a format parser gives back: the file's own metadata (possibly partial) and its text. */
export interface ParsedWork {
  format: FormatName;
  meta: Partial<WorkMeta>;
  epigraph: string[];
  chapters: Chapter[];
}

/** A one-shot's single chapter is titled after the work; the loader fills it in once the title is final. */
export const WORK_TITLE = '';
