// The library's model: work -> chapters -> blocks. Pure data, shared by the library parsers, the reading
// core and the Discord layer; nothing here knows about Discord.

import type { FormatName } from './formats/registry.js';

export const RATINGS = [
  'General Audiences',
  'Teen And Up Audiences',
  'Mature',
  'Explicit',
  'Not Rated',
] as const;
export type Rating = (typeof RATINGS)[number];

/** One name per format in formats/registry.ts. */
export type { FormatName };

export interface WorkMeta {
  title: string;
  /** Absent when nobody knows; renderers say "unknown author" rather than invent one. */
  author?: string;
  rating: Rating;
  warnings: string[];
  fandoms: string[];
  relationships: string[];
  characters: string[];
  tags: string[];
  summary?: string;
  source?: string;
  language?: string;
}

export type EmphasisStyle = 'italic' | 'bold' | 'underline' | 'strike';

/** Emphasis the source format marked (HTML <em>, Markdown *x*), as [start, end) offsets into the paragraph's text. */
export interface Span {
  start: number;
  end: number;
  style: EmphasisStyle;
}

/** A paragraph's text is what the author wrote, with no markup of ours or Discord's in it. */
export interface Paragraph {
  kind: 'paragraph';
  text: string;
  spans: Span[];
}

export interface SceneBreak {
  kind: 'sceneBreak';
}

export type Block = Paragraph | SceneBreak;

export interface Chapter {
  /** "Chapter 2: The Fall", or the work's title for a one-shot. */
  title: string;
  /** In a loaded work, rebuilt from its packed form on each read (blocks/packed-blocks.ts): read it once and keep it. */
  blocks: Block[];
}

export interface Work {
  /** Stable slug of the title, unique within the library. */
  id: string;
  /** File name relative to the library folder. */
  file: string;
  format: FormatName;
  meta: WorkMeta;
  /** Lines of an epigraph shown before the first chapter (e.g. a quotation and its source). */
  epigraph: string[];
  chapters: Chapter[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

/** Something about a work that loaded which its operator should know (README "The library"). */
export interface LoadWarning {
  file: string;
  warning: string;
}

export interface Library {
  works: Work[];
  /** Files that did not load, and subfolders that could not be listed (named with a trailing `/`). */
  skipped: SkippedFile[];
  warnings: LoadWarning[];
  /** LIBRARY_DIR does not exist: an empty library for a reason the operator must fix. */
  missing: boolean;
  /** Every id given so far, by file: the claims passed in and those of files new to them. */
  claims: Map<string, string>;
  /** What each work file gave, for the next load to reuse (loadLibrary's `previous`). */
  loaded: LoadedFiles;
}

/** One work file as a load left it: the stamp it had, and the work it gave (with its warnings) or why not. */
export type LoadedFile = { stamp: string; work: Work; warnings: LoadWarning[]; skipped?: undefined } | { stamp: string; skipped: SkippedFile; work?: undefined };

export type LoadedFiles = ReadonlyMap<string, LoadedFile>;
