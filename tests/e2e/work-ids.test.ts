// Ids that do not move (README "Where ids come from"): a reader's place and a posted button keep naming the
// same file across restarts, whatever other files come and go.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { descriptionOf, messageOf, startE2E } from './world.js';

describe('two files with one title', () => {
  it('keep their ids when the first is deleted: the reader of the second resumes the second', async () => {
    const e2e = await startE2E();
    onTestFinished(() => e2e.close());
    const { emu } = e2e;
    const write = (file: string, line: string) =>
      Promise.all([
        writeFile(join(e2e.env.LIBRARY_DIR, `${file}.txt`), `Twin Tales\n\n${`${line} `.repeat(30)}\n`),
        writeFile(join(e2e.env.LIBRARY_DIR, `${file}.meta.json`), JSON.stringify({ rating: 'General Audiences' })),
      ]);
    await write('twin-a', 'The first twin spoke.');
    await write('twin-b', 'The second twin answered.');
    await e2e.restart();
    const reader = e2e.reader('Eli');
    const opened = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'twin-tales-2' }));
    expect(descriptionOf(opened)).toMatch(/^The second twin answered/);

    await rm(join(e2e.env.LIBRARY_DIR, 'twin-a.txt'));
    await rm(join(e2e.env.LIBRARY_DIR, 'twin-a.meta.json'));
    await e2e.restart();
    const resumed = messageOf(await emu.slash(reader, emu.world.channels.general, 'resume'));
    expect(descriptionOf(resumed)).toMatch(/^The second twin answered/);
  });
});
