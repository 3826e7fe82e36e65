import { decodeText } from '../decode.js';
import type { Chapter, WorkMeta } from '../model.js';

/** A file that may be a work: its path in the library, its bytes, and its text, decoded on first use. */
export interface WorkFile {
  readonly name: string;
  /** Good only while the file is parsed: the loader reads the next file into the same memory (files.ts). */
  readonly bytes: Uint8Array;
  /** The bytes as text by decode.ts; reading it throws UnreadableWork when they are neither UTF-8 nor UTF-16 with a BOM. */
  readonly text: string;
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

/** The usual format: claimed by what its text holds (`shows`), and read from that text. */
export function textFormat<const Name extends string>(name: Name, shows: (text: string) => boolean, parse: (text: string) => ParsedWork) {
  return {
    name,
    detect: (file: WorkFile) => (shows(file.text) ? 'content' : undefined),
    parse: (file: WorkFile) => parse(file.text),
  } as const satisfies Format;
}

export function workFile(name: string, bytes: Uint8Array): WorkFile {
  let text: string | undefined;
  return {
    name,
    bytes,
    get text() {
      return (text ??= decodeText(bytes));
    },
  };
}
