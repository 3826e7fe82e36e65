import { decodeText, decodeTextHead, decodeTextLines } from '../decode.js';
import type { Chapter, WorkMeta } from '../model.js';

/**
 * A file that may be a work: its path in the library, its bytes, and its text, decoded on first use as a
 * format asks for it: whole, as lines, or just its head. Each throws UnreadableWork when the bytes are
 * neither UTF-8 nor UTF-16 with a BOM.
 */
export interface WorkFile {
  readonly name: string;
  /** Good only while the file is parsed: the loader reads the next file into the same memory (files.ts). */
  readonly bytes: Uint8Array;
  /** The bytes as text by decode.ts. */
  readonly text: string;
  /** `text.split('\n')`, never made into one string first, which costs a long file dearly (decode.ts). */
  readonly lines: readonly string[];
  /** `text.slice(0, chars)`, decoding little more than that. */
  head(chars: number): string;
}

/** How a format knows a file is its own: by what the file holds, by its name only, or as the last resort. */
export type Evidence = 'content' | 'name' | 'fallback';

/** One format a work can come in; registry.ts lists them in the order they are tried. */
export interface Format {
  readonly name: string;
  /** Why the file is in this format, or undefined when nothing says so. */
  detect(file: WorkFile): Evidence | undefined;
  /** The work in the file; throws UnreadableWork with the reason when it cannot become one. */
  parse(file: WorkFile): ParsedWork;
}

/** What a format's parser gives back: the file's own metadata (possibly partial) and its text. */
export interface ParsedWork {
  meta: Partial<WorkMeta>;
  epigraph: string[];
  chapters: Chapter[];
}

/** A one-shot's single chapter is titled after the work; the loader fills it in once the title is final. */
export const WORK_TITLE = '';

/** The usual format: claimed by what the file's text holds (`shows`), and read from its lines. */
export function lineFormat<const Name extends string>(name: Name, shows: (file: WorkFile) => boolean, parse: (lines: readonly string[]) => ParsedWork) {
  return {
    name,
    detect: (file: WorkFile) => (shows(file) ? 'content' : undefined),
    parse: (file: WorkFile) => parse(file.lines),
  } as const satisfies Format;
}

/** `text.slice(0, maxChars).split('\n', maxLines)`, from the text's lines. */
export function headLines(lines: readonly string[], maxLines: number, maxChars: number): string[] {
  const head: string[] = [];
  let chars = 0;
  for (const line of lines) {
    if (head.length === maxLines || chars > maxChars) break;
    head.push(line.slice(0, maxChars - chars));
    chars += line.length + 1;
  }
  return head;
}

/**
 * A class rather than an object of closures: with the decoded text in a closure's context, nearly every
 * file's text outlived the young generation's collections and was copied to the old one (in a bench:library
 * load, 166 MB promoted; 12 MB with the text in fields of an instance; README "Performance").
 */
class DecodedFile implements WorkFile {
  #text: string | undefined;
  #lines: string[] | undefined;

  constructor(readonly name: string, readonly bytes: Uint8Array) {}

  get text(): string {
    return (this.#text ??= decodeText(this.bytes));
  }

  get lines(): readonly string[] {
    return (this.#lines ??= this.#text === undefined ? decodeTextLines(this.bytes) : this.#text.split('\n'));
  }

  head(chars: number): string {
    return this.#text === undefined ? decodeTextHead(this.bytes, chars) : this.#text.slice(0, chars);
  }
}

export function workFile(name: string, bytes: Uint8Array): WorkFile {
  return new DecodedFile(name, bytes);
}
