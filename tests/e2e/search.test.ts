import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chapterText } from '../../src/reading/chapter-text.js';
import { pageAt } from '../../src/reading/navigation.js';
import { PASSAGE_TARGET } from '../../src/search/passages.js';
import { QUERY_MAX_LENGTH, QUERY_MAX_WORDS } from '../../src/search/query.js';
import { buttonsOf, textOf, type Message } from '../support/emulator/index.js';
import { unrenderPage } from '../support/unrender.js';
import { until } from '../support/until.js';
import { descriptionOf, footerOf, messageOf, putInLibrary, RELOAD_WITHIN_MS, startE2E, type E2E } from './world.js';

/** A 30-chapter work whose 27th chapter, a few pages in, holds a phrase found nowhere else. */
const LONG_ROAD_CHAPTERS = 30;
const HIDDEN_CHAPTER = 26;
const HIDDEN = 'the lantern keeper whispered her secret name';

function longRoad(): string {
  const sentence = (c: number, i: number) => `Mile ${c * 100 + i} of the road went by under grey skies, and the travellers kept walking.`;
  const chapter = (c: number) => {
    const paragraphs = Array.from({ length: 60 }, (_, p) => Array.from({ length: 3 }, (_, s) => sentence(c, p * 3 + s)).join(' '));
    if (c === HIDDEN_CHAPTER) paragraphs[40] = `At the ford ${HIDDEN}, and Zoë wrote it down.`;
    return `# Stage ${c + 1}\n\n${paragraphs.join('\n\n')}`;
  };
  return `---\ntitle: The Long Road\nrating: General Audiences\nwarnings: [No Archive Warnings Apply]\n---\n\n${Array.from({ length: LONG_ROAD_CHAPTERS }, (_, c) => chapter(c)).join('\n\n')}\n`;
}

/** Seven passages, each a paragraph of its own, that ring a bell: a phrase's hits on two pages. */
const BELLS = 7;
const BELL = 'the silver bell rang';
function bells(): string {
  const paragraphs = Array.from({ length: BELLS }, (_, i) => `${'Snow fell on the roofs and nobody spoke. '.repeat(Math.ceil(PASSAGE_TARGET / 40))}Then ${BELL} ${i + 1} times.`);
  return `---\ntitle: Bells\nrating: General Audiences\nwarnings: [No Archive Warnings Apply]\n---\n\n# Bells\n\n${paragraphs.join('\n\n')}\n`;
}

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await writeFile(join(e2e.env.LIBRARY_DIR, 'the-long-road.md'), longRoad());
  await writeFile(join(e2e.env.LIBRARY_DIR, 'bells.md'), bells());
  await e2e.restart();
  await until(() => e2e.bot.search.state === 'ready', 20_000, 'the search index');
}, 60_000);
afterAll(() => e2e?.close());

/** A sentence of A Tiny Spark (Explicit) from the file itself, as the search would be typed. */
async function tinySparkPhrase(): Promise<string> {
  const raw = await readFile('seeds/a-tiny-spark.txt', 'utf8');
  const sentence = raw.split(/(?<=[.!?”])\s+/).map((s) => s.trim()).find((s) => /^[A-Za-z ,]{60,}\.$/.test(s))!;
  return sentence.split(' ').slice(1, 6).join(' ');
}

function hitLines(message: Message): string[] {
  return descriptionOf(message).split('\n\n');
}

