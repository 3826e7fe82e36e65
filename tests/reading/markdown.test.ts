import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { Span } from '../../src/library/model.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { escapePositions } from '../../src/reading/escape.js';
import { renderedLength, renderRange } from '../../src/reading/markdown.js';
import { unrenderPage } from '../support/unrender.js';
import { chapterWork } from './arbitraries.js';
import { paragraph, sceneBreak, workOf } from './fixtures.js';
import { escapePositions as referenceEscapePositions } from './reference/escape.js';

function render(text: string, spans: Span[] = [], start = 0, end = text.length): string {
  return renderRange(chapterText(workOf([[paragraph(text, spans)]]), 0), start, end);
}

describe('escaping what Discord would read as markup', () => {
  test.each([
    ['2*3*4 = 24', '2\\*3\\*4 = 24'],
    ['snake_case_name', 'snake\\_case\\_name'],
    ['~~not struck~~', '\\~\\~not struck\\~\\~'],
    ['||no spoiler||', '\\|\\|no spoiler\\|\\|'],
    ['`code`', '\\`code\\`'],
    ['a \\ backslash', 'a \\\\ backslash'],
    ['[a](https://example.com)', '\\[a\\](https://example.com)'],
    ['# not a heading', '\\# not a heading'],
    ['> not a quote', '\\> not a quote'],
    ['- not a bullet', '\\- not a bullet'],
    ['-# not subtext', '\\-# not subtext'],
    ['1. not a list', '1\\. not a list'],
    ['  - indented', '  \\- indented'],
    ['line\n# two', 'line\n\\# two'],
    ['line\r# two', 'line\r\\# two'],
    ['line\u2028> two', 'line\u2028\\> two'],
    ['line\u2029\t12. two', 'line\u2029\t12\\. two'],
    ['a - b # c > d 1. e', 'a - b # c > d 1. e'],
    ['⁂ ✦ “quotes” — fine', '⁂ ✦ “quotes” — fine'],
  ])('%j shows as %j', (text, body) => {
    expect(render(text)).toBe(body);
    expect(unrenderPage(body)).toBe(text);
  });

  it('escapes the characters the two-regex escaper before it escaped, in any mix of markup and line breaks', () => {
    const alphabet = fc.constantFrom(...'\\*_~|`[]#>+-.12 \t\n\r\u2028\u2029xé👍'.split(/(?:)/u));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        expect(Array.from(escapePositions(text))).toEqual(Array.from(referenceEscapePositions(text)));
      }),
      { numRuns: 500 },
    );
  });

  it('escapes a line start that a page start creates mid-line', () => {
    expect(render('one - two', [], 4)).toBe('\\- two');
    expect(render('chapter 12. twelve', [], 8)).toBe('12\\. twelve');
  });
});

describe('rendering emphasis from the source', () => {
  test.each<[string, Span[], string]>([
    ['a bold word', [{ start: 2, end: 6, style: 'bold' }], 'a **bold** word'],
    ['an italic word', [{ start: 3, end: 9, style: 'italic' }], 'an *italic* word'],
    ['under and strike', [{ start: 0, end: 5, style: 'underline' }, { start: 10, end: 16, style: 'strike' }], '__under__ and ~~strike~~'],
    ['spaces inside', [{ start: 0, end: 7, style: 'italic' }], '*spaces* inside'],
    ['bold with italic in it', [{ start: 0, end: 22, style: 'bold' }, { start: 10, end: 16, style: 'italic' }], '**bold with *italic* in it**'],
    ['overlapping styles here', [{ start: 0, end: 15, style: 'italic' }, { start: 12, end: 23, style: 'bold' }], '*overlapping* ***sty*les here**'],
    ['keep *literal* stars', [{ start: 5, end: 14, style: 'bold' }], 'keep **\\*literal\\*** stars'],
  ])('%j with %j shows as %j', (text, spans, body) => {
    expect(render(text, spans)).toBe(body);
    expect(unrenderPage(body)).toBe(text);
  });

  it('closes a span at a page end and reopens it on the next page', () => {
    const text = 'one two three four';
    const spans: Span[] = [{ start: 0, end: text.length, style: 'italic' }];
    expect(render(text, spans, 0, 8)).toBe('*one two* ');
    expect(render(text, spans, 8)).toBe('*three four*');
  });

  it('closes markers at each line break and reopens them on the next line', () => {
    expect(render('one\ntwo three', [{ start: 0, end: 13, style: 'italic' }])).toBe('*one*\n*two three*');
  });
});

describe('rendering a whole chapter', () => {
  it('shows the epigraph lines in italics and the scene break ornament as it is', () => {
    const work = workOf([[paragraph('First.'), sceneBreak, paragraph('Second.', [{ start: 0, end: 6, style: 'bold' }])]], {
      epigraph: ['A tiny spark', 'James 3:5'],
    });
    const chapter = chapterText(work, 0);
    expect(renderRange(chapter, 0, chapter.text.length)).toBe('*A tiny spark*\n*James 3:5*\n\nFirst.\n\n⁂\n\n**Second**.');
  });
});

describe('measuring a body', () => {
  it('grows a body by at least one unit for each character added at its end, as the paginator relies on', () => {
    fc.assert(
      fc.property(chapterWork, fc.nat(), (work, a) => {
        const chapter = chapterText(work, 0);
        const start = a % (chapter.text.length + 1);
        const ends = Math.min(chapter.text.length, start + 400);
        for (let end = start; end < ends; end++) {
          expect(renderedLength(chapter, start, end + 1) - renderedLength(chapter, start, end)).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('measures a body exactly as long as its rendering', () => {
    fc.assert(
      fc.property(chapterWork, fc.nat(), fc.nat(), (work, a, b) => {
        const chapter = chapterText(work, 0);
        const n = chapter.text.length + 1;
        const [start, end] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        expect(renderedLength(chapter, start, end)).toBe(renderRange(chapter, start, end).length);
      }),
    );
  });
});
