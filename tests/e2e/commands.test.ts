import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { unrenderPage } from '../support/unrender.js';
import { chapterText } from '../../src/reading/chapter-text.js';
import { sentenceRanges } from '../../src/reading/sentences.js';
import { textOf, type Message } from '../support/emulator/index.js';
import { descriptionOf, messageOf, startE2E, type E2E } from './world.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.close());

/** Sentences of A Tiny Spark's body long enough to identify it, straight from the file. */
async function tinySparkSentences(): Promise<string[]> {
  const raw = await readFile('seeds/a-tiny-spark.txt', 'utf8');
  return raw.split(/(?<=[.!?”])\s+/).map((s) => s.trim()).filter((s) => s.length > 60);
}

describe('deploy-commands', () => {
  it('registers the commands the README lists, globally, with autocomplete on every work option', () => {
    const commands = e2e.emu.commands();
    expect(commands.map((c) => c['name']).sort()).toEqual(['bookmarks', 'excerpt', 'follow', 'library', 'progress', 'read', 'resume', 'search', 'unfollow', 'works']);
    const workOptions = commands.flatMap((c) => (c['options'] as { name: string; autocomplete?: boolean }[] | undefined) ?? []).filter((o) => o.name === 'work');
    expect(workOptions).toHaveLength(7);
    expect(workOptions.every((o) => o.autocomplete === true)).toBe(true);
  });
});

