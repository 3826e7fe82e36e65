// Archive warnings and the rating, all of them, before a reader's first page of a work: on the page itself
// when no warning warns, on a Start reading screen before it when one does.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buttonsOf, textOf, type Message } from '../support/emulator/index.js';
import { descriptionOf, footerOf, messageOf, startE2E, type E2E } from './world.js';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
  await writeWork('evening-walks', { rating: 'Teen And Up Audiences', warnings: ['No Archive Warnings Apply'] });
  await writeWork('unwarned-roads', { rating: 'General Audiences', warnings: ['Creator Chose Not To Use Archive Warnings'] });
  await e2e.restart();
});
afterAll(() => e2e?.close());

/** A Markdown work of two chapters, each several pages long. */
async function writeWork(name: string, meta: { rating: string; warnings: string[] }): Promise<void> {
  const paragraph = (i: number) => `Walk ${i} went down to the river and back, past the mill and the bakery, while the light went from gold to grey.`;
  const chapter = (n: number) => [`## Chapter ${n}`, '', ...Array.from({ length: 60 }, (_, i) => [paragraph(n * 100 + i), ''].join('\n'))].join('\n');
  const front = ['---', `title: ${name}`, `rating: ${meta.rating}`, `warnings: [${meta.warnings.join(', ')}]`, '---', ''].join('\n');
  await writeFile(join(e2e.env.LIBRARY_DIR, `${name}.md`), [front, chapter(1), chapter(2)].join('\n'));
}

const labels = (message: Message) => buttonsOf(message).map((b) => b.label);

describe('a work whose only archive warning is “No Archive Warnings Apply”', () => {
  it('shows that warning and the rating above the reader’s first page, and not on later pages or once they have a place', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Fern');
    const channel = emu.world.channels.general;
    const first = messageOf(await emu.slash(reader, channel, 'read', { work: 'evening-walks' }));
    expect(first.content).toBe('**Rating:** Teen And Up Audiences · **Archive warning:** No Archive Warnings Apply');
    expect(labels(first)).toEqual(['Previous', 'Next', 'Go to…', 'Bookmark', 'Follow']);
    expect(descriptionOf(first)).toMatch(/^Walk 100 went down/);

    const next = messageOf(await emu.click(reader, first, 'Next'));
    expect(footerOf(next)).toMatch(/^Page 2\//);
    expect(next.content).toBe('');
    const back = messageOf(await emu.click(reader, next, 'Previous'));
    expect(footerOf(back)).toMatch(/^Page 1\//);
    expect(back.content).toBe('');
    const again = messageOf(await emu.slash(reader, channel, 'read', { work: 'evening-walks' }));
    expect(again.content).toBe('');
    expect(emu.takeViolations()).toEqual([]);
  });

  it('counts the first page a reader sees as their first, whatever chapter it opens at, and another reader’s own copy too', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Gil');
    const other = e2e.reader('Hana');
    const channel = emu.world.channels.general;
    const opened = messageOf(await emu.slash(reader, channel, 'read', { work: 'evening-walks', chapter: 2 }));
    expect(textOf(opened)).toContain('Chapter 2');
    expect(opened.content).toContain('No Archive Warnings Apply');

    const offer = messageOf(await emu.click(other, opened, 'Next'));
    const own = messageOf(await emu.click(other, offer, 'Open this page for me'));
    expect(own.content).toBe('**Rating:** Teen And Up Audiences · **Archive warning:** No Archive Warnings Apply');
    expect(descriptionOf(own)).toBe(descriptionOf(opened));
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a work with an archive warning that warns', () => {
  it.each([
    ['three-small-rooms', 'Teen And Up Audiences', 'Major Character Death'],
    ['unwarned-roads', 'General Audiences', 'Creator Chose Not To Use Archive Warnings'],
  ])('%s still opens on the Start reading screen with the rating and every warning, and its page does not repeat them', async (work, rating, warning) => {
    const { emu } = e2e;
    const reader = e2e.reader('Ivo');
    const screen = messageOf(await emu.slash(reader, emu.world.channels.general, 'read', { work }));
    expect(labels(screen)).toEqual(['Start reading']);
    expect(textOf(screen)).toContain(`**Rating:** ${rating}`);
    expect(textOf(screen)).toContain(`- ${warning}`);
    const page = messageOf(await emu.click(reader, screen, 'Start reading'));
    expect(footerOf(page)).toMatch(/^Page 1\//);
    expect(page.content).toBe('');
    expect(emu.takeViolations()).toEqual([]);
  });
});

describe('a work with no archive warnings at all', () => {
  it.each([
    ['one-step-at-a-time', 'Teen And Up Audiences', 4],
    // Deferred while it is paginated, so its first page arrives by editing the reply.
    ['long-night', 'General Audiences', 5],
  ])('%s shows just its rating above the reader’s first page', async (work, rating, callbackType) => {
    const { emu } = e2e;
    const reader = e2e.reader('Jun');
    const opened = await emu.slash(reader, emu.world.channels.general, 'read', { work });
    expect(opened.callback?.type).toBe(callbackType);
    const first = messageOf(opened);
    expect(first.content).toBe(`**Rating:** ${rating}`);
    expect(messageOf(await emu.click(reader, first, 'Next')).content).toBe('');
    expect(emu.takeViolations()).toEqual([]);
  });
});
