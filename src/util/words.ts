/** A word is a run of non-space characters: the one rule for word counts and reading time. */
const WORD = /\S+/g;

/** Where each word of the text starts, in order. */
export function wordStarts(text: string): number[] {
  return Array.from(text.matchAll(WORD), (match) => match.index);
}

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
