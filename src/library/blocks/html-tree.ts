// HTML and XML as trees, for AO3's HTML download and the files inside an EPUB: htmlparser2 builds them (with
// HTML's rules for tags a file leaves open), css-select answers selectors, domutils gives text. One place
// knows the tree's types, so a format reads like the DOM it queries.
import { compile, selectAll, selectOne } from 'css-select';
import { isTag, isText, type AnyNode, type Document, type Element } from 'domhandler';
import { nextElementSibling, removeElement, textContent } from 'domutils';
import { DomHandler, parseDocument, Parser, Tokenizer } from 'htmlparser2';

export type { AnyNode, Element };
export { isTag, isText, removeElement };

/**
 * htmlparser2's tokenizer, but a run of text is skipped to its next `<` or `&` by one native regex search
 * instead of a step per character: text is most of a story's bytes, and the step per character cost the
 * library's load 50 ms in 100 AO3 downloads (README "Performance"). stateText is private to htmlparser2, so
 * tests/library/blocks/html-tree.test.ts checks that every tree comes out as the stock tokenizer builds it.
 */
class TextSkippingTokenizer extends Tokenizer {}
const TEXT_STOP = /[<&]/g;
const LESS_THAN = 0x3c;
const AMPERSAND = 0x26;
type TokenizerState = { index: number; offset: number; buffer: string; stateText(code: number): void };
const stockStateText = (Tokenizer.prototype as unknown as TokenizerState).stateText;
(TextSkippingTokenizer.prototype as unknown as TokenizerState).stateText = function (this: TokenizerState, code: number) {
  if (code === LESS_THAN || code === AMPERSAND) return stockStateText.call(this, code);
  TEXT_STOP.lastIndex = this.index - this.offset;
  const stop = TEXT_STOP.exec(this.buffer);
  // The tokenizer's loop steps past the index it is left at.
  this.index = (stop ? stop.index : this.buffer.length) + this.offset - 1;
};

/**
 * An HTML document (AO3's download, an EPUB's XHTML chapters), tag names lowercased. Comments stay in the
 * tree; every reader here skips them, as it skips any node that is neither text nor an element. Given as
 * pieces (decode.ts), it is parsed a piece at a time, as htmlparser2 parses a stream: the same tree.
 */
export function parseHtml(text: string | readonly string[]): Document {
  if (typeof text === 'string') return parseDocument(text, { Tokenizer: TextSkippingTokenizer });
  const handler = new DomHandler();
  const parser = new Parser(handler, { Tokenizer: TextSkippingTokenizer });
  for (const piece of text) parser.write(piece);
  parser.end();
  return handler.root;
}

/** An XML document (container.xml, the OPF, the NCX, the nav): names kept as written, `<x/>` closed. */
export function parseXml(text: string): Document {
  return parseDocument(text, { xmlMode: true, Tokenizer: TextSkippingTokenizer });
}

export function querySelector(root: AnyNode, selector: string): Element | undefined {
  return selectOne<AnyNode, Element>(compiled(selector), root) ?? undefined;
}

export function querySelectorAll(root: AnyNode, selector: string): Element[] {
  return selectAll<AnyNode, Element>(compiled(selector), root);
}

/**
 * Each selector compiled once: css-select compiles a string on every query, which took the library's load
 * 13 ms for the 150 HTML and EPUB files of bench:library. The selectors are the readers' own constants.
 */
type CompiledQuery = ReturnType<typeof compile<AnyNode, Element>>;
const COMPILED = new Map<string, CompiledQuery>();

function compiled(selector: string): CompiledQuery {
  let query = COMPILED.get(selector);
  if (!query) COMPILED.set(selector, (query = compile<AnyNode, Element>(selector)));
  return query;
}

/** The text of every text node inside, entities decoded, as a browser's textContent; '' for no node. */
export function textOf(node: AnyNode | undefined): string {
  return node ? textContent(node) : '';
}

/** The text nodes' strings in document order, as textOf joins them, read only as far as the caller goes. */
function* textsOf(node: AnyNode): Generator<string> {
  if (isText(node)) yield node.data;
  else if ('children' in node) for (const child of node.children) yield* textsOf(child);
}

/** Whether textOf(node) holds anything but whitespace, without joining a whole chapter's text to find out. */
export function hasVisibleText(node: AnyNode): boolean {
  for (const text of textsOf(node)) if (/\S/.test(text)) return true;
  return false;
}

/** Whether textOf(node).trimStart() starts with `prefix`, reading only the text that decides it. */
export function textStartsWith(node: AnyNode, prefix: string): boolean {
  let start = '';
  for (const text of textsOf(node)) {
    start = start === '' ? text.trimStart() : start + text;
    if (start.length >= prefix.length) break;
  }
  return start.startsWith(prefix);
}

/** The element children, without text between them. */
export function childElements(node: AnyNode): Element[] {
  return 'children' in node ? node.children.filter(isTag) : [];
}

export function attribute(element: Element, name: string): string | undefined {
  return element.attribs[name];
}

export function hasClass(element: Element, name: string): boolean {
  return (element.attribs.class ?? '').split(/\s+/).includes(name);
}

export function nextElement(element: Element): Element | undefined {
  return nextElementSibling(element) ?? undefined;
}
