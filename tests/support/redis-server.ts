// A redis-server of the test's own, on a free port, for fault tests: they kill, freeze and restart it, which
// the shared Redis on 6379 must never see. Stopped by process id.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForPort } from './ports.js';

export interface OwnRedis {
  url: string;
  /** kill -9: gone without a word, as a crashed or OOM-killed server. */
  kill(): void;
  /** SIGSTOP / SIGCONT: connections stay open and nothing answers. */
  freeze(): void;
  thaw(): void;
  /** Starts it again on the same port, with what it had written (every write is fsynced to its own folder). */
  start(): Promise<void>;
  stop(): void;
}

export const hasRedisServer = spawnSync('redis-server', ['--version']).status === 0;

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'own-redis-'));
  let child: ChildProcess | undefined;
  const own: OwnRedis = {
    url: `redis://127.0.0.1:${port}`,
    kill: () => void child?.kill('SIGKILL'),
    freeze: () => void child?.kill('SIGSTOP'),
    thaw: () => void child?.kill('SIGCONT'),
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'yes', '--appendfsync', 'always', '--dir', dir], { stdio: 'ignore' });
      await waitForPort(port);
    },
    stop() {
      child?.kill('SIGCONT');
      child?.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
