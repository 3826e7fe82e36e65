// Sentence boundaries in a paragraph, for page ends and excerpts. Intl.Segmenter (sentence) splits after
// "Mr. " and between `"Are you sure?"` and `she asked.`, so this is a small rule set of our own instead.
import { isWhiteSpace } from './whitespace.js';

export interface TextRange {
  start: number;
  end: number;
}

/** Terminal punctuation, then any closing quotes or brackets, then a space or the end. */
const TERMINAL = /[.!?…]+[)\]"'”’»]*(?=\s|$)/gu;
const TERMINAL_MARK = new Set('.!?…');
const CLOSER = new Set(')]"\'”’»');
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
  const paragraph = { start: 0, end: text.length };
  let start = skipSpace(text, 0, text.length);
  for (const match of text.matchAll(TERMINAL)) {
    const end = match.index + match[0].length;
    if (match.index < start || !endsSentence(text, paragraph, match.index, end)) continue;
    ranges.push({ start, end });
    start = skipSpace(text, end, text.length);
  }
  const last = text.trimEnd().length;
  if (start < last) ranges.push({ start, end: last });
  return ranges;
}

/**
 * Whether a sentence of the paragraph at [paragraph.start, paragraph.end) of `text` starts at `at`, as
 * sentenceRanges would find it; decided from the characters around `at` alone, for a page end. The terminal
 * cluster before it is what TERMINAL matches there: its longest run of closers, after its longest run of
 * terminal punctuation.
 */
export function startsSentence(text: string, paragraph: TextRange, at: number): boolean {
  if (at < paragraph.start || at >= paragraph.end || isWhiteSpace(text.charCodeAt(at))) return false;
  let end = at;
  while (end > paragraph.start && isWhiteSpace(text.charCodeAt(end - 1))) end--;
  if (end === paragraph.start) return true;
  if (end === at) return false;
  let closers = end;
  while (closers > paragraph.start && CLOSER.has(text[closers - 1]!)) closers--;
  let cluster = closers;
  while (cluster > paragraph.start && TERMINAL_MARK.has(text[cluster - 1]!)) cluster--;
  return cluster < closers && endsSentence(text, paragraph, cluster, end);
}

/** Whether the terminal cluster at [at, end) of the paragraph ends its sentence. */
function endsSentence(text: string, paragraph: TextRange, at: number, end: number): boolean {
  const next = skipSpace(text, end, paragraph.end);
  if (next >= paragraph.end) return true;
  const following = text.slice(next, Math.min(next + 80, paragraph.end));
  if (LOWERCASE.test(following.replace(OPENERS, ''))) return false;
  const cluster = text.slice(at, end);
  if (cluster === '.' && isAbbreviation(text, paragraph.start, at)) return false;
  return !(CLOSERS.test(cluster) && SPEECH_TAG.test(following));
}

function isAbbreviation(text: string, paragraphStart: number, dot: number): boolean {
  let start = dot;
  while (start > paragraphStart && dot - start < 40 && WORD_CHAR.test(text[start - 1]!)) start--;
  const word = text.slice(start, dot);
  return ABBREVIATIONS.has(word.toLowerCase()) || INITIALS.test(word);
}

function skipSpace(text: string, at: number, end: number): number {
  while (at < end && isWhiteSpace(text.charCodeAt(at))) at++;
  return at;
}
