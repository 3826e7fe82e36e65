import type { EmphasisStyle, Paragraph, Span } from '../model.js';

type Delimiter = '**' | '__' | '~~' | '*' | '_';

interface Syntax {
  /** Longest first, so `**` is tried before `*`. */
  delimiters: readonly Delimiter[];
  /** Backslash escapes and code spans: Markdown has them, Gutenberg's `_italics_` convention does not. */
  markdown: boolean;
}

const MARKDOWN: Syntax = { delimiters: ['**', '__', '~~', '*', '_'], markdown: true };
const UNDERSCORE_ITALICS: Syntax = { delimiters: ['_'], markdown: false };

const STYLE: Record<Delimiter, EmphasisStyle> = { '**': 'bold', __: 'bold', '~~': 'strike', '*': 'italic', _: 'italic' };
const ESCAPABLE = /[\\`*_~[\]#>!|-]/;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const SPECIAL = /[\\`*_~]/g;

/**
 * Emphasis markers become spans and leave the text; anything that does not pair up stays literal,
 * so a lone `*` or `snake_case` survive as the author typed them.
 */
export function parseMarkdownInline(source: string): Paragraph {
  return parseInline(source, MARKDOWN);
}

/** Project Gutenberg marks italics as `_word_` and nothing else. */
export function parseUnderscoreItalics(source: string): Paragraph {
  return parseInline(source, UNDERSCORE_ITALICS);
}

function parseInline(source: string, syntax: Syntax): Paragraph {
  const { delimiters, markdown } = syntax;
  let text = '';
  const spans: Span[] = [];
  let index = 0;
  while (index < source.length) {
    const char = source[index]!;
    if (markdown && char === '\\' && ESCAPABLE.test(source[index + 1] ?? '')) {
      text += source[index + 1];
      index += 2;
      continue;
    }
    const codeEnd = markdown && char === '`' ? source.indexOf('`', index + 1) : -1;
    if (codeEnd > index) {
      text += source.slice(index, codeEnd + 1);
      index = codeEnd + 1;
      continue;
    }
    const emphasis = matchEmphasis(source, index, delimiters);
    if (emphasis) {
      const inner = parseInline(source.slice(index + emphasis.delimiter.length, emphasis.close), syntax);
      const start = text.length;
      for (const span of inner.spans) spans.push({ ...span, start: span.start + start, end: span.end + start });
      text += inner.text;
      spans.push({ start, end: text.length, style: STYLE[emphasis.delimiter] });
      index = emphasis.close + emphasis.delimiter.length;
      continue;
    }
    const plain = nextSpecial(source, index + 1);
    text += source.slice(index, plain);
    index = plain;
  }
  return { kind: 'paragraph', text, spans };
}

/** Runs of ordinary characters are copied in one slice rather than one character at a time. */
function nextSpecial(source: string, from: number): number {
  SPECIAL.lastIndex = from;
  return SPECIAL.test(source) ? SPECIAL.lastIndex - 1 : source.length;
}

function matchEmphasis(source: string, at: number, delimiters: readonly Delimiter[]): { delimiter: Delimiter; close: number } | undefined {
  for (const delimiter of delimiters) {
    if (!source.startsWith(delimiter, at) || !canOpen(source, at, delimiter)) continue;
    const close = findClose(source, at + delimiter.length, delimiter);
    if (close !== -1) return { delimiter, close };
  }
  return undefined;
}

function canOpen(source: string, at: number, delimiter: Delimiter): boolean {
  const next = source[at + delimiter.length];
  if (next === undefined || /\s/.test(next) || next === delimiter[0]) return false;
  return !(delimiter[0] === '_' && WORD_CHAR.test(source[at - 1] ?? ''));
}

function findClose(source: string, from: number, delimiter: Delimiter): number {
  const mark = delimiter[0]!;
  for (let at = source.indexOf(delimiter, from + 1); at !== -1; at = source.indexOf(delimiter, at + 1)) {
    if (/\s/.test(source[at - 1]!)) continue;
    const after = source[at + delimiter.length] ?? '';
    if (delimiter.length === 1 && (after === mark || source[at - 1] === mark)) continue;
    if (mark === '_' && WORD_CHAR.test(after)) continue;
    return at;
  }
  return -1;
}
