import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { pagesOf } from '../../src/reading/paginate.js';
import { textOf, type ApiUser, type Message } from '../support/emulator/index.js';
import { descriptionOf, footerOf, messageOf, startE2E, type E2E } from './world.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

const workNamed = (id: string) => e2e.bot.catalog.byId(id)!;

/** Three Small Rooms opened at chapter 1, past its archive-warnings screen. */
async function openRooms(reader: ApiUser): Promise<Message> {
  const warned = messageOf(await e2e.emu.slash(reader, e2e.emu.world.channels.general, 'read', { work: 'three-small-rooms' }));
  return messageOf(await e2e.emu.click(reader, warned, 'Start reading'));
}

/** Clicks Go to… on `message` as `reader` and submits `values` into the modal it opens. */
async function goTo(reader: ApiUser, message: Message, values: Record<string, string>) {
  const clicked = await e2e.emu.click(reader, message, 'Go to…');
  expect(clicked.callback?.type).toBe(9);
  return e2e.emu.submitModal(clicked, values);
}

describe('Go to…', () => {
  it('turns the reader’s own message to page N of this chapter', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const opened = messageOf(await emu.slash(alice, emu.world.channels.general, 'read', { work: 'one-step-at-a-time' }));
    const pages = pagesOf(workNamed('one-step-at-a-time'), 0);
    const n = Math.ceil(pages.length / 2);
    const landed = await goTo(alice, opened, { page: String(n) });
    expect(landed.callback?.type).toBe(7);
    const page = messageOf(landed);
    expect(page.id).toBe(opened.id);
    expect(descriptionOf(page)).toBe(pages[n - 1]!.body);
    expect(footerOf(page)).toContain(`Page ${n}/${pages.length}`);
    expect((await e2e.bot.store.get(alice.id, 'one-step-at-a-time'))?.offset).toBe(pages[n - 1]!.start);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('goes to chapter M, to page N of chapter M, and to a percent of the work', async () => {
    const alice = e2e.reader('Alice');
    const work = workNamed('three-small-rooms');
    let page = await openRooms(alice);

    page = messageOf(await goTo(alice, page, { chapter: '3' }));
    expect(textOf(page)).toContain(work.chapters[2]!.title);
    expect(descriptionOf(page)).toBe(pagesOf(work, 2)[0]!.body);

    const second = pagesOf(work, 1);
    const n = Math.min(2, second.length);
    page = messageOf(await goTo(alice, page, { chapter: '2', page: String(n) }));
    expect(textOf(page)).toContain(work.chapters[1]!.title);
    expect(descriptionOf(page)).toBe(second[n - 1]!.body);

    // 60% of the work's text: the chapter and offset where that many characters have gone before.
    const lengths = work.chapters.map((_, i) => chapterText(work, i).text.length);
    let before = Math.ceil((60 * lengths.reduce((a, b) => a + b, 0)) / 100);
    let chapter = 0;
    while (before >= lengths[chapter]! && chapter < lengths.length - 1) before -= lengths[chapter++]!;
    const expected = pagesOf(work, chapter).find((p) => p.start <= before && before < p.end)!;
    page = messageOf(await goTo(alice, page, { percent: '60' }));
    expect(textOf(page)).toContain(work.chapters[chapter]!.title);
    expect(descriptionOf(page)).toBe(expected.body);
    expect(footerOf(page)).toMatch(/(6\d|[7-9]\d|100)% of the work/);
    expect(e2e.emu.takeViolations()).toEqual([]);
  });

  it.each([
    ['a page past the chapter’s end', { page: '999' }, /from 1 to \d+/],
    ['a page that is not a number', { page: 'three' }, /from 1 to \d+/],
    ['page 0', { page: '0' }, /from 1 to \d+/],
    ['a chapter past the last', { chapter: '9' }, /has 3 chapters.*from 1 to 3/],
    ['a chapter that is not a number', { chapter: '2b' }, /from 1 to 3/],
    ['a percent over 100', { percent: '150' }, /from 0 to 100/],
    ['a percent that is not a number', { percent: 'half' }, /from 0 to 100/],
    ['a percent with a page', { percent: '10', page: '2' }, /percent.*or.*not both/i],
    ['nothing at all', {}, /page, a chapter or a percent/],
  ])('answers %s briefly and only to the reader, and leaves the page as it was', async (_name, values, answer) => {
    const alice = e2e.reader('Alice');
    const page = await openRooms(alice);
    const refused = await goTo(alice, page, values);
    expect(refused.ephemeral).toBe(true);
    const text = textOf(messageOf(refused));
    expect(text).toMatch(answer);
    expect(text.length).toBeLessThan(150);
    expect(e2e.emu.message(page.id)).toEqual(page);
    expect(e2e.emu.takeViolations()).toEqual([]);
  });

  it('says the page range of the chapter asked for', async () => {
    const alice = e2e.reader('Alice');
    const count = pagesOf(workNamed('three-small-rooms'), 2).length;
    const refused = await goTo(alice, await openRooms(alice), { chapter: '3', page: String(count + 1) });
    expect(textOf(messageOf(refused))).toContain(`from 1 to ${count}`);
  });

  it('from someone else’s reading opens the clicker’s own copy there and leaves the reader’s message as it was', async () => {
    const { emu } = e2e;
    const alice = e2e.reader('Alice');
    const bob = e2e.reader('Bob');
    const opened = messageOf(await emu.slash(alice, emu.world.channels.general, 'read', { work: 'one-step-at-a-time' }));
    const own = await goTo(bob, opened, { page: '2' });
    expect(own.callback?.type).toBe(4);
    expect(own.ephemeral).toBe(false);
    expect(messageOf(own).id).not.toBe(opened.id);
    expect(footerOf(messageOf(own))).toContain('Page 2/');
    expect(emu.message(opened.id)).toEqual(opened);
    expect((await e2e.bot.store.get(bob.id, 'one-step-at-a-time'))?.offset).toBe(pagesOf(workNamed('one-step-at-a-time'), 0)[1]!.start);
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('/read with a page', () => {
  it('opens page N of the work, or of the chapter asked for', async () => {
    const { emu } = e2e;
    const carol = e2e.reader('Carol');
    const pages = pagesOf(workNamed('one-step-at-a-time'), 0);
    const opened = messageOf(await emu.slash(carol, emu.world.channels.general, 'read', { work: 'one-step-at-a-time', page: 3 }));
    expect(descriptionOf(opened)).toBe(pages[2]!.body);
    expect(footerOf(opened)).toContain(`Page 3/${pages.length}`);

    const rooms = workNamed('three-small-rooms');
    const warned = messageOf(await emu.slash(carol, emu.world.channels.general, 'read', { work: 'three-small-rooms', chapter: 2, page: 1 }));
    const page = messageOf(await emu.click(carol, warned, 'Start reading'));
    expect(descriptionOf(page)).toBe(pagesOf(rooms, 1)[0]!.body);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('answers a page past the chapter’s end briefly, with the range', async () => {
    const { emu } = e2e;
    const count = pagesOf(workNamed('one-step-at-a-time'), 0).length;
    const refused = await emu.slash(e2e.reader('Carol'), emu.world.channels.general, 'read', { work: 'one-step-at-a-time', page: count + 1 });
    expect(refused.ephemeral).toBe(true);
    expect(textOf(messageOf(refused))).toContain(`from 1 to ${count}`);
  });
});
