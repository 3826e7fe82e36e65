import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { BOOKMARK_LIMIT, NOTE_LIMIT } from '../../src/progress/bookmarks.js';
import { pagesOf } from '../../src/reading/paginate.js';
import { buttonsOf, textOf, type ApiUser, type Message } from '../support/emulator/index.js';
import { hasRedisServer, startOwnRedis } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { descriptionOf, footerOf, messageOf, startE2E, type E2E } from './world.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** One Step At A Time opened and turned to page `n`. */
async function onPage(world: E2E, reader: ApiUser, n: number): Promise<Message> {
  let page = messageOf(await world.emu.slash(reader, world.emu.world.channels.general, 'read', { work: 'one-step-at-a-time' }));
  for (let i = 1; i < n; i++) page = messageOf(await world.emu.click(reader, page, 'Next'));
  return page;
}

/** Clicks Bookmark on `message` as `reader` and submits the note. */
async function bookmark(world: E2E, reader: ApiUser, message: Message, note: string) {
  const clicked = await world.emu.click(reader, message, 'Bookmark');
  expect(clicked.callback?.type).toBe(9);
  return world.emu.submitModal(clicked, note === '' ? {} : { note });
}

describe('a bookmark with a note', () => {
  it('survives a restart, is listed with its note, opens its exact page, and Delete removes it', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const page = await onPage(e2e, alice, 3);
    const note = 'Where *Magnus* waits for <@1200000000000000002> and @everyone';
    const saved = await bookmark(e2e, alice, page, note);
    expect(saved.ephemeral).toBe(true);
    expect(textOf(messageOf(saved))).toMatch(/Bookmarked .*One Step At A Time.*page 3/);
    expect(emu.message(page.id)).toEqual(page);

    await e2e.restart();

    const listed = await emu.slash(alice, emu.world.channels.lobby, 'bookmarks');
    expect(listed.ephemeral).toBe(true);
    const list = messageOf(listed);
    const text = textOf(list);
    expect(text).toContain('One Step At A Time');
    expect(text).toContain('page 3/');
    expect(text).toMatch(/<t:\d+:R>/);
    // The note as its reader typed it, but shown as text: no emphasis, and no mention that could ping.
    expect(text).toContain('\\*Magnus\\*');
    expect(text).not.toContain('<@1200000000000000002>');
    expect(text).not.toMatch(/@everyone/);
    expect(text.replace(/[\\\u200b]/g, '')).toContain('Where *Magnus* waits for <@1200000000000000002> and @everyone');

    const opened = await emu.click(alice, list, 'Open 1');
    expect(opened.ephemeral).toBe(false);
    expect(descriptionOf(messageOf(opened))).toBe(descriptionOf(page));
    expect(footerOf(messageOf(opened))).toContain('Page 3/');

    const deleted = await emu.click(alice, list, 'Delete 1');
    expect(deleted.callback?.type).toBe(7);
    expect(textOf(messageOf(deleted))).toMatch(/no bookmarks/);
    expect(textOf(messageOf(await emu.slash(alice, emu.world.channels.lobby, 'bookmarks')))).toMatch(/no bookmarks/);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('keeps its exact place: the bookmark opens on the page that holds it', async () => {
    const alice = e2e.reader('Alice');
    const page = await onPage(e2e, alice, 2);
    await bookmark(e2e, alice, page, '');
    const [mark] = await e2e.bot.store.bookmarks.list(alice.id);
    expect(mark).toMatchObject({ workId: 'one-step-at-a-time', chapter: 0, offset: pagesOf(e2e.bot.catalog.byId('one-step-at-a-time')!, 0)[1]!.start, note: '' });
  });

  it('is removed, with every other bookmark, by /progress’s delete, which counts them', async () => {
    const { emu } = e2e;
    const bob = e2e.reader('Bob');
    await bookmark(e2e, bob, await onPage(e2e, bob, 2), 'first');
    const warned = messageOf(await emu.slash(bob, emu.world.channels.general, 'read', { work: 'three-small-rooms', chapter: 2 }));
    await bookmark(e2e, bob, messageOf(await emu.click(bob, warned, 'Start reading')), 'second');

    const progress = messageOf(await emu.slash(bob, emu.world.channels.general, 'progress'));
    expect(textOf(progress)).toMatch(/2 bookmarks/);
    const asked = messageOf(await emu.click(bob, progress, 'Delete my reading history'));
    expect(textOf(asked)).toMatch(/2 works and 2 bookmarks/);
    const deleted = messageOf(await emu.click(bob, asked, 'Delete'));
    expect(textOf(deleted)).toMatch(/Deleted your place in 2 works and 2 bookmarks/);
    expect(textOf(messageOf(await emu.slash(bob, emu.world.channels.general, 'bookmarks')))).toMatch(/no bookmarks/);
    expect(await e2e.bot.store.bookmarks.list(bob.id)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('the Bookmark button', () => {
  it('on someone else’s reading bookmarks that page for the clicker, and leaves the reader’s message as it was', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const carol = e2e.reader('Carol');
    const page = await onPage(e2e, alice, 2);
    const saved = await bookmark(e2e, carol, page, 'read along');
    expect(saved.ephemeral).toBe(true);
    expect(emu.message(page.id)).toEqual(page);
    expect((await e2e.bot.store.bookmarks.list(carol.id)).map((m) => m.note)).toEqual(['read along']);
    expect(await e2e.bot.store.bookmarks.list(alice.id)).toEqual([]);
  });

  it(`takes a note of up to ${NOTE_LIMIT} characters`, async () => {
    const alice = e2e.reader('Alice');
    const page = await onPage(e2e, alice, 1);
    const clicked = await e2e.emu.click(alice, page, 'Bookmark');
    await expect(e2e.emu.submitModal(clicked, { note: 'x'.repeat(NOTE_LIMIT + 1) })).rejects.toThrow(new RegExp(`0-${NOTE_LIMIT} characters`));
    await e2e.emu.submitModal(clicked, { note: 'x'.repeat(NOTE_LIMIT) });
    expect((await e2e.bot.store.bookmarks.list(alice.id))[0]?.note).toHaveLength(NOTE_LIMIT);
  });

  it(`refuses a bookmark past ${BOOKMARK_LIMIT}, saying the limit`, async () => {
    const dana = e2e.reader('Dana');
    for (let i = 0; i < BOOKMARK_LIMIT; i++) await e2e.bot.store.bookmarks.add(dana.id, { workId: 'a-quiet-evening', chapter: 0, offset: i, note: '', at: i });
    const refused = await bookmark(e2e, dana, await onPage(e2e, dana, 1), 'one more');
    expect(refused.ephemeral).toBe(true);
    expect(textOf(messageOf(refused))).toContain(`${BOOKMARK_LIMIT} bookmarks`);
    expect(await e2e.bot.store.bookmarks.list(dana.id)).toHaveLength(BOOKMARK_LIMIT);
  });
});

describe('/bookmarks', () => {
  it('pages five at a time, newest first, and lists only the work asked for', async () => {
    const { emu, bot } = e2e;
    const erin = e2e.reader('Erin');
    for (let i = 0; i < 7; i++) await bot.store.bookmarks.add(erin.id, { workId: 'one-step-at-a-time', chapter: 0, offset: i * 10, note: `note ${i}`, at: 1_000 + i });
    await bot.store.bookmarks.add(erin.id, { workId: 'a-quiet-evening', chapter: 0, offset: 0, note: 'evening', at: 500 });
    const first = messageOf(await emu.slash(erin, emu.world.channels.general, 'bookmarks'));
    expect(textOf(first)).toMatch(/note 6[\s\S]*note 2/);
    expect(textOf(first)).not.toContain('note 1');
    expect(buttonsOf(first).filter((b) => b.label?.startsWith('Open'))).toHaveLength(5);
    const second = messageOf(await emu.click(erin, first, 'Next'));
    expect(textOf(second)).toMatch(/note 1[\s\S]*note 0[\s\S]*evening/);
    const one = messageOf(await emu.slash(erin, emu.world.channels.general, 'bookmarks', { work: 'a quiet evening' }));
    expect(textOf(one)).toContain('evening');
    expect(textOf(one)).not.toContain('note 0');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('lists bookmarks in restricted works only where they may be shown', async () => {
    const { emu, bot } = e2e;
    const finn = e2e.reader('Finn');
    await bot.store.bookmarks.add(finn.id, { workId: 'a-tiny-spark', chapter: 0, offset: 0, note: 'spark', at: 1 });
    const normal = textOf(messageOf(await emu.slash(finn, emu.world.channels.general, 'bookmarks')));
    expect(normal).not.toContain('A Tiny Spark');
    expect(normal).toMatch(/1 bookmark .*age-restricted/);
    expect(textOf(messageOf(await emu.slash(finn, emu.world.channels.mature, 'bookmarks')))).toContain('A Tiny Spark');
  });
});

if (!hasRedisServer) console.warn('Skipping the bookmark store outage test: redis-server is not installed.');

describe.skipIf(!hasRedisServer)('a bookmark while the store is away', () => {
  it('is answered in time with a clear line and the note given back, and saved when made again', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    const own = await startE2E({ storeUrl: redis.url });
    onTestFinished(() => own.close());
    const gail = own.reader('Gail');
    const page = await onPage(own, gail, 1);
    await own.bot.store.flush();
    redis.kill();
    const refused = await bookmark(own, gail, page, 'do not lose me');
    expect(refused.callback).not.toBeNull();
    expect(refused.ephemeral).toBe(true);
    expect(textOf(messageOf(refused))).toMatch(/could not be saved just now[\s\S]*do not lose me/);
    await redis.start();
    await until(() => own.bot.store.available, 10_000);
    const saved = await bookmark(own, gail, page, 'do not lose me');
    expect(textOf(messageOf(saved))).toMatch(/Bookmarked/);
    expect((await own.bot.store.bookmarks.list(gail.id)).map((m) => m.note)).toEqual(['do not lose me']);
    expect(own.bot.logs.join('')).not.toContain('do not lose me');
  });
});
