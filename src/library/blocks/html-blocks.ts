import type { Block, EmphasisStyle, Paragraph, Span } from '../model.js';
import { isTag, isText, type AnyNode } from './html-tree.js';
import { paragraph, SCENE_BREAK, tidyBlocks } from './tidy.js';

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);
const IGNORED_TAGS = new Set(['head', 'script', 'style', 'title', 'svg', 'img']);
// A Map, as tag names come from the file: a plain object would answer `constructor` with a function.
const STYLE_OF: ReadonlyMap<string, EmphasisStyle> = new Map([
  ['em', 'italic'], ['i', 'italic'], ['cite', 'italic'], ['strong', 'bold'], ['b', 'bold'], ['u', 'underline'],
  ['ins', 'underline'], ['s', 'strike'], ['del', 'strike'], ['strike', 'strike'],
]);

/** Paragraph text without markup, emphasis as spans; `<hr>` and ornament lines as scene breaks. */
export function htmlBlocks(root: AnyNode): Block[] {
  const out: Block[] = [];
  const buffer = new InlineBuffer();
  const flush = () => {
    const taken = buffer.take();
    if (taken) out.push(taken);
  };
  const walk = (node: AnyNode): void => {
    if (!('children' in node)) return;
    for (const child of node.children) {
      if (isText(child)) buffer.append(child.data);
      if (!isTag(child)) continue;
      const tag = child.name.toLowerCase();
      if (IGNORED_TAGS.has(tag)) continue;
      if (tag === 'br') buffer.lineBreak();
      else if (tag === 'hr') {
        flush();
        out.push(SCENE_BREAK);
      } else if (BLOCK_TAGS.has(tag)) {
        flush();
        walk(child);
        flush();
      } else buffer.styled(STYLE_OF.get(tag), () => walk(child));
    }
  };
  walk(root);
  flush();
  return tidyBlocks(out);
}

/**
 * Collects one paragraph's text the way a browser shows it: source whitespace collapsed to one space. The
 * text grows as a list of pieces and remembers how it ends, so no append reads back (and so copies) the
 * whole paragraph so far.
 */
class InlineBuffer {
  private pieces: string[] = [];
  private length = 0;
  /** The text is empty or ends in a space or line break, so a leading space of what comes next is dropped. */
  private atBreak = true;
  private spans: Span[] = [];

  append(raw: string): void {
    const collapsed = needsCollapsing(raw) ? raw.replace(SOURCE_WHITESPACE, ' ') : raw;
    this.push(this.atBreak && collapsed.charCodeAt(0) === SPACE ? collapsed.slice(1) : collapsed);
  }

  lineBreak(): void {
    const last = this.pieces.at(-1);
    if (last !== undefined && last.charCodeAt(last.length - 1) === SPACE) {
      this.pieces[this.pieces.length - 1] = last.slice(0, -1);
      this.length--;
    }
    this.push('\n');
  }

  styled(style: EmphasisStyle | undefined, write: () => void): void {
    const start = this.length;
    write();
    if (style) this.spans.push({ start, end: this.length, style });
  }

  take(): Paragraph | undefined {
    const text = this.pieces.join('');
    const spans = this.spans;
    this.pieces = [];
    this.length = 0;
    this.atBreak = true;
    this.spans = [];
    let lead = 0;
    while (lead < text.length && isBreak(text.charCodeAt(lead))) lead++;
    let end = text.length;
    while (end > lead && isBreak(text.charCodeAt(end - 1))) end--;
    if (end === lead) return undefined;
    const trimmed = text.slice(lead, end);
    return paragraph(trimmed, spans.map((span) => shrink(span, lead, trimmed)).filter((span) => span.end > span.start));
  }

  private push(piece: string): void {
    if (piece === '') return;
    this.pieces.push(piece);
    this.length += piece.length;
    const last = piece.charCodeAt(piece.length - 1);
    this.atBreak = last === SPACE || last === NEWLINE;
  }
}

const SPACE = 0x20;
const NEWLINE = 0x0a;
const SOURCE_WHITESPACE = /[ \t\n\r\f]+/g;

/**
 * Whether collapsing would change anything: most text nodes hold single spaces only. Five native searches
 * cost less than one regex with an alternative, tried at every position.
 */
function needsCollapsing(raw: string): boolean {
  return raw.includes('\n') || raw.includes('  ') || raw.includes('\t') || raw.includes('\r') || raw.includes('\f');
}

function isBreak(code: number): boolean {
  return code === SPACE || code === NEWLINE;
}

/** A span never starts or ends on a space, so a renderer can wrap it in markers as is. */
function shrink(span: Span, shift: number, text: string): Span {
  let start = Math.max(0, span.start - shift);
  let end = Math.min(text.length, span.end - shift);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { ...span, start, end };
}
