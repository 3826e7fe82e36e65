// The operators' view (README "Metrics and health"): what the bot counts, in a prom-client registry of its
// own, so that tests and several bots in one process never share counters. The router and the store report
// through plain callbacks (`observeInteraction`, `observeStore`) and know nothing of prom-client; shards, the
// store's state and the library are read when scraped, since the catalog is replaced on each reload.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { InteractionSeen } from '../discord/router.js';
import type { StoreCallSeen } from '../progress/store.js';

export interface MetricSources {
  shards(): { up: number; total: number };
  storeUp(): boolean;
  works(): number;
}

export interface Health {
  ok: boolean;
  gateway: 'up' | 'down';
  store: 'up' | 'down';
  shards: { up: number; total: number };
}

// Discord wants an answer within 3 s; the buckets are finest where page turns fall.
const INTERACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
// A store call is bounded to 1 s (README "When the store is away").
const STORE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const NOTHING: MetricSources = { shards: () => ({ up: 0, total: 0 }), storeUp: () => false, works: () => 0 };

export class BotMetrics {
  readonly registry = new Registry();
  private sources = NOTHING;
  private readonly interactions = new Counter({
    name: 'storybot_interactions_total', help: 'Interactions answered, by kind (command, autocomplete, button, select, modal), command or control name, and outcome (handled, refused, failed).',
    labelNames: ['kind', 'name', 'outcome'] as const, registers: [this.registry],
  });
  private readonly interactionSeconds = new Histogram({
    name: 'storybot_interaction_duration_seconds', help: 'Time from an interaction arriving to the bot having answered it.',
    labelNames: ['kind', 'name'] as const, buckets: INTERACTION_BUCKETS, registers: [this.registry],
  });
  private readonly storeErrors = new Counter({
    name: 'storybot_store_errors_total', help: 'Progress store calls (reads, deletes, id claims) and batches of places written that failed or timed out.',
    labelNames: ['operation'] as const, registers: [this.registry],
  });
  private readonly storeSeconds = new Histogram({
    name: 'storybot_store_duration_seconds', help: 'Time each progress store call or batch of places written took, failed ones included.',
    labelNames: ['operation'] as const, buckets: STORE_BUCKETS, registers: [this.registry],
  });

  constructor() {
    const metrics = this;
    for (const operation of ['call', 'write'] as const) this.storeErrors.inc({ operation }, 0);
    new Gauge({ name: 'storybot_store_up', help: 'Whether the last progress store call succeeded (1) or the store is away (0).', registers: [this.registry], collect() { this.set(metrics.sources.storeUp() ? 1 : 0); } });
    new Gauge({ name: 'storybot_shards_up', help: 'Gateway shards of this process that are ready.', registers: [this.registry], collect() { this.set(metrics.sources.shards().up); } });
    new Gauge({ name: 'storybot_shards', help: 'Gateway shards this process runs.', registers: [this.registry], collect() { this.set(metrics.sources.shards().total); } });
    new Gauge({ name: 'storybot_works_loaded', help: 'Works in the library as loaded now.', registers: [this.registry], collect() { this.set(metrics.sources.works()); } });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Where the gauges and the health check read from, once the store, the client and the library exist. */
  watch(sources: MetricSources): void {
    this.sources = sources;
  }

  readonly observeInteraction = ({ kind, name, outcome, ms }: InteractionSeen): void => {
    this.interactions.inc({ kind, name, outcome });
    this.interactionSeconds.observe({ kind, name }, ms / 1_000);
  };

  readonly observeStore = ({ operation, ms, ok }: StoreCallSeen): void => {
    this.storeSeconds.observe({ operation }, ms / 1_000);
    if (!ok) this.storeErrors.inc({ operation });
  };

  /** Up while every shard of this process is ready and the store answers. */
  health(): Health {
    const shards = this.sources.shards();
    const gateway = shards.total > 0 && shards.up === shards.total ? 'up' : 'down';
    const store = this.sources.storeUp() ? 'up' : 'down';
    return { ok: gateway === 'up' && store === 'up', gateway, store, shards };
  }
}
