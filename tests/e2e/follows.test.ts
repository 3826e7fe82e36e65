// Following a work (README "Following a work"): Follow under a page or /follow; when the work gains a chapter
// in a reload, each follower gets one direct message naming it, with a button that opens the new chapter.
import { describe, expect, it, onTestFinished } from 'vitest';
import { buttonsOf, textOf, type ApiUser } from '../support/emulator/index.js';
import { hasRedisServer, startOwnRedis } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { descriptionOf, type E2E, messageOf, putInLibrary, RELOAD_WITHIN_MS, startE2EForTest } from './world.js';

const CHAPTERS = ['The Departure', 'The Crossing', 'The Return'];

/** A Markdown serial with its first `count` chapters. */
function serial(title: string, count: number, rating = 'General Audiences'): string {
  const chapters = CHAPTERS.slice(0, count).map((name, i) => `# ${name}\n\nIn part ${i + 1}, ${name.toLowerCase()} began at dawn.\n`);
  return `---\ntitle: ${title}\nrating: ${rating}\n---\n\n${chapters.join('\n')}`;
}

const slug = (title: string) => title.toLowerCase().replace(/ /g, '-');

/** Puts the serial with `count` chapters and waits for the catalog to show that many. */
async function publish(e2e: E2E, title: string, count: number, rating?: string): Promise<void> {
  await putInLibrary(e2e, `${slug(title)}.md`, serial(title, count, rating));
  await until(() => e2e.bot.catalog.byId(slug(title))?.chapters.length === count, RELOAD_WITHIN_MS, `${title} with ${count} chapters`);
}

async function followByButton(e2e: E2E, reader: ApiUser, workId: string) {
  const page = messageOf(await e2e.emu.slash(reader, e2e.emu.world.channels.general, 'read', { work: workId }));
  const clicked = await e2e.emu.click(reader, page, 'Follow');
  return clicked;
}

const noticesLogged = (e2e: E2E) => e2e.bot.logs.filter((line) => line.includes('"msg":"chapter notices sent"')).map((line) => JSON.parse(line) as Record<string, unknown>);

