// The HTTP side of the operators' view: GET /metrics (Prometheus text) and GET /health (200 or 503 with a
// small JSON body). Nothing else is served, and it listens only where the config says (127.0.0.1 unless
// METRICS_HOST names another interface).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BotMetrics } from './bot-metrics.js';

export interface MetricsServer {
  address: { host: string; port: number };
  close(): Promise<void>;
}

export async function serveMetrics(metrics: BotMetrics, where: { port: number; host: string }): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    answer(metrics, request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new Error(`METRICS_PORT ${where.port} on ${where.host} could not be listened on: ${error.message}`)));
    server.listen(where.port, where.host, () => resolve());
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    address: { host: address, port },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // Scrapers keep their connections open; a stop must not wait for them.
        server.closeAllConnections();
      }),
  };
}

async function answer(metrics: BotMetrics, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const path = new URL(request.url ?? '/', 'http://metrics').pathname;
  if (path === '/metrics') {
    const text = await metrics.registry.metrics();
    response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(request.method === 'HEAD' ? undefined : text);
  } else if (path === '/health') {
    const { ok, ...parts } = metrics.health();
    const body = JSON.stringify({ status: ok ? 'ok' : 'unavailable', ...parts });
    response.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(request.method === 'HEAD' ? undefined : body);
  } else {
    response.writeHead(404).end();
  }
}
