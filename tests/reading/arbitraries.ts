// fast-check generators for chapter texts that stress pagination: long paragraphs, no punctuation, tokens
// longer than a page, emoji sequences and flags, combining marks, CR and CRLF, markdown-like characters.
import fc from 'fast-check';
import type { Block, Span, Work } from '../../src/library/model.js';
import { paragraph, sceneBreak, workOf } from './fixtures.js';

const PIECES = [
  'word', 'Alec', 'fire', 'élan', 'e\u0301', '\u0301', '𝒜𝓁𝑒𝒸', '👩‍👩‍👧‍👦', '🇫🇷', '🇩🇪🇯🇵', '🏴󠁧󠁢󠁳󠁣󠁴󠁿', '👍🏽', '❤️',
  '*', '**', '_', '~~', '|', '`', '\\', '#', '>', '-', '+', '1.', '42.', '[', ']', '<@1>', '@everyone',
  '“', '”', '‘', '’', '"', '.', '?', '!', '…', 'Mr.', 'Dr.', '\u00A0', '\u0600',
];
const SEPARATORS = [' ', ' ', ' ', '  ', '\n', '\r\n', '\r', '\t', '\u2003'];

const piece = fc.oneof(
  { weight: 60, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.integer({ min: 30, max: 700 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 120 }).map((n) => '👩‍🚒'.repeat(n)) },
);
const token = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(''));

interface Words {
  tokens: string[];
  separators: string[];
}

const words: fc.Arbitrary<Words> = fc
  .array(fc.tuple(token, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 120 })
  .map((pairs) => ({ tokens: pairs.map(([t]) => t), separators: pairs.map(([, s]) => s) }));

/** A paragraph with spans over whole tokens, as a parser marking <em> around words would give. */
const styledParagraph = fc
  .tuple(words, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom('italic', 'bold', 'underline', 'strike') as fc.Arbitrary<Span['style']>), { maxLength: 4 }))
  .map(([{ tokens, separators }, rawSpans]) => {
    const starts: number[] = [];
    const ends: number[] = [];
    let text = '';
    tokens.forEach((t, i) => {
      starts.push(text.length);
      text += t;
      ends.push(text.length);
      if (i < tokens.length - 1) text += separators[i]!;
    });
    const spans = rawSpans.map(([a, b, style]) => {
      const first = a % tokens.length;
      const last = first + (b % (tokens.length - first));
      return { start: starts[first]!, end: ends[last]!, style };
    });
    return paragraph(text, spans);
  });

const block: fc.Arbitrary<Block> = fc.oneof({ weight: 8, arbitrary: styledParagraph }, { weight: 1, arbitrary: fc.constant(sceneBreak) });

export const chapterWork: fc.Arbitrary<Work> = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 12 }), fc.boolean())
  .map(([blocks, epigraph]) => workOf([blocks], epigraph ? { epigraph: ['A tiny *spark*', 'James 3:5'] } : {}));

/** Small budgets, so that generated chapters run to many pages and tokens outgrow a page. */
export const budget = fc.integer({ min: 40, max: 400 });
