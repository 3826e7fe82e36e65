// Reference copy of src/library/blocks/html-blocks.ts as of 85abb94 (before issue 11 part 5), for html-blocks.test.ts only;
// since then only its walk reads htmlparser2's tree (src/library/blocks/html-tree.ts) as the source does.
import { isTag, isText, type AnyNode } from '../../../src/library/blocks/html-tree.js';
import type { Block, EmphasisStyle, Paragraph, Span } from '../../../src/library/model.js';
import { paragraph, SCENE_BREAK, tidyBlocks } from '../../../src/library/blocks/tidy.js';

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

/** Collects one paragraph's text the way a browser shows it: source whitespace collapsed to one space. */
class InlineBuffer {
  private text = '';
  private spans: Span[] = [];

  append(raw: string): void {
    const collapsed = raw.replace(/[ \t\n\r\f]+/g, ' ');
    this.text += this.text === '' || /[ \n]$/.test(this.text) ? collapsed.replace(/^ /, '') : collapsed;
  }

  lineBreak(): void {
    this.text = this.text.replace(/ $/, '') + '\n';
  }

  styled(style: EmphasisStyle | undefined, write: () => void): void {
    const start = this.text.length;
    write();
    if (style) this.spans.push({ start, end: this.text.length, style });
  }

  take(): Paragraph | undefined {
    const { text, spans } = this;
    this.text = '';
    this.spans = [];
    const lead = text.length - text.replace(/^[ \n]+/, '').length;
    const trimmed = text.slice(lead).replace(/[ \n]+$/, '');
    if (trimmed === '') return undefined;
    return paragraph(trimmed, spans.map((span) => shrink(span, lead, trimmed)).filter((span) => span.end > span.start));
  }
}

/** A span never starts or ends on a space, so a renderer can wrap it in markers as is. */
function shrink(span: Span, shift: number, text: string): Span {
  let start = Math.max(0, span.start - shift);
  let end = Math.min(text.length, span.end - shift);
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { ...span, start, end };
}
