// A server's notices channel (README "Following a work"): /library notices on:true in a channel has new works
// and new chapters announced there, pinging nobody; a restricted work only where the channel is age-restricted.
import { describe, expect, it } from 'vitest';
import { buttonsOf, type ApiChannel, type Message } from '../support/emulator/index.js';
import { until } from '../support/until.js';
import { descriptionOf, type E2E, messageOf, putInLibrary, RELOAD_WITHIN_MS, startE2EForTest } from './world.js';

const markdown = (title: string, rating: string, chapters: string[]) =>
  `---\ntitle: ${title}\nrating: ${rating}\n---\n${chapters.map((c, i) => `# ${c}\n\nThe ${c.toLowerCase()} began at dusk, as chapter ${i + 1} does.\n`).join('\n')}`;
/** What the bot posted in a channel on its own (not as an answer to an interaction). */
const posted = (e2e: E2E, channel: ApiChannel): Message[] => e2e.emu.messages(channel.id).filter((m) => m.interaction_metadata === undefined);

async function noticesIn(e2e: E2E, channel: ApiChannel): Promise<void> {
  const answer = await e2e.emu.slash(e2e.emu.world.users.alice, channel, 'library notices', { on: true });
  expect(answer.ephemeral).toBe(true);
  expect(messageOf(answer).content).toContain('will be announced in');
}

describe('a server with a notices channel', () => {
  it('hears of a new work there, with a button that opens it, and of no restricted work in a channel that is not age-restricted', async () => {
    const e2e = await startE2EForTest();
    const { general } = e2e.emu.world.channels;
    await noticesIn(e2e, general);
    await Promise.all([
      putInLibrary(e2e, 'fresh-news.md', markdown('Fresh News', 'General Audiences', ['Morning'])),
      putInLibrary(e2e, 'grown-up.md', markdown('Grown Up', 'Mature', ['Evening'])),
    ]);
    await until(() => posted(e2e, general).length > 0, RELOAD_WITHIN_MS, 'a notice in the channel');
    await until(() => e2e.bot.logs.some((line) => line.includes('"msg":"server notices sent"')), RELOAD_WITHIN_MS, 'the log line');

    const notices = posted(e2e, general);
    expect(notices.map((m) => m.content)).toEqual(['New in the library: **Fresh News** (General Audiences).']);
    expect(notices[0]!.mentions).toEqual([]);
    const opened = messageOf(await e2e.emu.click(e2e.reader('Ada'), notices[0]!, 'Open it'));
    expect(descriptionOf(opened)).toContain('The morning began at dusk');
    expect(e2e.emu.takeViolations()).toEqual([]);
  });

  it('in an age-restricted channel hears of restricted works too, and of a new chapter', async () => {
    const e2e = await startE2EForTest();
    const { mature } = e2e.emu.world.channels;
    await noticesIn(e2e, mature);
    await putInLibrary(e2e, 'night-shift.md', markdown('Night Shift', 'Explicit', ['One', 'Two']));
    await until(() => posted(e2e, mature).length === 1, RELOAD_WITHIN_MS, 'the new work announced');
    expect(posted(e2e, mature)[0]!.content).toBe('New in the library: **Night Shift** (Explicit).');

    await putInLibrary(e2e, 'night-shift.md', markdown('Night Shift', 'Explicit', ['One', 'Two', 'Three']));
    await until(() => posted(e2e, mature).length === 2, RELOAD_WITHIN_MS, 'the new chapter announced');
    const chapter = posted(e2e, mature)[1]!;
    expect(chapter.content).toBe('**Night Shift** has a new chapter: **Three**.');
    expect(buttonsOf(chapter).map((b) => b.label)).toEqual(['Read chapter 3']);
    expect(e2e.emu.takeViolations()).toEqual([]);
  });

  it('is refused to a member without Manage Server', async () => {
    const e2e = await startE2EForTest();
    await expect(e2e.emu.slash(e2e.reader('Bo'), e2e.emu.world.channels.general, 'library notices', { on: true })).rejects.toThrow();
  });
});
