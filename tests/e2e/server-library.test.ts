// Per-server libraries (README "Per-server libraries"): /library add, remove and list, through the real
// discord.js client and the emulator. An upload is readable in its server only; refusals are short and private.
import { describe, expect, it } from 'vitest';
import { textOf, type Attachment } from '../support/emulator/index.js';
import { type E2E, messageOf, startE2EForTest } from './world.js';

const GUILD_ONE = '1300000000000000001';

const story = (title: string, line: string) => `${title}\n\n${`${line} `.repeat(20).trim()}\n\nThe lamps went out at last.\n`;
const inCatalog = (e2e: E2E, title: string) => () => e2e.bot.catalog.all().some((w) => w.meta.title === title);

function admin(e2e: E2E) {
  const person = e2e.reader('Ada');
  e2e.emu.grant(person, 'Manage Server');
  return person;
}

function upload(e2e: E2E, filename: string, text: string, extra: Partial<Parameters<E2E['emu']['attach']>[0]> = {}): Attachment {
  return e2e.emu.attach({ filename, bytes: text, content_type: 'text/plain; charset=utf-8', ...extra });
}

describe('/library add', () => {
  it('shows the work\'s card, and makes it readable in that server and invisible in another', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const ada = admin(e2e);
    const file = upload(e2e, 'Harbour Lights.txt', story('Harbour Lights', 'The boats came in one by one.'));
    const added = await emu.slash(ada, emu.world.channels.general, 'library add', { file, rating: 'General Audiences' });
    const card = textOf(messageOf(added));
    expect(added.ephemeral).toBe(true);
    expect(card).toContain('Harbour Lights');
    expect(card).toContain('General Audiences');
    expect(card).toMatch(/1 chapter/);
    expect(card).toMatch(/\d+ words/);
    // Readable as soon as the card says so: the bot loads its own change, not waiting for the folder's watcher.
    expect(card).toMatch(/readable in this server only, now/);
    expect(inCatalog(e2e, 'Harbour Lights')()).toBe(true);
    const work = e2e.bot.catalog.all().find((w) => w.meta.title === 'Harbour Lights')!;
    expect(work.file).toBe(`servers/${GUILD_ONE}/harbour-lights.txt`);

    const reader = e2e.reader('Noor');
    expect(textOf(messageOf(await emu.slash(reader, emu.world.channels.general, 'works')))).toContain('Harbour Lights');
    expect(textOf(messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: work.id })))).toContain('The boats came in one by one.');
    expect(textOf(messageOf(await emu.slash(reader, emu.world.channels.lobby, 'works')))).not.toContain('Harbour Lights');
    const elsewhere = await emu.slash(reader, emu.world.channels.lobby, 'read', { work: work.id });
    expect(elsewhere.ephemeral).toBe(true);
    expect(textOf(messageOf(elsewhere))).toContain("not in this server's library");
    expect(await emu.autocomplete(reader, emu.world.channels.lobby, 'read', {}, 'work')).not.toContainEqual(expect.objectContaining({ value: work.id }));
    expect(emu.takeViolations()).toEqual([]);
  });

  it('is not offered to a member without Manage Server', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const file = upload(e2e, 'a.txt', story('A', 'Words.'));
    await expect(emu.slash(e2e.reader('Bo'), emu.world.channels.general, 'library add', { file })).rejects.toThrow(/Manage Server/);
    expect(emu.downloads(file)).toBe(0);
    const registered = emu.commands().find((c) => c.name === 'library');
    expect(registered?.['default_member_permissions']).toBe(String(1 << 5));
    expect(registered?.['contexts']).toEqual([0]);
  });

  it('keeps an unrated upload Not Rated, and never lowers the file\'s own rating', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const ada = admin(e2e);
    const plain = await emu.slash(ada, emu.world.channels.general, 'library add', { file: upload(e2e, 'quiet.txt', story('Quiet', 'Nothing moved.')) });
    expect(textOf(messageOf(plain))).toContain('Not Rated');
    const md = '---\ntitle: Rated Here\nrating: Explicit\n---\n\nThe text.\n';
    const kept = await emu.slash(ada, emu.world.channels.general, 'library add', { file: upload(e2e, 'rated.md', md), rating: 'General Audiences' });
    expect(textOf(messageOf(kept))).toContain('Explicit');
    expect(textOf(messageOf(kept))).toMatch(/the file's own rating/i);
    expect(inCatalog(e2e, 'Rated Here')()).toBe(true);
    expect(e2e.bot.catalog.all().find((w) => w.meta.title === 'Rated Here')?.meta.rating).toBe('Explicit');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('answers too large, wrong format and duplicate uploads briefly and privately', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const ada = admin(e2e);
    const answer = async (file: Attachment) => {
      const result = await emu.slash(ada, emu.world.channels.general, 'library add', { file });
      expect(result.ephemeral || result.followUps.every((m) => (m.flags & 64) !== 0)).toBe(true);
      return textOf(result.followUps.at(-1) ?? messageOf(result));
    };
    const big = upload(e2e, 'big.txt', 'x', { claimedSize: 9 * 1024 * 1024 });
    expect(await answer(big)).toMatch(/9 MB; 8 MB is the limit/);
    expect(emu.downloads(big)).toBe(0);
    const liar = upload(e2e, 'liar.txt', `Liar\n\n${'y'.repeat(9 * 1024 * 1024)}`, { claimedSize: 100, withoutLength: true });
    expect(await answer(liar)).toMatch(/larger than it said and past 8 MB/);
    expect(await answer(upload(e2e, 'story.pdf', '%PDF-1.4'))).toMatch(/PDF is not a format the library reads/);
    const text = story('Twice', 'Once more.');
    expect(await answer(upload(e2e, 'twice.txt', text))).toContain('Twice');
    expect(await answer(upload(e2e, 'again.txt', text))).toMatch(/already in the server's library, as twice\.txt/);
    expect(await answer(upload(e2e, 'broken.epub', 'not a zip'))).toMatch(/not an EPUB/);
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('/library list and /library remove', () => {
  it('lists the server\'s works with who added them and the refused uploads, and removes one', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const ada = admin(e2e);
    await emu.slash(ada, emu.world.channels.general, 'library add', { file: upload(e2e, 'first.txt', story('First Light', 'Dawn.')), rating: 'General Audiences' });
    await emu.slash(ada, emu.world.channels.general, 'library add', { file: upload(e2e, 'second.txt', story('Second Wind', 'Noon.')), rating: 'General Audiences' });
    await emu.slash(ada, emu.world.channels.general, 'library add', { file: upload(e2e, 'third.docx', 'PK') });
    expect(inCatalog(e2e, 'First Light')() && inCatalog(e2e, 'Second Wind')()).toBe(true);

    const listed = textOf(messageOf(await emu.slash(ada, emu.world.channels.general, 'library list')));
    expect(listed).toContain('First Light');
    expect(listed).toContain('Second Wind');
    expect(listed).toContain(`<@${ada.id}>`);
    expect(listed).toMatch(/third\.docx.*Word is not a format/s);
    expect(textOf(messageOf(await emu.slash(ada, emu.world.channels.lobby, 'library list')))).not.toContain('First Light');

    const choices = await emu.autocomplete(ada, emu.world.channels.general, 'library remove', {}, 'work');
    expect(choices.map((c) => c.name).sort()).toEqual(['First Light', 'Second Wind']);
    expect(await emu.autocomplete(ada, emu.world.channels.lobby, 'library remove', {}, 'work')).toEqual([]);
    const first = choices.find((c) => c.name === 'First Light')!;
    expect(textOf(messageOf(await emu.slash(ada, emu.world.channels.lobby, 'library remove', { work: String(first.value) })))).toMatch(/not one of this server's uploads/);
    const removed = await emu.slash(ada, emu.world.channels.general, 'library remove', { work: String(first.value) });
    expect(textOf(messageOf(removed))).toContain('Removed **First Light**');
    expect(removed.ephemeral).toBe(true);
    expect(inCatalog(e2e, 'First Light')()).toBe(false);
    expect(textOf(messageOf(await emu.slash(ada, emu.world.channels.general, 'library list')))).not.toContain('First Light');
    expect(emu.takeViolations()).toEqual([]);
  });
});
