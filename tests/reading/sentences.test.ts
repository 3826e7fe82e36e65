import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { sentenceRanges, startsSentence, type TextRange } from '../../src/reading/sentences.js';
import { chapterWork } from './arbitraries.js';

/** The offsets of a paragraph of `text` where startsSentence and sentenceRanges disagree. */
function disagreements(text: string, paragraph: TextRange): number[] {
  const starts = new Set(sentenceRanges(text.slice(paragraph.start, paragraph.end)).map((range) => paragraph.start + range.start));
  const offsets = Array.from({ length: text.length + 1 }, (_, at) => at);
  return offsets.filter((at) => startsSentence(text, paragraph, at) !== starts.has(at));
}

function sentences(text: string): string[] {
  return sentenceRanges(text).map((range) => text.slice(range.start, range.end));
}

const CASES: [string, string[]][] = [
  ['Mr. Smith left. He was late.', ['Mr. Smith left.', 'He was late.']],
  ['Mrs. Lightwood smiled. Then she left.', ['Mrs. Lightwood smiled.', 'Then she left.']],
  ['Dr. Fell was out. St. Mary\'s was closed.', ['Dr. Fell was out.', 'St. Mary\'s was closed.']],
  ['We met at 5 p.m. and talked. It rained.', ['We met at 5 p.m. and talked.', 'It rained.']],
  ['They left at 6 a.m. on Sunday. Nobody saw.', ['They left at 6 a.m. on Sunday.', 'Nobody saw.']],
  ['Bring fruit, e.g. Apples or pears. Thanks.', ['Bring fruit, e.g. Apples or pears.', 'Thanks.']],
  ['He read J. R. R. Tolkien all night. Then slept.', ['He read J. R. R. Tolkien all night.', 'Then slept.']],
  ['Well... maybe not. We will see.', ['Well... maybe not.', 'We will see.']],
  ['Wait… what was that? Nothing.', ['Wait… what was that?', 'Nothing.']],
  ['"Are you sure?" she asked. He nodded.', ['"Are you sure?" she asked.', 'He nodded.']],
  ['“Are you sure?” she asked. He nodded.', ['“Are you sure?” she asked.', 'He nodded.']],
  ['‘Really?’ he said. ‘Yes.’ She smiled.', ['‘Really?’ he said.', '‘Yes.’', 'She smiled.']],
  ['“Call for an ambulance.” Alec ordered and Jace nodded.', ['“Call for an ambulance.” Alec ordered and Jace nodded.']],
  ['“Not the time, Jace.” Alec rolled his eyes.', ['“Not the time, Jace.”', 'Alec rolled his eyes.']],
  ['He ran! She followed? They stopped.', ['He ran!', 'She followed?', 'They stopped.']],
  ['No punctuation at all here', ['No punctuation at all here']],
  ['  Spaces around.   Kept out.  ', ['Spaces around.', 'Kept out.']],
  ['It cost 3.50 dollars. Cheap.', ['It cost 3.50 dollars.', 'Cheap.']],
  ['', []],
];

describe('splitting a paragraph into sentences', () => {
  test.each(CASES)('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});

describe('telling a sentence start from the characters around it', () => {
  test.each(CASES)('finds the starts sentenceRanges finds in %j, and no others', (text) => {
    expect(disagreements(text, { start: 0, end: text.length })).toEqual([]);
    expect(disagreements(`Before. ${text} After.`, { start: 8, end: 8 + text.length })).toEqual([]);
  });

  it('finds the starts sentenceRanges finds in every paragraph of generated chapters', () => {
    fc.assert(
      fc.property(chapterWork, (work) => {
        const { text, blocks } = chapterText(work, 0);
        for (const block of blocks.filter((b) => b.kind !== 'sceneBreak')) expect(disagreements(text, block)).toEqual([]);
      }),
    );
  });
});
