// Hostile files as a reader meets them (README "The library"): a link that leads out of LIBRARY_DIR is never
// a work, so a secret beside the bot cannot become a page; the rest of the library still reads.
import { symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { textOf } from '../support/emulator/index.js';
import { messageOf, startE2E } from './world.js';

describe('a link in the library folder to a file outside it', () => {
  it('is not listed, cannot be read, is named in the log with the reason, and the rest still read', async () => {
    const e2e = await startE2E();
    onTestFinished(() => e2e.close());
    const outside = join(e2e.dir, 'outside.env');
    await writeFile(outside, 'Secrets\n\nDISCORD_TOKEN=not-for-readers\n');
    await symlink(outside, join(e2e.env.LIBRARY_DIR, 'secrets.txt'));
    await e2e.restart();
    const { emu, bot } = e2e;
    const reader = e2e.reader('Fay');

    const works = textOf(messageOf(await emu.slash(reader, emu.world.channels.mature, 'works')));
    expect(works).toContain('One Step At A Time');
    expect(works).not.toContain('Secrets');
    const read = await emu.slash(reader, emu.world.channels.mature, 'read', { work: 'secrets' });
    expect(read.ephemeral).toBe(true);
    expect(textOf(messageOf(read))).not.toContain('DISCORD_TOKEN');
    const skipped = bot.logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg === 'work file skipped' && entry.file === 'secrets.txt');
    expect(skipped.map((entry) => entry.reason)).toEqual(['not read: a link to a file outside the library folder']);
  });
});
