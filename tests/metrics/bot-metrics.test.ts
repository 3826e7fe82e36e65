import { register as globalRegistry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/metrics/bot-metrics.js';

const lines = async (metrics: BotMetrics, name: string) => (await metrics.registry.metrics()).split('\n').filter((line) => line.startsWith(name));

describe('BotMetrics', () => {
  it('counts interactions by kind, name and outcome, and times each in a histogram by kind and name', async () => {
    const metrics = new BotMetrics();
    metrics.observeInteraction({ kind: 'command', name: 'works', outcome: 'handled', ms: 12 });
    metrics.observeInteraction({ kind: 'command', name: 'works', outcome: 'handled', ms: 40 });
    metrics.observeInteraction({ kind: 'button', name: 'page', outcome: 'refused', ms: 3 });
    metrics.observeInteraction({ kind: 'modal', name: 'unknown', outcome: 'failed', ms: 2_000 });

    expect(await lines(metrics, 'storybot_interactions_total')).toEqual([
      'storybot_interactions_total{kind="command",name="works",outcome="handled"} 2',
      'storybot_interactions_total{kind="button",name="page",outcome="refused"} 1',
      'storybot_interactions_total{kind="modal",name="unknown",outcome="failed"} 1',
    ]);
    const seconds = await lines(metrics, 'storybot_interaction_duration_seconds');
    expect(seconds).toContain('storybot_interaction_duration_seconds_count{kind="command",name="works"} 2');
    const sum = seconds.find((line) => line.startsWith('storybot_interaction_duration_seconds_sum{kind="command",name="works"}'));
    expect(Number(sum?.split(' ')[1])).toBeCloseTo(0.052, 9);
    expect(seconds).toContain('storybot_interaction_duration_seconds_bucket{le="0.025",kind="command",name="works"} 1');
    expect(seconds).toContain('storybot_interaction_duration_seconds_bucket{le="1",kind="modal",name="unknown"} 0');
    expect(seconds).toContain('storybot_interaction_duration_seconds_bucket{le="2",kind="modal",name="unknown"} 1');
  });

  it('times every store call and counts the ones that failed, by operation', async () => {
    const metrics = new BotMetrics();
    metrics.observeStore({ operation: 'call', ms: 2, ok: true });
    metrics.observeStore({ operation: 'write', ms: 5, ok: true });
    metrics.observeStore({ operation: 'write', ms: 1_000, ok: false });

    expect(await lines(metrics, 'storybot_store_errors_total')).toEqual([
      'storybot_store_errors_total{operation="call"} 0',
      'storybot_store_errors_total{operation="write"} 1',
    ]);
    const seconds = await lines(metrics, 'storybot_store_duration_seconds_count');
    expect(seconds).toEqual(['storybot_store_duration_seconds_count{operation="call"} 1', 'storybot_store_duration_seconds_count{operation="write"} 2']);
  });

  it('reads shards, the store and the works loaded when scraped, not when the bot started', async () => {
    const metrics = new BotMetrics();
    let works = 3;
    let storeUp = true;
    metrics.watch({ shards: () => ({ up: 1, total: 2 }), storeUp: () => storeUp, works: () => works });
    expect(await lines(metrics, 'storybot_works_loaded')).toEqual(['storybot_works_loaded 3']);
    works = 5;
    storeUp = false;
    expect(await lines(metrics, 'storybot_works_loaded')).toEqual(['storybot_works_loaded 5']);
    expect(await lines(metrics, 'storybot_store_up')).toEqual(['storybot_store_up 0']);
    expect(await lines(metrics, 'storybot_shards_up')).toEqual(['storybot_shards_up 1']);
    expect(await lines(metrics, 'storybot_shards ')).toEqual(['storybot_shards 2']);
  });

  it('keeps each bot in a registry of its own, away from prom-client\'s global one', async () => {
    const one = new BotMetrics();
    const two = new BotMetrics();
    one.observeInteraction({ kind: 'command', name: 'read', outcome: 'handled', ms: 1 });
    expect(await lines(two, 'storybot_interactions_total{')).toEqual([]);
    expect(await lines(one, 'storybot_interactions_total{')).toHaveLength(1);
    expect(await globalRegistry.metrics()).not.toContain('storybot_');
  });

  it('is healthy only while every shard is ready and the store answers', () => {
    const metrics = new BotMetrics();
    expect(metrics.health()).toEqual({ ok: false, gateway: 'down', store: 'down', shards: { up: 0, total: 0 } });
    let shards = { up: 2, total: 2 };
    let storeUp = true;
    metrics.watch({ shards: () => shards, storeUp: () => storeUp, works: () => 0 });
    expect(metrics.health()).toEqual({ ok: true, gateway: 'up', store: 'up', shards: { up: 2, total: 2 } });
    storeUp = false;
    expect(metrics.health()).toMatchObject({ ok: false, gateway: 'up', store: 'down' });
    storeUp = true;
    shards = { up: 1, total: 2 };
    expect(metrics.health()).toMatchObject({ ok: false, gateway: 'down', store: 'up' });
  });
});
