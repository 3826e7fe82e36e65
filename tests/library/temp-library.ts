import { afterEach, beforeEach, expect } from 'vitest';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLibrary } from '../../src/library/load.js';
import type { Block, Library, Work } from '../../src/library/model.js';

const FIXTURES = new URL('./formats/fixtures/', import.meta.url).pathname;

/** A fresh temp folder for a test's library; removed by the returned cleanup. */
export async function tempLibrary(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'library-test-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export interface TestLibrary {
  /** The current test's folder. */
  readonly dir: string;
  /** Writes a file into the current test's folder. */
  put(name: string, content: string | Uint8Array): Promise<void>;
}

/** A fresh temp library folder for each test of the file that calls this, removed after the test. */
export function libraryPerTest(): TestLibrary {
  let current: { dir: string; cleanup: () => Promise<void> } | undefined;
  beforeEach(async () => {
    current = await tempLibrary();
  });
  afterEach(() => current?.cleanup());
  const library: TestLibrary = {
    get dir() {
      if (!current) throw new Error('libraryPerTest: its folder exists only while a test runs');
      return current.dir;
    },
    put: (name, content) => writeFile(join(library.dir, name), content),
  };
  return library;
}

/** Loads a library made of the named fixture files only. */
async function loadFixtures(...names: string[]): Promise<Library> {
  const { dir, cleanup } = await tempLibrary();
  try {
    for (const name of names) await copyFile(join(FIXTURES, name), join(dir, name));
    return await loadLibrary(dir);
  } finally {
    await cleanup();
  }
}

export async function loadFixture(name: string): Promise<Work> {
  const library = await loadFixtures(name);
  expect(library.skipped).toEqual([]);
  return library.works[0]!;
}

export function texts(blocks: readonly Block[]): string[] {
  return blocks.map((block) => (block.kind === 'paragraph' ? block.text : '<scene break>'));
}

export function allText(work: Work): string {
  return work.chapters.flatMap((chapter) => texts(chapter.blocks)).join('\n');
}
