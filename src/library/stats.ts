import type { Work } from './model.js';

/** Words as whitespace-separated tokens of the paragraphs' text (the epigraph is not counted). */
export function countWords(work: Work): number {
  let words = 0;
  for (const chapter of work.chapters) {
    for (const block of chapter.blocks) if (block.kind === 'paragraph') words += countTokens(block.text);
  }
  return words;
}

export function countTokens(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
