// A reader reads while the bot's Redis is killed and comes back (README "When the store is away"): every
// click and command is answered in time, pages turn, the reader is told in one line, and no place is lost
// or rolled back. The Redis is the test's own; the shared one is never touched.
import { describe, expect, it, onTestFinished } from 'vitest';
import { textOf, type InteractionResult } from '../support/emulator/index.js';
import { hasRedisServer, startOwnRedis } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { footerOf, messageOf, startE2E } from './world.js';

if (!hasRedisServer) console.warn('Skipping the store outage end-to-end test: redis-server is not installed.');

const answered = (result: InteractionResult) => {
  expect(result.callback, `interaction ${result.id} got no answer in time`).not.toBeNull();
  return messageOf(result);
};
const pageOf = (footer: string) => /Page (\d+)\//.exec(footer)?.[1];

describe.skipIf(!hasRedisServer)('a Redis store killed while a reader reads', () => {
  it('answers every interaction, tells the reader in one line, logs once each way, and keeps the newest place', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    const e2e = await startE2E({ storeUrl: redis.url });
    onTestFinished(() => e2e.close());
    const { emu, bot } = e2e;
    const reader = e2e.reader('Dana');
    const channel = emu.world.channels.general;

    let page = answered(await emu.slash(reader, channel, 'read', { work: 'long-night' }));
    page = answered(await emu.click(reader, page, 'Next'));
    await bot.store.flush();
    redis.kill();

    const during: InteractionResult[] = [];
    for (let turn = 0; turn < 10; turn++) {
      const result = await emu.click(reader, page, 'Next');
      page = answered(result);
      during.push(result);
    }
    const lastPage = pageOf(footerOf(page));
    expect(lastPage).toBe('12');
    // The first turns may be sent before the store is seen to be away; from then on each page says so.
    expect(textOf(page)).toMatch(/could not be saved just now/);
    const progress = await emu.slash(reader, channel, 'progress');
    expect(progress.ephemeral).toBe(true);
    expect(textOf(answered(progress))).toMatch(/cannot be reached just now/);
    expect(textOf(answered(await emu.slash(reader, channel, 'resume')))).toMatch(/cannot be reached just now/);
    const reopened = answered(await emu.slash(reader, channel, 'read', { work: 'one step' }));
    expect(textOf(reopened)).toMatch(/could not be read just now/);

    await redis.start();
    await until(() => bot.store.available, 10_000, 'the store coming back');
    await bot.store.flush();
    const resumed = answered(await emu.slash(reader, channel, 'resume', { work: 'long-night' }));
    expect(pageOf(footerOf(resumed))).toBe(lastPage);
    expect(textOf(resumed)).not.toMatch(/just now/);
    // One Step At A Time was opened while the place could not be read: it saved nothing over the reader's.
    const listed = textOf(answered(await emu.slash(reader, channel, 'progress')));
    expect(listed).toContain('Long Night');
    expect(listed).not.toContain('One Step At A Time');

    const messages = bot.logs.map((line) => JSON.parse(line).msg as string);
    expect(messages.filter((m) => m.startsWith('progress store unavailable'))).toHaveLength(1);
    expect(messages.filter((m) => m === 'progress store is back')).toHaveLength(1);
    expect(messages.filter((m) => m === 'interaction failed')).toEqual([]);
    expect(emu.takeViolations()).toEqual([]);
  });
});
