// The operators' view end to end (README "Metrics and health"): a bot started with METRICS_PORT answers a
// /works and refuses a stale click, and /metrics on 127.0.0.1 counts both by command or control kind, never
// by custom_id or reader; /health says ok, and 503 while the bot's own Redis is away.
import { describe, expect, it, onTestFinished } from 'vitest';
import type { Message } from '../support/emulator/index.js';
import { freePort } from '../support/ports.js';
import { hasRedisServer, startOwnRedis } from '../support/redis-server.js';
import { until } from '../support/until.js';
import { messageOf, startE2E } from './world.js';

if (!hasRedisServer) console.warn('Skipping the /health store outage end-to-end test: redis-server is not installed.');

const scrape = async (port: number) => (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
const health = async (port: number) => {
  const response = await fetch(`http://127.0.0.1:${port}/health`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};

function buttonId(message: Message, label: string): string {
  const buttons = (message.components as { components: { custom_id?: string; label?: string }[] }[]).flatMap((row) => row.components);
  const button = buttons.find((b) => b.label === label);
  if (!button?.custom_id) throw new Error(`no ${label} button`);
  return button.custom_id;
}

describe('metrics and health', () => {
  it('counts a /works and a refused click by name and outcome, times them, and reports the gateway, store and library', async () => {
    const metricsPort = await freePort();
    const e2e = await startE2E({ metricsPort });
    onTestFinished(() => e2e.close());
    const { emu } = e2e;
    const reader = e2e.reader('Mira');
    const channel = emu.world.channels.general;

    messageOf(await emu.slash(reader, channel, 'works'));
    const page = messageOf(await emu.slash(reader, channel, 'read', { work: 'long-night' }));
    const stale = buttonId(page, 'Next').replace('long-night', 'gone-from-the-library');
    const refused = await emu.forgedClick(reader, page, stale);
    expect(refused.ephemeral).toBe(true);

    const text = await scrape(metricsPort);
    expect(text).toContain('storybot_interactions_total{kind="command",name="works",outcome="handled"} 1');
    expect(text).toContain('storybot_interactions_total{kind="command",name="read",outcome="handled"} 1');
    expect(text).toContain('storybot_interactions_total{kind="button",name="page",outcome="refused"} 1');
    expect(text).toContain('storybot_interaction_duration_seconds_count{kind="command",name="works"} 1');
    expect(text).toContain('storybot_interaction_duration_seconds_count{kind="button",name="page"} 1');
    expect(text).toMatch(/^storybot_store_duration_seconds_count\{operation="call"\} [1-9]/m);
    expect(text).toContain('storybot_store_errors_total{operation="call"} 0');
    expect(text).toContain('storybot_store_up 1');
    expect(text).toContain('storybot_shards_up 1');
    expect(text).toContain(`storybot_works_loaded ${e2e.bot.catalog.all().length}`);
    expect(text).not.toContain('gone-from-the-library');
    expect(text).not.toContain(reader.id);

    expect(await health(metricsPort)).toEqual({ status: 200, body: { status: 'ok', gateway: 'up', store: 'up', shards: { up: 1, total: 1 } } });
  });

  it('serves nothing unless METRICS_PORT is set', async () => {
    const e2e = await startE2E();
    onTestFinished(() => e2e.close());
    expect(e2e.bot.logs.join('')).not.toContain('metrics and health served');
  });

  it.skipIf(!hasRedisServer)('says the store is down, with 503, while the Redis is away, and ok again once it is back', async () => {
    const redis = await startOwnRedis();
    onTestFinished(() => redis.stop());
    const metricsPort = await freePort();
    const e2e = await startE2E({ storeUrl: redis.url, metricsPort });
    onTestFinished(() => e2e.close());
    const { emu, bot } = e2e;
    const reader = e2e.reader('Noor');
    expect((await health(metricsPort)).status).toBe(200);

    redis.kill();
    // The store is seen to be away at its next call: /resume reads the reader's places.
    await emu.slash(reader, emu.world.channels.general, 'resume');
    await until(() => !bot.store.available, 5_000, 'the store being seen away');
    expect(await health(metricsPort)).toEqual({ status: 503, body: { status: 'unavailable', gateway: 'up', store: 'down', shards: { up: 1, total: 1 } } });
    const text = await scrape(metricsPort);
    expect(text).toContain('storybot_store_up 0');
    expect(text).toMatch(/^storybot_store_errors_total\{operation="call"\} [1-9]/m);
    expect(text).toContain('storybot_interactions_total{kind="command",name="resume",outcome="refused"} 1');

    await redis.start();
    await until(() => bot.store.available, 10_000, 'the store coming back');
    expect((await health(metricsPort)).status).toBe(200);
  });
});