describe('a follower of a work', () => {
  it('gets exactly one direct message when a chapter is added, whose button opens the new chapter; a reader who does not follow gets none', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const follower = e2e.reader('Hana');
    const other = e2e.reader('Ivo');
    await publish(e2e, 'Tidewater', 2);
    const followed = await followByButton(e2e, follower, 'tidewater');
    expect(followed.ephemeral).toBe(true);
    expect(textOf(followed.message!)).toContain('Following **Tidewater**');
    // The page is as it was: the button answers, it does not redraw the reading.
    messageOf(await emu.slash(other, emu.world.channels.general, 'read', { work: 'tidewater' }));

    await publish(e2e, 'Tidewater', 3);
    await until(() => emu.dmsOf(follower).length > 0, RELOAD_WITHIN_MS, 'the follower\'s DM');
    await until(() => noticesLogged(e2e).length > 0, RELOAD_WITHIN_MS, 'the batch logged');
    const [dm, ...more] = emu.dmsOf(follower);
    expect(more).toEqual([]);
    expect(textOf(dm!)).toContain('Tidewater');
    expect(textOf(dm!)).toContain('The Return');
    expect(emu.dmsOf(other)).toEqual([]);
    expect(noticesLogged(e2e)[0]).toMatchObject({ work: 'tidewater', sent: 1, skipped: 0 });

    const opened = await emu.click(follower, dm!, 'Read chapter 3');
    expect(descriptionOf(messageOf(opened))).toMatch(/^In part 3, the return began at dawn\./);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('whose DMs are closed is skipped and counted in the log, and the others still get theirs', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const closed = e2e.reader('Jun');
    const open = e2e.reader('Kaya');
    await publish(e2e, 'Lanterns', 1);
    await followByButton(e2e, closed, 'lanterns');
    const viaCommand = await emu.slash(open, emu.world.channels.general, 'follow', { work: 'Lanterns' });
    expect(textOf(viaCommand.message!)).toContain('Following **Lanterns**');
    emu.closeDms(closed);

    await publish(e2e, 'Lanterns', 2);
    await until(() => noticesLogged(e2e).length > 0, RELOAD_WITHIN_MS, 'the batch logged');
    expect(noticesLogged(e2e)).toEqual([expect.objectContaining({ work: 'lanterns', sent: 1, skipped: 1 })]);
    expect(emu.dmsOf(open)).toHaveLength(1);
    expect(emu.dmsOf(closed)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('keeps following after a restart', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const follower = e2e.reader('Lior');
    await publish(e2e, 'Meridian', 1);
    await followByButton(e2e, follower, 'meridian');
    await e2e.restart();
    await publish(e2e, 'Meridian', 2);
    await until(() => emu.dmsOf(follower).length > 0, RELOAD_WITHIN_MS, 'the follower\'s DM');
    expect(textOf(emu.dmsOf(follower)[0]!)).toContain('The Crossing');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('hears nothing more after /unfollow', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const leaving = e2e.reader('Mira');
    const staying = e2e.reader('Nils');
    await publish(e2e, 'Northbound', 1);
    await followByButton(e2e, leaving, 'northbound');
    await followByButton(e2e, staying, 'northbound');
    const unfollowed = await emu.slash(leaving, emu.world.channels.general, 'unfollow', { work: 'northbound' });
    expect(textOf(unfollowed.message!)).toContain('You no longer follow **Northbound**');

    await publish(e2e, 'Northbound', 2);
    await until(() => noticesLogged(e2e).length > 0, RELOAD_WITHIN_MS, 'the batch logged');
    expect(emu.dmsOf(staying)).toHaveLength(1);
    expect(emu.dmsOf(leaving)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('is listed by /progress, and its delete removes the follows too', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const reader = e2e.reader('Oona');
    const sentinel = e2e.reader('Pim');
    await publish(e2e, 'Saltmarsh', 1);
    await followByButton(e2e, reader, 'saltmarsh');
    await followByButton(e2e, sentinel, 'saltmarsh');
    const listed = messageOf(await emu.slash(reader, emu.world.channels.general, 'progress'));
    expect(textOf(listed)).toContain('following 1 work');
    const asked = await emu.click(reader, listed, 'Delete my reading history');
    expect(textOf(asked.message!)).toContain('and 1 followed work');
    const done = await emu.click(reader, asked.message!, 'Delete');
    expect(textOf(done.message!)).toContain('and 1 followed work');

    await publish(e2e, 'Saltmarsh', 2);
    await until(() => noticesLogged(e2e).length > 0, RELOAD_WITHIN_MS, 'the batch logged');
    expect(emu.dmsOf(sentinel)).toHaveLength(1);
    expect(emu.dmsOf(reader)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('of a Mature work gets a DM that names neither the work nor the chapter and shows no button', async () => {
    const e2e = await startE2EForTest();
    const { emu } = e2e;
    const reader = e2e.reader('Quin');
    await publish(e2e, 'Velvet Hours', 1, 'Mature');
    const page = messageOf(await emu.slash(reader, emu.world.channels.mature, 'read', { work: 'velvet-hours' }));
    await emu.click(reader, page, 'Follow');
    await publish(e2e, 'Velvet Hours', 2, 'Mature');
    await until(() => emu.dmsOf(reader).length > 0, RELOAD_WITHIN_MS, 'the DM');
    const dm = emu.dmsOf(reader)[0]!;
    expect(textOf(dm)).toContain('age-restricted channel');
    expect(textOf(dm)).not.toMatch(/Velvet|Crossing|velvet/);
    expect(buttonsOf(dm)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });
});

if (!hasRedisServer) console.warn('Skipping the follow store outage test: redis-server is not installed.');

describe.skipIf(!hasRedisServer)('following while the store is away', () => {
  it('is answered in time with a clear line; a new chapter meanwhile is logged, not sent, and nothing crashes', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    const e2e = await startE2EForTest({ storeUrl: redis.url });
    const { emu } = e2e;
    const reader = e2e.reader('Rhea');
    await publish(e2e, 'Quayside', 1);
    const page = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work: 'quayside' }));
    await e2e.bot.store.flush();
    redis.kill();
    const refused = await emu.click(reader, page, 'Follow');
    expect(refused.callback).not.toBeNull();
    expect(refused.ephemeral).toBe(true);
    expect(textOf(messageOf(refused))).toMatch(/cannot be reached just now/);
    const command = await emu.slash(reader, emu.world.channels.general, 'follow', { work: 'quayside' });
    expect(textOf(messageOf(command))).toMatch(/cannot be reached just now/);

    await publish(e2e, 'Quayside', 2);
    await until(() => e2e.bot.logs.some((line) => line.includes('could not be told')), RELOAD_WITHIN_MS, 'the failure logged');
    expect(emu.dmsOf(reader)).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });
});
