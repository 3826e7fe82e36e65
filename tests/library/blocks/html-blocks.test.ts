import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { htmlBlocks } from '../../../src/library/blocks/html-blocks.js';
import { parseHtml } from '../../../src/library/blocks/html-tree.js';
import { htmlBlocks as referenceHtmlBlocks } from '../reference/html-blocks.js';

// Markup as AO3 and EPUBs write it, and whitespace of every kind the collapsing rule names or does not.
const words = fc.constantFrom('word', '“Quoted,”', 'é', '😀', '&amp;', '&nbsp;', '&#160;', '\u00a0', '\u2003', '*');
const space = fc.constantFrom(' ', '  ', '\t', '\n', '\r\n', '\f', '\v', ' \n ', '');
const text = fc.array(fc.tuple(space, words, space).map((parts) => parts.join('')), { maxLength: 5 }).map((parts) => parts.join(''));
const inline = ['em', 'i', 'strong', 'b', 'u', 's', 'span', 'a', 'cite'];
const block = ['p', 'div', 'blockquote', 'h2', 'li', 'dd'];
const html: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.constantFrom('<br>', '<br/>', '<hr>', '<p>* * *</p>', '<script>x()</script>', '<img src="a.png">'),
    fc.tuple(fc.constantFrom(...inline, ...block), fc.array(tie('node'), { maxLength: 4 })).map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
  ),
})).node;

describe('paragraphs read from HTML', () => {
  it('are the ones the previous reader gave, text and spans, for any mix of markup and whitespace', () => {
    fc.assert(
      fc.property(fc.array(html, { maxLength: 6 }), (nodes) => {
        const source = `<body>${nodes.join('')}</body>`;
        expect(htmlBlocks(parseHtml(source))).toStrictEqual(referenceHtmlBlocks(parseHtml(source)));
      }),
      { numRuns: 2000 },
    );
  });
});
