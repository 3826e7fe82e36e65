// `npm run preview -- FILE [--page N]` (scripts/preview.ts) as an operator runs it, on files of the test's own.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryPerTest } from './temp-library.js';

const library = libraryPerTest();

function preview(...args: string[]) {
  const env = { PATH: process.env.PATH ?? '' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/preview.ts', ...args], { env, encoding: 'utf8' });
}

const markdown = (chapters: number) => `---\ntitle: Two Rivers\nauthor: Mara\nrating: Teen And Up Audiences\nwarnings: [No Archive Warnings Apply]\n---\n${
  Array.from({ length: chapters }, (_, i) => `\n# Chapter ${i + 1}\n\n${`River ${i + 1} ran on. `.repeat(400)}\n`).join('')}`;

describe('npm run preview', () => {
  it('prints the card and the first page as a reader sees it', async () => {
    await writeFile(join(library.dir, 'rivers.md'), markdown(2));
    const run = preview(join(library.dir, 'rivers.md'));
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Two Rivers\nby Mara\nFormat: markdown\nRating: Teen And Up Audiences\nWarnings: No Archive Warnings Apply\n2 chapters');
    expect(run.stdout).toContain('--- page 1/');
    expect(run.stdout).toContain('Rating: Teen And Up Audiences · Archive warning: No Archive Warnings Apply');
    expect(run.stdout).toContain('River 1 ran on.');
    expect(run.stdout).toMatch(/\[Next\]/);
  });

  it('prints page N of the work, across chapters', async () => {
    await writeFile(join(library.dir, 'rivers.md'), markdown(2));
    const run = preview(join(library.dir, 'rivers.md'), '--page', '3');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/--- page 3\/\d+ \(chapter 2, page 1\/2\) ---/);
    expect(run.stdout).toContain('River 2 ran on.');
  });

  it('exits 1 with the reason for a file that cannot be read, and for a page past the end', async () => {
    await writeFile(join(library.dir, 'broken.epub'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]));
    const broken = preview(join(library.dir, 'broken.epub'));
    expect(broken.status).toBe(1);
    expect(broken.stderr).toMatch(/broken\.epub cannot be read: .+/);
    await writeFile(join(library.dir, 'rivers.md'), markdown(1));
    const past = preview(join(library.dir, 'rivers.md'), '--page', '99');
    expect(past.status).toBe(1);
    expect(past.stderr).toMatch(/there is no page 99/);
  });
});
