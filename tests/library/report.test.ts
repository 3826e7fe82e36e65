// `npm run library` (scripts/library-report.ts) as the operator runs it, against a folder of the test's own.
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryPerTest } from './temp-library.js';

const library = libraryPerTest();

function report(dir: string) {
  const env = { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', LIBRARY_DIR: dir };
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/library-report.ts'], { env, encoding: 'utf8' });
}

describe('npm run library', () => {
  it('prints a sidecar that rates a work lower than its file, and still exits 0', async () => {
    await writeFile(join(library.dir, 'story.md'), '---\ntitle: Rated\nrating: Explicit\n---\nText.\n');
    await writeFile(join(library.dir, 'story.meta.json'), JSON.stringify({ rating: 'General Audiences' }));
    const run = report(library.dir);
    expect(run.stdout).toContain("story.md: sidecar story.meta.json rates it General Audiences, lower than the file's own Explicit; the sidecar wins");
    expect(run.status).toBe(0);
  });

  it('says a missing folder is missing, and exits non-zero', () => {
    const run = report(join(library.dir, 'nowhere'));
    expect(run.stdout).toContain(`There is no folder ${join(library.dir, 'nowhere')}: set LIBRARY_DIR to the library's folder.`);
    expect(run.status).toBe(1);
  });
});
