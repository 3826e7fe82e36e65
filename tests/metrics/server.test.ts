import { afterEach, describe, expect, it } from 'vitest';
import { BotMetrics } from '../../src/metrics/bot-metrics.js';
import { serveMetrics, type MetricsServer } from '../../src/metrics/server.js';
import { freePort, reachable } from '../support/ports.js';

let server: MetricsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(storeUp: () => boolean = () => true) {
  const metrics = new BotMetrics();
  metrics.watch({ shards: () => ({ up: 1, total: 1 }), storeUp, works: () => 7 });
  const port = await freePort();
  server = await serveMetrics(metrics, { port, host: '127.0.0.1' });
  return { metrics, port, base: `http://127.0.0.1:${port}` };
}

describe('the metrics server', () => {
  it('serves the registry at /metrics in Prometheus text format', async () => {
    const { metrics, base } = await serve();
    metrics.observeInteraction({ kind: 'command', name: 'works', outcome: 'handled', ms: 5 });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('storybot_interactions_total{kind="command",name="works",outcome="handled"} 1');
    expect(text).toContain('storybot_works_loaded 7');
    expect(text).toContain('process_cpu_seconds_total');
  });

  it('answers /health with 200 and a small JSON body while all is up, 503 naming what is down', async () => {
    let storeUp = true;
    const { base } = await serve(() => storeUp);
    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect(await ok.json()).toEqual({ status: 'ok', gateway: 'up', store: 'up', shards: { up: 1, total: 1 } });
    storeUp = false;
    const down = await fetch(`${base}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: 'unavailable', gateway: 'up', store: 'down', shards: { up: 1, total: 1 } });
  });

  it('answers 404 elsewhere and 405 to anything but GET or HEAD', async () => {
    const { base } = await serve();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics/../secret`)).status).toBe(404);
    const post = await fetch(`${base}/metrics`, { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });

  it('listens on the address it was given and frees the port when closed', async () => {
    const { port } = await serve();
    expect(server!.address).toEqual({ host: '127.0.0.1', port });
    await server!.close();
    server = undefined;
    expect(await reachable(port)).toBe(false);
  });

  it('fails to start with the address named when the port is taken', async () => {
    const { port } = await serve();
    const other = new BotMetrics();
    await expect(serveMetrics(other, { port, host: '127.0.0.1' })).rejects.toThrow(`METRICS_PORT ${port} on 127.0.0.1 could not be listened on`);
  });
});
