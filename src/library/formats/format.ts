import { decodeTextHead, decodeTextLines, decodeTextPieces } from '../decode.js';
import type { Chapter, WorkMeta } from '../model.js';

/**
 * A file that may be a work: its path in the library, its bytes, and its text by decode.ts, decoded on first
 * use as a format asks for it: as lines, as pieces, or just its head. Never as one string, which costs a long
 * file dearly (decode.ts). Each throws UnreadableWork when the bytes are neither UTF-8 nor UTF-16 with a BOM.
 */
export interface WorkFile {
  readonly name: string;
  /** Good only while the file is parsed: the loader reads the next file into the same memory (files.ts). */
  readonly bytes: Uint8Array;
  /** The text split at LF. */
  readonly lines: readonly string[];
  /** The text in pieces that join into it, each ending after an LF or a `>` (decode.ts), for markup. */
  readonly pieces: readonly string[];
  /** The text's first `chars` characters. */
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
  #lines: string[] | undefined;
  #pieces: string[] | undefined;

  constructor(readonly name: string, readonly bytes: Uint8Array) {}

  get lines(): readonly string[] {
    return (this.#lines ??= decodeTextLines(this.bytes));
  }

  get pieces(): readonly string[] {
    return (this.#pieces ??= decodeTextPieces(this.bytes, 'markup'));
  }

  head(chars: number): string {
    return decodeTextHead(this.bytes, chars);
  }
}

export function workFile(name: string, bytes: Uint8Array): WorkFile {
  return new DecodedFile(name, bytes);
}
