import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENE_BREAK_MARKER } from '../../src/reading/chapter-text.js';
import { unrenderPage } from '../support/unrender.js';
import { buttonsOf, textOf, type Message } from '../support/emulator/index.js';
import { descriptionOf, footerOf, messageOf, startE2E, type E2E } from './world.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const words = (text: string) => text.split(/\s+/).filter((w) => w !== '' && w !== SCENE_BREAK_MARKER);
const disabled = (message: Message, label: string) => buttonsOf(message).find((b) => b.label === label)?.disabled;

describe('/progress', () => {
  it('shows chapter, page and percent to its reader only, nothing for another, and nothing after deletion', async () => {
    const { emu } = e2e;
    const carol = e2e.reader('Carol');
    const bob = e2e.reader('Bob');
    const channel = emu.world.channels.general;
    let page = messageOf(await emu.slash(carol, channel, 'read', { work: 'one step' }));
    page = messageOf(await emu.click(carol, page, 'Next'));
    const percent = /(\d+)% of the work/.exec(footerOf(page))?.[1];

    const mine = await emu.slash(carol, channel, 'progress');
    expect(mine.ephemeral).toBe(true);
    const listing = textOf(messageOf(mine));
    expect(listing).toContain('One Step At A Time');
    expect(listing).toContain('chapter 1/1');
    expect(listing).toContain('page 2/');
    expect(listing).toContain(`${percent}% read`);

    const theirs = textOf(messageOf(await emu.slash(bob, emu.world.channels.lobby, 'progress')));
    expect(theirs).toContain('You have not started any work yet');

    const asked = messageOf(await emu.click(carol, messageOf(mine), 'Delete my reading history'));
    const deleted = messageOf(await emu.click(carol, asked, 'Delete'));
    expect(textOf(deleted)).toMatch(/Deleted your place in 1 work/);
    const after = textOf(messageOf(await emu.slash(carol, channel, 'progress')));
    expect(after).toContain('You have not started any work yet');
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('reading One Step At A Time to the end', () => {
  it('gives back the text page by page, with Previous the identical page and Next disabled at the end', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const general = emu.world.channels.general;
    const opened = await emu.slash(alice, general, 'read', { work: 'one-step-at-a-time' });
    expect(opened.ephemeral).toBe(false);
    let message = messageOf(opened);
    expect(disabled(message, 'Previous')).toBe(true);

    const pages = [descriptionOf(message)];
    const footers = [footerOf(message)];
    while (!disabled(message, 'Next')) {
      const turned = await emu.click(alice, message, 'Next');
      expect(turned.callback?.type).toBe(7);
      message = messageOf(turned);
      pages.push(descriptionOf(message));
      footers.push(footerOf(message));
    }
    expect(pages.length).toBeGreaterThan(3);
    footers.forEach((footer, i) => expect(footer).toContain(`Page ${i + 1}/${pages.length}`));
    expect(footers.at(-1)).toContain('100% of the work');

    // The words on the pages are the words of the file after its AO3 header lines, in order, none lost or repeated.
    const raw = await readFile('seeds/one-step-at-a-time.txt', 'utf8');
    const body = raw.split('\n').slice(raw.split('\n').indexOf('Work Text:') + 1).join('\n');
    expect(words(pages.map(unrenderPage).join('\n\n'))).toEqual(words(body));

    const back = messageOf(await emu.click(alice, message, 'Previous'));
    expect(descriptionOf(back)).toBe(pages.at(-2));
    expect(disabled(back, 'Next')).toBe(false);
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a very long chapter', () => {
  it('is deferred while it is paginated the first time, then turns pages at once', async () => {
    const { emu } = e2e;
    const carol = e2e.reader('Carol');
    const opened = await emu.slash(carol, emu.world.channels.general, 'read', { work: 'long night' });
    expect(opened.callback?.type).toBe(5);
    const page = messageOf(opened);
    expect(descriptionOf(page)).toMatch(/^Night 0 passed slowly/);
    expect(footerOf(page)).toMatch(/^Page 1\/\d{3}/);
    const next = await emu.click(carol, page, 'Next');
    expect(next.callback?.type).toBe(7);
    expect(footerOf(messageOf(next))).toMatch(/^Page 2\//);
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a restart', () => {
  it('keeps old buttons working and /resume continues where the reader stopped', async () => {
    const { emu } = e2e;
    const bob = e2e.reader('Bob');
    const channel = emu.world.channels.lobby;
    let message = messageOf(await emu.slash(bob, channel, 'read', { work: 'One Step At A Time' }));
    const seen = [descriptionOf(message)];
    for (let i = 0; i < 2; i++) {
      message = messageOf(await emu.click(bob, message, 'Next'));
      seen.push(descriptionOf(message));
    }
    expect(footerOf(message)).toContain('Page 3/');

    await e2e.restart();

    const fourth = messageOf(await emu.click(bob, message, 'Next'));
    expect(footerOf(fourth)).toContain('Page 4/');
    expect(seen).not.toContain(descriptionOf(fourth));
    const resumed = messageOf(await emu.slash(bob, channel, 'resume'));
    expect(descriptionOf(resumed)).toBe(descriptionOf(fourth));
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('another reader', () => {
  it('clicking Next gets an ephemeral offer, and the reader’s message and place do not change', async () => {
    const { emu, bot } = e2e;
    const alice = e2e.reader('Alice');
    const bob = e2e.reader('Bob');
    const channel = emu.world.channels.general;
    const opened = messageOf(await emu.slash(alice, channel, 'read', { work: 'three small rooms', chapter: 2 }));
    // The work carries an archive warning, so its first screen is the warning, then the page.
    expect(textOf(opened)).toContain('Major Character Death');
    const page = messageOf(await emu.click(alice, opened, 'Start reading'));
    expect(textOf(page)).toContain('Chapter 2: The Study');
    const before = await bot.store.get(alice.id, 'three-small-rooms');

    const intrusion = await emu.click(bob, page, 'Next');
    expect(intrusion.callback?.type).toBe(4);
    expect(intrusion.ephemeral).toBe(true);
    expect(textOf(messageOf(intrusion))).toContain('Only the reader who opened this');
    expect(emu.message(page.id)).toEqual(page);
    expect(await bot.store.get(alice.id, 'three-small-rooms')).toEqual(before);

    // Bob has not seen the work's warnings yet, so his own copy starts with them too.
    const warned = messageOf(await emu.click(bob, messageOf(intrusion), 'Open this page for me'));
    expect(textOf(warned)).toContain('Major Character Death');
    const own = messageOf(await emu.click(bob, warned, 'Start reading'));
    expect(own.flags & 64).toBe(0);
    expect(descriptionOf(own)).toBe(descriptionOf(page));
    expect(emu.takeViolations()).toEqual([]);
  });

  it('choosing a chapter in someone else’s picker changes nothing for them either', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const carol = e2e.reader('Carol');
    const warned = messageOf(await emu.slash(alice, emu.world.channels.general, 'read', { work: 'three-small-rooms' }));
    const page = messageOf(await emu.click(alice, warned, 'Start reading'));
    expect(textOf(page)).toContain('Chapter 1: The Hall');
    // The picker is a select, not a button.
    expect(buttonsOf(page).map((b) => b.label)).toEqual(['Previous', 'Next', 'Go to…', 'Bookmark', 'Follow']);
    const select = (page.components as { components: { custom_id: string; type: number }[] }[]).flatMap((r) => r.components).find((c) => c.type === 3)!;
    const foreign = await emu.select(carol, page, select.custom_id, ['2']);
    expect(foreign.ephemeral).toBe(true);
    expect(emu.message(page.id)).toEqual(page);
    const mine = messageOf(await emu.select(alice, page, select.custom_id, ['2']));
    expect(textOf(mine)).toContain('Chapter 3: The Attic');
    expect(footerOf(mine)).toContain('Page 1/');
  });
});

describe('many readers at once', () => {
  it('answers every interaction once within 3 s and keeps every place', async () => {
    const { emu, bot } = e2e;
    const alice = e2e.reader('Alice');
    const bob = e2e.reader('Bob');
    const channel = emu.world.channels.mature;
    const works = ['a-tiny-spark', 'one-step-at-a-time'];
    const readers = [alice, bob];
    const opened = await Promise.all(
      readers.flatMap((user) => works.map(async (work) => ({ user, work, message: messageOf(await emu.slash(user, channel, 'read', { work, chapter: 1 })) }))),
    );
    const turns = 4;
    const finals = await Promise.all(
      opened.map(async ({ user, work, message }) => {
        let current = message;
        for (let i = 0; i < turns; i++) {
          const turned = await emu.click(user, current, 'Next');
          expect(turned.callback?.type).toBe(7);
          current = messageOf(turned);
        }
        return { user, work, footer: footerOf(current) };
      }),
    );
    for (const { user, work, footer } of finals) {
      expect(footer).toContain(`Page ${turns + 1}/`);
      const place = await bot.store.get(user.id, work);
      expect(place?.chapter).toBe(0);
      const resumed = messageOf(await emu.slash(user, channel, 'resume', { work }));
      expect(footerOf(resumed)).toContain(`Page ${turns + 1}/`);
    }
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a work removed from the library', () => {
  it('leaves the reader’s place listed in /progress, and deletable', async () => {
    const { emu } = e2e;
    const carol = e2e.reader('Carol');
    const file = join(e2e.env.LIBRARY_DIR, 'brief-visit.txt');
    await writeFile(file, `Brief Visit\n\n${'She came, she stayed a while, and she left before the rain. '.repeat(20)}\n`);
    await writeFile(join(e2e.env.LIBRARY_DIR, 'brief-visit.meta.json'), JSON.stringify({ rating: 'General Audiences' }));
    await e2e.restart();
    const opened = await emu.slash(carol, emu.world.channels.general, 'read', { work: 'brief-visit' });
    expect(descriptionOf(messageOf(opened))).toMatch(/^She came, she stayed/);
    await rm(file);
    await rm(join(e2e.env.LIBRARY_DIR, 'brief-visit.meta.json'));
    await e2e.restart();

    const listed = messageOf(await emu.slash(carol, emu.world.channels.general, 'progress'));
    expect(textOf(listed)).toMatch(/Also stored: your place in 1 work no longer in the library/);
    const asked = messageOf(await emu.click(carol, listed, 'Delete my reading history'));
    await emu.click(carol, asked, 'Delete');
    const after = textOf(messageOf(await emu.slash(carol, emu.world.channels.general, 'progress')));
    expect(after).toContain('You have not started any work yet');
    expect(emu.takeViolations()).toEqual([]);
  });
});
