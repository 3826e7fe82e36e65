import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { hasVisibleText, parseHtml, parseXml, textOf, textStartsWith, type AnyNode } from '../../../src/library/blocks/html-tree.js';

// What a tokenizer meets in AO3's downloads and EPUBs: text with entities (named, numeric, bare `&`, a
// legacy one without its `;`), a stray `<`, tags with attributes quoted every way, comments, raw text
// elements, CDATA and declarations, in any order.
const piece = fc.constantFrom(
  'word', ' ', '\n', '“Quoted,”', 'é', '😀', '&amp;', '&nbsp;', '&#160;', '&#x1F600;', '&copy', 'a & b', '&;', 'x < y', '<',
  '<p>', '</p>', '<em>', '</em>', '<br>', '<br/>', '<hr />', '<div class="userstuff" id=\'chapters\'>', '</div>',
  '<a href="https://archiveofourown.org/works/1?a=1&amp;b=2">', '</a>', '<img alt=x&amp;y src=a.png>',
  '<!-- a comment -->', '<!-->', '<script>if (a < b && c) {}</script>', '<style>p > em {}</style>',
  '<title>A &amp; B</title>', '<![CDATA[ raw ]]>', '<!DOCTYPE html>', '<?xml version="1.0"?>', '</>', '<dc:title>', '</dc:title>',
);
const markup = fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join(''));

/** A tree as plain data: what the readers read of it. */
function shape(node: AnyNode): unknown {
  if (!('children' in node)) return { type: node.type, data: 'data' in node ? node.data : undefined };
  return { type: node.type, name: 'name' in node ? node.name : undefined, attribs: 'attribs' in node ? node.attribs : undefined, children: node.children.map(shape) };
}

describe('the tree htmlparser2 builds with the text-skipping tokenizer', () => {
  it('is the one its stock tokenizer builds, for any mix of text and markup, as HTML', () => {
    fc.assert(
      fc.property(markup, (source) => {
        expect(shape(parseHtml(source))).toStrictEqual(shape(parseDocument(source)));
      }),
      { numRuns: 3000 },
    );
  });

  it('and as XML', () => {
    fc.assert(
      fc.property(markup, (source) => {
        expect(shape(parseXml(source))).toStrictEqual(shape(parseDocument(source, { xmlMode: true })));
      }),
      { numRuns: 3000 },
    );
  });

  it('is the same parsed a piece at a time, wherever the pieces are cut', () => {
    fc.assert(
      fc.property(markup, fc.array(fc.nat(), { maxLength: 6 }), (source, cuts) => {
        const at = [...new Set(cuts.map((cut) => cut % (source.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...at].map((start, index) => source.slice(start, at[index] ?? source.length));
        expect(shape(parseHtml(pieces))).toStrictEqual(shape(parseHtml(source)));
      }),
      { numRuns: 3000 },
    );
  });

  it('has the text of a long run of text with entities far apart, whole', () => {
    const text = `${'a'.repeat(70_000)}&amp;${'b'.repeat(70_000)}`;
    expect(shape(parseHtml(`<p>${text}</p>`))).toStrictEqual(shape(parseDocument(`<p>${text}</p>`)));
  });
});

describe('questions about a tree\'s text answered without joining all of it', () => {
  it('say what its whole text would say, for any mix of text and markup', () => {
    fc.assert(
      fc.property(markup, fc.nat(), fc.string({ maxLength: 3 }), (source, cut, other) => {
        const root = parseHtml(source);
        const text = textOf(root);
        expect(hasVisibleText(root)).toBe(/\S/.test(text));
        const start = text.trimStart();
        for (const prefix of [start.slice(0, cut % (start.length + 2)), start.slice(0, cut % (start.length + 2)) + other, other]) {
          expect(textStartsWith(root, prefix)).toBe(start.startsWith(prefix));
        }
      }),
      { numRuns: 3000 },
    );
  });
});