describe('/search', () => {
  it('finds a phrase in a late chapter of a long work, and its button opens the page that holds it', async () => {
    const { emu, bot } = e2e;
    const reader = e2e.reader('Ines');
    const result = await emu.slash(reader, emu.world.channels.general, 'search', { query: `"${HIDDEN.toUpperCase()}"` });
    expect(result.ephemeral).toBe(true);
    const message = messageOf(result);
    const work = bot.catalog.byId('the-long-road')!;
    const { text } = chapterText(work, HIDDEN_CHAPTER);
    const at = pageAt(work, { chapter: HIDDEN_CHAPTER, offset: text.indexOf(HIDDEN) });
    const [hit, ...others] = hitLines(message);
    expect(others).toEqual([]);
    expect(hit).toContain('The Long Road');
    expect(hit).toContain(work.chapters[HIDDEN_CHAPTER]!.title);
    expect(hit).toContain(`page ${at.index + 1}/${at.pageCount}`);
    expect(at.index).toBeGreaterThan(0);
    expect(hit).toContain(`**${HIDDEN}**`);
    const opened = await emu.click(reader, message, 'Open 1');
    expect(opened.ephemeral).toBe(false);
    const page = messageOf(opened);
    expect(unrenderPage(descriptionOf(page))).toContain(HIDDEN);
    expect(descriptionOf(page)).toBe(at.page.body);
    expect(footerOf(page)).toContain(`Page ${at.index + 1}/${at.pageCount}`);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('finds words in any order, whatever their case and diacritics, within one work when asked', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Jon');
    const result = await emu.slash(reader, emu.world.channels.general, 'search', { query: 'ZOE Lantérn', work: 'The Long Road' });
    const [hit, ...others] = hitLines(messageOf(result));
    expect(others).toEqual([]);
    expect(hit).toMatch(/\*\*lantern\*\*.*\*\*Zoë\*\*/);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('never shows a restricted work in a normal channel, and does in the age-restricted one', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Kay');
    const phrase = await tinySparkPhrase();
    const normal = messageOf(await emu.slash(reader, emu.world.channels.general, 'search', { query: phrase }));
    expect(textOf(normal)).not.toContain('A Tiny Spark');
    expect(buttonsOf(normal).map((b) => b.customId).join(' ')).not.toContain('a-tiny-spark');
    const mature = messageOf(await emu.slash(reader, emu.world.channels.mature, 'search', { query: phrase }));
    expect(hitLines(mature)[0]).toContain('A Tiny Spark');
    const named = await emu.slash(reader, emu.world.channels.general, 'search', { query: phrase, work: 'a-tiny-spark' });
    expect(named.ephemeral).toBe(true);
    expect(textOf(messageOf(named))).toMatch(/rated Explicit/);
    const choices = await emu.autocomplete(reader, emu.world.channels.general, 'search', { query: phrase, work: 'a ti' }, 'work');
    expect(choices.map((c) => c.value)).not.toContain('a-tiny-spark');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('pages through many hits with Previous and Next, keeping the query', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Lou');
    const first = messageOf(await emu.slash(reader, emu.world.channels.general, 'search', { query: 'travellers walking' }));
    expect(footerOf(first)).toMatch(/page 1\/\d+/);
    expect(buttonsOf(first).find((b) => b.label === 'Previous')?.disabled).toBe(true);
    const second = messageOf(await emu.click(reader, first, 'Next'));
    expect(footerOf(second)).toMatch(/page 2\/\d+/);
    expect(hitLines(second)).not.toEqual(hitLines(first));
    expect(hitLines(second).every((line) => /\*\*travellers\*\*/.test(line))).toBe(true);
    const back = messageOf(await emu.click(reader, second, 'Previous'));
    expect(hitLines(back)).toEqual(hitLines(first));
    expect(emu.takeViolations()).toEqual([]);
  });

  it('pages through a phrase’s hits in library order, counting them once the last page is reached', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Noor');
    const first = messageOf(await emu.slash(reader, emu.world.channels.general, 'search', { query: `"${BELL}"` }));
    const titleOf = (message: Message) => (message.embeds[0] as { title?: string }).title;
    expect(titleOf(first)).toBe('More than 5 passages found');
    expect(footerOf(first)).toMatch(/ · in library order · page 1$/);
    expect(buttonsOf(first).find((b) => b.label === 'Next')?.disabled).toBe(false);
    const last = messageOf(await emu.click(reader, first, 'Next'));
    expect(titleOf(last)).toBe(`${BELLS} passages found`);
    expect(footerOf(last)).toMatch(/ · page 2\/2$/);
    expect(buttonsOf(last).find((b) => b.label === 'Next')?.disabled).toBe(true);
    const rung = [...hitLines(first), ...hitLines(last)].map((line) => Number(/rang\*\* (\d+) times/.exec(line)?.[1]));
    expect(rung).toEqual(Array.from({ length: BELLS }, (_, i) => i + 1));
    expect(hitLines(messageOf(await emu.click(reader, last, 'Previous')))).toEqual(hitLines(first));
    expect(emu.takeViolations()).toEqual([]);
  });

  it.each([
    ['an empty query', { query: '   ' }, /word/],
    ['a query over the length limit', { query: 'rain '.repeat(QUERY_MAX_LENGTH / 4) }, new RegExp(String(QUERY_MAX_LENGTH))],
    ['too many words', { query: Array.from({ length: QUERY_MAX_WORDS + 1 }, (_, i) => `word${i}`).join(' ') }, new RegExp(String(QUERY_MAX_WORDS))],
    ['an unknown work', { query: 'rain', work: 'no such work at all' }, /No work matches/],
  ])('answers %s briefly and only to the reader', async (_what, options, answer) => {
    const { emu } = e2e;
    const result = await emu.slash(e2e.reader('Max'), emu.world.channels.general, 'search', options);
    expect(result.ephemeral).toBe(true);
    const said = textOf(messageOf(result));
    expect(said).toMatch(answer);
    expect(said.length).toBeLessThan(300);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('says search is not available when its index could not be built, and builds it again at the next library change', async () => {
    const { emu, bot } = e2e;
    const reader = e2e.reader('Ora');
    const works = bot.catalog.all();
    const unreadable = { ...works[0]!, id: 'unreadable', get chapters(): never { throw new Error('no chapters') } };
    try {
      await expect(bot.search.build([unreadable])).rejects.toThrow('no chapters');
      const refused = await emu.slash(reader, emu.world.channels.general, 'search', { query: 'lantern' });
      expect(refused.ephemeral).toBe(true);
      expect(textOf(messageOf(refused))).toMatch(/not available.*could not be built/);
      await putInLibrary(e2e, 'a-ferry-note.md', '---\ntitle: A Ferry Note\nrating: General Audiences\nwarnings: [No Archive Warnings Apply]\n---\n\nThe ferryman hummed over the water.\n');
      await until(() => bot.search.state === 'ready', RELOAD_WITHIN_MS, 'the index built again after the library changed');
    } finally {
      if (bot.search.state !== 'ready') await bot.search.build(works);
    }
    const found = await emu.slash(reader, emu.world.channels.general, 'search', { query: 'ferryman lantern' });
    expect(textOf(messageOf(found))).toMatch(/No passage/);
    const both = await Promise.all(['ferryman', 'lantern'].map((query) => emu.slash(reader, emu.world.channels.general, 'search', { query })));
    expect(both.map((result) => descriptionOf(messageOf(result)))).toEqual([expect.stringContaining('**ferryman**'), expect.stringContaining('**lantern**')]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it('says so when nothing matches', async () => {
    const { emu } = e2e;
    const result = await emu.slash(e2e.reader('Ned'), emu.world.channels.general, 'search', { query: '"grey skies walking"' });
    expect(result.ephemeral).toBe(true);
    expect(textOf(messageOf(result))).toMatch(/No passage/);
    expect(emu.takeViolations()).toEqual([]);
  });
});
