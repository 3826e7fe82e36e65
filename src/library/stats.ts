import * as words from '../util/words.js';
import type { Work } from './model.js';

/** Words in the paragraphs' text, counted by the one rule in util/words.ts (the epigraph is not counted). */
export function countWords(work: Work): number {
  let count = 0;
  for (const chapter of work.chapters) {
    for (const block of chapter.blocks) if (block.kind === 'paragraph') count += words.countWords(block.text);
  }
  return count;
}
