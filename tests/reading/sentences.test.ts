import { describe, expect, test } from 'vitest';
import { sentenceRanges } from '../../src/reading/sentences.js';

function sentences(text: string): string[] {
  return sentenceRanges(text).map((range) => text.slice(range.start, range.end));
}

describe('splitting a paragraph into sentences', () => {
  test.each([
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
  ])('%j', (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });
});
