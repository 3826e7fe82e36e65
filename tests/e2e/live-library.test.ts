// A living library (README "A living library"): files added, replaced or removed in LIBRARY_DIR while the bot
// runs show up within seconds, without a restart; a broken replacement keeps the good version.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buttonsOf, textOf } from '../support/emulator/index.js';
import { unrenderPage } from '../support/unrender.js';
import { until } from '../support/until.js';
import { descriptionOf, type E2E, messageOf, putInLibrary, RELOAD_WITHIN_MS, startE2EForTest } from './world.js';

/** A plain text file is Not Rated, shown only in age-restricted channels; these are for everyone. */
const rated = (e2e: E2E, file: string) => putInLibrary(e2e, file.replace(/\.txt$/, '.meta.json'), JSON.stringify({ rating: 'General Audiences' }));
const story = (title: string, line: string) => `${title}\n\n${`${line} `.repeat(20).trim()}\n\nThe lamps went out at last.\n`;
const has = (e2e: E2E, id: string) => () => e2e.bot.catalog.byId(id) !== undefined;

describe('a file put into LIBRARY_DIR while the bot runs', () => {
  it('is listed and readable within seconds, without a restart', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const reader = e2e.reader('Noor');
    await rated(e2e, 'new-arrival.txt');
    await putInLibrary(e2e, 'new-arrival.txt', story('New Arrival', 'The parcel came on a Tuesday.'));
    await until(has(e2e, 'new-arrival'), RELOAD_WITHIN_MS, 'the new work in the catalog');

    const works = await emu.slash(reader, emu.world.channels.general, 'works');
    expect(textOf(messageOf(works))).toContain('New Arrival');
    const opened = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'new-arrival' }));
    expect(descriptionOf(opened)).toMatch(/^The parcel came on a Tuesday\./);
    expect(e2e.bot.logs.join('')).toContain('"msg":"work added"');
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a work whose file is replaced while the bot runs', () => {
  it('shows the new version, and keeps the old one when the new one cannot be read', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const reader = e2e.reader('Ines');
    await rated(e2e, 'keeper.txt');
    await putInLibrary(e2e, 'keeper.txt', story('Keeper', 'The first draft.'));
    await until(has(e2e, 'keeper'), RELOAD_WITHIN_MS, 'the work in the catalog');
    const first = e2e.bot.catalog.byId('keeper');

    await putInLibrary(e2e, 'keeper.txt', story('Keeper', 'The second draft.'));
    await until(() => e2e.bot.catalog.byId('keeper') !== first, RELOAD_WITHIN_MS, 'the work read again');
    const second = e2e.bot.catalog.byId('keeper');
    expect(descriptionOf(messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'keeper' })))).toMatch(/^The second draft\./);

    await putInLibrary(e2e, 'keeper.txt', Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50]));
    await until(() => e2e.bot.logs.some((line) => line.includes('a new version could not be read')), RELOAD_WITHIN_MS, 'the warning in the log');
    expect(e2e.bot.catalog.byId('keeper')).toBe(second);
    const again = messageOf(await emu.slash(e2e.reader('Omar'), emu.world.channels.general, 'read', { work: 'keeper' }));
    expect(descriptionOf(again)).toMatch(/^The second draft\./);
    const warning = e2e.bot.logs.map((line) => JSON.parse(line) as Record<string, unknown>).find((line) => line['msg'] === 'work file loaded with a warning');
    expect(warning).toMatchObject({ file: 'keeper.txt', warning: expect.stringContaining('the previous version is still shown') });
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a work whose file is removed while the bot runs', () => {
  it('leaves the library, and its posted buttons say so', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const reader = e2e.reader('Sami');
    await rated(e2e, 'leaving.txt');
    await putInLibrary(e2e, 'leaving.txt', story('Leaving Soon', 'The train was already late.'));
    await until(has(e2e, 'leaving-soon'), RELOAD_WITHIN_MS, 'the work in the catalog');
    const page = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'leaving-soon' }));

    await rm(join(e2e.env.LIBRARY_DIR, 'leaving.txt'));
    await until(() => !has(e2e, 'leaving-soon')(), RELOAD_WITHIN_MS, 'the work gone from the catalog');
    const works = await emu.slash(reader, emu.world.channels.general, 'works');
    expect(textOf(messageOf(works))).not.toContain('Leaving Soon');
    // The page's one page has Next disabled; a reader's client can still send its click (a stale message).
    const click = await emu.forgedClick(reader, page, buttonsOf(page).find((b) => b.label === 'Next')!.customId!);
    expect(click.ephemeral).toBe(true);
    expect(textOf(click.message!)).toContain('no longer in the library');
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a reader of a work edited while the bot runs', () => {
  const paragraphs = (prefix: string, count: number) =>
    Array.from({ length: count }, (_, i) => `${prefix} ${i + 1}: ${`the ${prefix.toLowerCase()} went on, word after word, line ${i + 1} `.repeat(6).trim()}.`);
  const write = (e2e: E2E, body: string[]) => putInLibrary(e2e, 'drifting.txt', ['Drifting', '', ...body.flatMap((p) => [p, ''])].join('\n'));

  async function readerOnPageThree(e2e: E2E) {
    const { emu } = e2e;
    await rated(e2e, 'drifting.txt');
    await write(e2e, paragraphs('Story', 60));
    await until(has(e2e, 'drifting'), RELOAD_WITHIN_MS, 'the work in the catalog');
    const reader = e2e.reader('Lior');
    let page = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'drifting' }));
    for (let turn = 0; turn < 2; turn++) page = messageOf(await emu.click(reader, page, 'Next'));
    return { reader, page, passage: unrenderPage(descriptionOf(page)).slice(0, 80) };
  }

  it('resumes at the same passage after an author’s note longer than a page is added above it', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const { reader, passage } = await readerOnPageThree(e2e);
    const before = e2e.bot.catalog.byId('drifting');
    await write(e2e, [...paragraphs('Note', 20), ...paragraphs('Story', 60)]);
    await until(() => e2e.bot.catalog.byId('drifting') !== before, RELOAD_WITHIN_MS, 'the work read again');

    const resumed = messageOf(await emu.slash(reader, emu.world.channels.general, 'resume', { work: 'drifting' }));
    expect(unrenderPage(descriptionOf(resumed))).toContain(passage);
    expect(resumed.content).not.toContain('changed since you were here');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('finds a bookmark’s passage too: its Open opens the page holding it after the note is added', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const { reader, passage, page } = await readerOnPageThree(e2e);
    await emu.submitModal(await emu.click(reader, page, 'Bookmark'), { note: 'where the story turns' });
    const before = e2e.bot.catalog.byId('drifting');
    await write(e2e, [...paragraphs('Note', 20), ...paragraphs('Story', 60)]);
    await until(() => e2e.bot.catalog.byId('drifting') !== before, RELOAD_WITHIN_MS, 'the work read again');

    const listed = messageOf(await emu.slash(reader, emu.world.channels.general, 'bookmarks'));
    const opened = messageOf(await emu.click(reader, listed, 'Open 1'));
    expect(unrenderPage(descriptionOf(opened))).toContain(passage);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('opens at the start of the chapter, saying why, when the passage was cut', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const { reader, passage } = await readerOnPageThree(e2e);
    const before = e2e.bot.catalog.byId('drifting');
    await write(e2e, paragraphs('Story', 60).filter((p) => !passage.startsWith(p.slice(0, 80)) && !p.startsWith(passage.slice(0, 40))));
    await until(() => e2e.bot.catalog.byId('drifting') !== before, RELOAD_WITHIN_MS, 'the work read again');

    const resumed = messageOf(await emu.slash(reader, emu.world.channels.general, 'resume', { work: 'drifting' }));
    expect(resumed.content).toContain('This work changed since you were here and your passage is gone');
    expect(unrenderPage(descriptionOf(resumed))).toMatch(/^Story 1: /);
    expect(emu.takeViolations()).toEqual([]);
  });
});
