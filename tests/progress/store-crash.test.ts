// What a stop costs (README "When the store is away"): a clean stop writes every queued place; a process
// killed with SIGKILL loses at most the places of its last second.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openProgressStore } from '../../src/progress/store.js';
import { sleep } from '../../src/util/deadline.js';

const logger = { warn: () => {}, info: () => {} };

async function sqliteUrl(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'store-crash-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return `sqlite://${join(dir, 'progress.sqlite')}`;
}

describe('a stop', () => {
  it('when clean, writes every queued place, even 5,000 queued an instant before', async () => {
    const url = await sqliteUrl();
    const store = await openProgressStore(url, { logger });
    const readers = Array.from({ length: 5_000 }, () => randomUUID());
    readers.forEach((reader, i) => store.save(reader, { workId: 'w', chapter: 0, offset: i, at: i }));
    await store.close();
    const reopened = await openProgressStore(url, { logger });
    onTestFinished(() => reopened.close());
    const missing = [];
    for (const [i, reader] of readers.entries()) if ((await reopened.get(reader, 'w'))?.offset !== i) missing.push(reader);
    expect(missing).toEqual([]);
  });

  it('when killed (SIGKILL), loses at most the places of its last second', async () => {
    const url = await sqliteUrl();
    const prefix = randomUUID();
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/turn-pages.ts', url, prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    onTestFinished(() => void child.kill('SIGKILL'));
    // Turns made, as the child last reported them, with when this process heard of it.
    const reported: { turns: number; at: number }[] = [];
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const last = Number(chunk.trim().split('\n').at(-1));
      if (Number.isFinite(last)) reported.push({ turns: last, at: performance.now() });
    });
    while ((reported.at(-1)?.turns ?? 0) < 1_500) await sleep(20);
    const killedAt = performance.now();
    child.kill('SIGKILL');
    await exited;
    const secondBefore = reported.filter((r) => r.at <= killedAt - 1_000).at(-1)?.turns ?? 0;
    expect(secondBefore).toBeGreaterThan(0);

    const store = await openProgressStore(url, { logger });
    onTestFinished(() => store.close());
    const lost = [];
    for (let turn = 0; turn < secondBefore; turn++) if ((await store.get(`${prefix}-${turn}`, 'w'))?.offset !== turn) lost.push(turn);
    expect(lost).toEqual([]);
  });
});