describe('/works', () => {
  it('lists One Step At A Time and not A Tiny Spark in a normal channel; both where age-restricted', async () => {
    const { emu } = e2e;
    const { alice } = emu.world.users;
    const normal = textOf(messageOf(await emu.slash(alice, emu.world.channels.general, 'works')));
    expect(normal).toContain('One Step At A Time');
    expect(normal).toContain('Teen And Up Audiences');
    expect(normal).not.toContain('A Tiny Spark');
    expect(normal).toMatch(/1 more work is shown only in age-restricted channels/);
    const { summary } = JSON.parse(await readFile('seeds/one-step-at-a-time.meta.json', 'utf8')) as { summary: string };
    expect(normal).toContain(summary.slice(0, 60));
    const restricted = textOf(messageOf(await emu.slash(alice, emu.world.channels.mature, 'works')));
    expect(restricted).toContain('One Step At A Time');
    expect(restricted).toContain('A Tiny Spark');
    expect(restricted).toContain('Explicit');
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('choosing a work', () => {
  it('autocompletes "one st" with One Step At A Time, and offers no restricted work in a normal channel', async () => {
    const { emu } = e2e;
    const { alice } = emu.world.users;
    const choices = await emu.autocomplete(alice, emu.world.channels.general, 'read', { work: 'one st' }, 'work');
    expect(choices).toContainEqual({ name: 'One Step At A Time', value: 'one-step-at-a-time' });
    const all = await emu.autocomplete(alice, emu.world.channels.general, 'read', { work: '' }, 'work');
    expect(all.map((c) => c.value)).not.toContain('a-tiny-spark');
    const restricted = await emu.autocomplete(alice, emu.world.channels.mature, 'excerpt', { work: 'a ti' }, 'work');
    expect(restricted.map((c) => c.value)).toContain('a-tiny-spark');
  });

  it.each(['ONE STEP AT A TIME', 'one step at a time', 'One St', 'one-step-at-a-time'])('opens One Step At A Time for %j', async (typed) => {
    const { emu } = e2e;
    const result = await emu.slash(emu.world.users.carol, emu.world.channels.lobby, 'read', { work: typed, chapter: 1 });
    expect(result.ephemeral).toBe(false);
    expect(textOf(messageOf(result))).toContain('One Step At A Time');
  });

  it('reads a prefix among the works the channel may show: "a" is A Quiet Evening here, ambiguous where A Tiny Spark is allowed', async () => {
    const { emu } = e2e;
    const carol = e2e.reader('Carol');
    const here = await emu.slash(carol, emu.world.channels.general, 'read', { work: 'a' });
    expect(here.ephemeral).toBe(false);
    expect(descriptionOf(messageOf(here))).toMatch(/^The lamps came on one by one/);
    const there = await emu.slash(carol, emu.world.channels.mature, 'read', { work: 'a' });
    expect(there.ephemeral).toBe(true);
    expect(textOf(messageOf(there))).toMatch(/Several works start with “a”.*A Quiet Evening.*A Tiny Spark|Several works start with “a”.*A Tiny Spark.*A Quiet Evening/);
  });

  it('answers an unknown work ephemerally with the closest titles', async () => {
    const { emu } = e2e;
    const result = await emu.slash(emu.world.users.carol, emu.world.channels.general, 'read', { work: 'One Stap At Time' });
    expect(result.ephemeral).toBe(true);
    expect(textOf(messageOf(result))).toMatch(/No work matches .*One Step At A Time/);
  });
});

describe('the rating gate', () => {
  it('refuses A Tiny Spark in a normal channel and in DMs, saying why', async () => {
    const { emu } = e2e;
    const { bob } = emu.world.users;
    const inChannel = await emu.slash(bob, emu.world.channels.general, 'read', { work: 'a-tiny-spark' });
    expect(inChannel.ephemeral).toBe(true);
    expect(textOf(messageOf(inChannel))).toMatch(/rated Explicit.*not age-restricted/);
    const inDm = await emu.slash(bob, emu.world.dms.bob, 'read', { work: 'A Tiny Spark' });
    expect(inDm.ephemeral).toBe(true);
    expect(textOf(messageOf(inDm))).toMatch(/direct messages/);
  });

  it('shows A Tiny Spark in the age-restricted channel and in its thread, epigraph first', async () => {
    const { emu } = e2e;
    const bob = e2e.reader('Bob');
    // The file: a title line, the epigraph's two lines, then the story.
    const [, quote, source, firstParagraph] = (await readFile('seeds/a-tiny-spark.txt', 'utf8')).split(/\n\n+/);
    for (const channel of [emu.world.channels.mature, emu.world.channels.thread]) {
      const result = await emu.slash(bob, channel, 'read', { work: 'a-tiny-spark', chapter: 1 });
      expect(result.ephemeral).toBe(false);
      const opening = `${quote}\n${source}\n\n${firstParagraph!.slice(0, 60)}`;
      expect(unrenderPage(descriptionOf(messageOf(result))).slice(0, opening.length)).toBe(opening);
    }
  });

  it('does not /resume A Tiny Spark in a normal channel, and says where it can', async () => {
    const { emu } = e2e;
    const bob = e2e.reader('Bob');
    await emu.slash(bob, emu.world.channels.mature, 'read', { work: 'a-tiny-spark' });
    const elsewhere = await emu.slash(bob, emu.world.channels.general, 'resume');
    expect(elsewhere.ephemeral).toBe(true);
    expect(textOf(messageOf(elsewhere))).toMatch(/only be shown in an age-restricted channel/);
    const there = await emu.slash(bob, emu.world.channels.mature, 'resume');
    expect(there.ephemeral).toBe(false);
    expect(textOf(messageOf(there))).toContain('A Tiny Spark');
  });

  it('never gives an excerpt of A Tiny Spark in a normal channel (100 draws)', async () => {
    const { emu } = e2e;
    e2e.seed(100);
    const sentences = await tinySparkSentences();
    // Four rounds of 25 at once: the bot draws in the order the gateway delivers them, so the draws stay seeded.
    for (let round = 0; round < 4; round++) {
      const results = await Promise.all(Array.from({ length: 25 }, () => emu.slash(emu.world.users.alice, emu.world.channels.general, 'excerpt')));
      for (const result of results) {
        const text = textOf(messageOf(result));
        expect(text).not.toContain('A Tiny Spark');
        expect(sentences.filter((sentence) => text.includes(sentence))).toEqual([]);
      }
    }
  });

  it('refuses an excerpt of A Tiny Spark asked for by name in a normal channel', async () => {
    const { emu } = e2e;
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'excerpt', { work: 'a-tiny-spark' });
    expect(result.ephemeral).toBe(true);
    expect(textOf(messageOf(result))).toMatch(/rated Explicit/);
  });
});

describe('/excerpt', () => {
  it('gives whole sentences with attribution and a button that opens a reading there', async () => {
    const { emu, bot } = e2e;
    const carol = e2e.reader('Carol');
    const { text, blocks } = chapterText(bot.catalog.byId('a-tiny-spark')!, 0);
    const paragraphSentences = blocks.flatMap((block) => sentenceRanges(text.slice(block.start, block.end)).map((s) => ({ start: block.start + s.start, end: block.start + s.end })));
    const starts = new Set(paragraphSentences.map((s) => s.start));
    const ends = new Set(paragraphSentences.map((s) => s.end));
    let message: Message | undefined;
    for (const seed of [1, 2, 3, 4, 5]) {
      e2e.seed(seed);
      message = messageOf(await emu.slash(carol, emu.world.channels.mature, 'excerpt', { work: 'a tiny spark' }));
      expect(textOf(message)).toContain('A Tiny Spark by an unknown author');
      const shown = unrenderPage(descriptionOf(message));
      const at = text.indexOf(shown);
      expect(at, shown).toBeGreaterThanOrEqual(0);
      expect(starts.has(at), `starts a sentence: ${shown.slice(0, 40)}`).toBe(true);
      expect(ends.has(at + shown.length), `ends a sentence: ${shown.slice(-40)}`).toBe(true);
      expect(descriptionOf(message).length).toBeLessThanOrEqual(1300);
    }
    const passage = descriptionOf(message!);
    const opened = messageOf(await emu.click(carol, message!, 'Read from here'));
    // The page opened holds the passage's start; its first words may run on to the next page only at a word end.
    const flat = (text: string) => unrenderPage(text).split(/\s+/).join(' ');
    const firstWords = flat(passage).split(' ').slice(0, 2).join(' ');
    expect(flat(descriptionOf(opened))).toContain(firstWords);
  });
});

describe('mentions', () => {
  it('sends a page containing @everyone and a user mention with allowed_mentions parsing nothing', async () => {
    const { emu } = e2e;
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'read', { work: 'hello everyone' });
    const text = descriptionOf(messageOf(result));
    expect(text).toContain('@everyone');
    expect(text).toContain('<@1200000000000000002>');
    // The emulator refuses, and records, any message whose allowed_mentions is missing or parses anything.
    expect(emu.takeViolations()).toEqual([]);
    expect(messageOf(result).mention_everyone).toBe(false);
  });
});

describe('bad input', () => {
  it('answers a garbled custom_id ephemerally and keeps serving', async () => {
    const { emu } = e2e;
    const { alice } = emu.world.users;
    const page = messageOf(await emu.slash(alice, emu.world.channels.general, 'read', { work: 'one-step-at-a-time', chapter: 1 }));
    for (const forged of ['page:v1:n:???', 'page:v9:n:x:0:0:1', 'nonsense', `open:v1:no-such-work:0:0`]) {
      const result = await emu.forgedClick(alice, page, forged);
      expect(result.ephemeral).toBe(true);
      expect(textOf(messageOf(result)).length).toBeGreaterThan(10);
    }
    expect(emu.message(page.id)).toEqual(page);
    const still = await emu.click(alice, page, 'Next');
    expect(still.callback?.type).toBe(7);
  });

  it('answers a chapter out of range ephemerally', async () => {
    const { emu } = e2e;
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'read', { work: 'three-small-rooms', chapter: 9 });
    expect(result.ephemeral).toBe(true);
    expect(textOf(messageOf(result))).toContain('has 3 chapters');
  });

  it('logs each interaction, refused ones with the reason, and no token: neither the bot’s nor an interaction’s', async () => {
    const { bot, emu } = e2e;
    const alice = e2e.reader('Alice');
    const from = bot.logs.length;
    const opened = await emu.slash(alice, emu.world.channels.general, 'read', { work: 'one-step-at-a-time' });
    const turned = await emu.click(alice, messageOf(opened), 'Next');
    const forged = await emu.forgedClick(alice, messageOf(turned), 'nonsense');
    const lines = bot.logs.slice(from).map((line) => JSON.parse(line) as { msg: string; level: number; interaction?: string });
    expect(lines.filter((l) => l.msg === 'interaction handled').map((l) => l.interaction)).toEqual([opened.id, turned.id]);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'interaction refused', interaction: forged.id, reason: expect.stringContaining('damaged') }));
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    const logs = bot.logs.join('');
    for (const token of [emu.token, opened.token, turned.token, forged.token]) expect(logs).not.toContain(token);
  });
});

describe('an error inside a command', () => {
  it('gets a short ephemeral apology, the detail goes to the log, and the bot keeps serving', async () => {
    // A world of its own: breaking the catalog on purpose must not reach the other tests.
    const own = await startE2E();
    onTestFinished(() => own.close());
    const { emu, bot } = own;
    const ids = bot.catalog.ids.bind(bot.catalog);
    bot.catalog.ids = () => {
      throw new Error('a bug in the catalog');
    };
    const failed = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'progress');
    expect(failed.ephemeral).toBe(true);
    expect(textOf(messageOf(failed))).toMatch(/^Sorry, something went wrong/);
    expect(bot.logs.some((line) => JSON.parse(line).msg === 'interaction failed' && line.includes('a bug in the catalog'))).toBe(true);
    bot.catalog.ids = ids;
    const works = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'works');
    expect(textOf(messageOf(works))).toContain('One Step At A Time');
  });
});
