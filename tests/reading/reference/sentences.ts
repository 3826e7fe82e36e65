// Reference copy of src/reading/sentences.ts as of f92bef3 (the paginator before issue 11 part 4), for paginate.reference.test.ts only.
// Sentence boundaries in a paragraph, for page ends and excerpts. Intl.Segmenter (sentence) splits after
// "Mr. " and between `"Are you sure?"` and `she asked.`, so this is a small rule set of our own instead.

export interface TextRange {
  start: number;
  end: number;
}

/** Terminal punctuation, then any closing quotes or brackets, then a space or the end. */
const TERMINAL = /[.!?…]+[)\]"'”’»]*(?=\s|$)/gu;
const CLOSERS = /[)\]"'”’»]+$/u;
/** Opening punctuation to look past for the next sentence's first letter. */
const OPENERS = /^[("'“‘«[\-–—]*/u;
const WORD_CHAR = /[\p{L}.]/u;
const INITIALS = /^(?:\p{Lu}\.)*\p{Lu}$/u;
const LOWERCASE = /^\p{Ll}/u;

/** Abbreviations after which a period never ends a sentence, lower case, without their last period. */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'mx', 'dr', 'st', 'prof', 'sr', 'jr', 'mt', 'capt', 'lt', 'col', 'gen', 'sgt', 'rev',
  'hon', 'fr', 'vs', 'e.g', 'i.e', 'cf', 'viz',
]);

/**
 * After a quoted sentence, a name then one of these is still the same sentence: `“Stop!” Jace shouted.`
 * (a lower-case word after the quote, `she asked`, is caught by the lower-case rule).
 */
const SPEECH_TAG = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}'’-]*\s+){1,2}(?:said|asked|replied|answered|whispered|shouted|called|muttered|` +
    String.raw`murmured|cried|added|continued|exclaimed|yelled|ordered|snapped|sighed|breathed|mumbled|` +
    String.raw`admitted|agreed|insisted|repeated|explained|laughed|told|began)\b`,
  'u',
);

/** The sentences of a paragraph, as ranges without their surrounding whitespace, in order. */
export function sentenceRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(TERMINAL)) {
    const end = match.index + match[0].length;
    if (match.index < start || !endsSentence(text, match.index, end)) continue;
    ranges.push({ start, end });
    start = skipSpace(text, end);
  }
  const last = text.trimEnd().length;
  if (start < last) ranges.push({ start, end: last });
  return ranges;
}

function endsSentence(text: string, at: number, end: number): boolean {
  const next = skipSpace(text, end);
  if (next >= text.length) return true;
  const following = text.slice(next, next + 80);
  if (LOWERCASE.test(following.replace(OPENERS, ''))) return false;
  const cluster = text.slice(at, end);
  if (cluster === '.' && isAbbreviation(text, at)) return false;
  return !(CLOSERS.test(cluster) && SPEECH_TAG.test(following));
}

function isAbbreviation(text: string, dot: number): boolean {
  let start = dot;
  while (start > 0 && dot - start < 40 && WORD_CHAR.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  return ABBREVIATIONS.has(word.toLowerCase()) || INITIALS.test(word);
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && /\s/.test(text[at]!)) at++;
  return at;
}
