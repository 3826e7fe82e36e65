// `npm run start:sharded` as real processes against an emulator that recommends two shards: the launcher
// (src/sharded.ts) and its shard processes, bundled as `npm start` bundles them, on each store backend
// shared between the two (a SQLite file; Redis and PostgreSQL where they listen on 127.0.0.1, under reader ids
// of this run only, never flushed). Guild one is on shard 0, guild two on shard 1.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/build.js';
import { commandDefinitions } from '../../commands/index.js';
import { loadConfig } from '../../src/config.js';
import { registerCommands } from '../../src/discord/register-commands.js';
import { openProgressStore } from '../../src/progress/store.js';
import { startEmulator, type ApiUser, type Emulator } from '../support/emulator/index.js';
import { reachable } from '../support/ports.js';
import { until } from '../support/until.js';
import { footerOf, messageOf } from './world.js';

type Line = Record<string, unknown>;

const redisUp = await reachable(6379);
const postgresUp = await reachable(5432);
if (!redisUp) console.warn('Skipping the sharded bot on Redis: nothing listens on 127.0.0.1:6379.');
if (!postgresUp) console.warn('Skipping the sharded bot on PostgreSQL: nothing listens on 127.0.0.1:5432.');

/** Inside the project, so that the bundles find their packages in node_modules as dist/ does. */
const bundles = join('dist', `shards-test-${process.pid}`);
let dir: string;
const RUN = BigInt(Date.now()) * 1000n;
let readers = 0;

function reader(name: string): ApiUser {
  readers += 1;
  return { id: String(1_270_000_000_000_000_000n + RUN + BigInt(readers)), username: `${name.toLowerCase()}${readers}`, global_name: name, discriminator: '0', avatar: null };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'story-shards-'));
  await cp('seeds', join(dir, 'library'), { recursive: true });
  await Promise.all([bundle('src/index.ts', join(bundles, 'index.js')), bundle('src/sharded.ts', join(bundles, 'sharded.js'))]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(bundles, { recursive: true, force: true });
});

interface Launcher {
  child: ChildProcess;
  lines: Line[];
  exited: Promise<number | null>;
}

function startLauncher(emu: Emulator, storeUrl: string): Launcher {
  const env = {
    PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env',
    DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, LIBRARY_DIR: join(dir, 'library'), STORE_URL: storeUrl, LOG_LEVEL: 'info',
  };
  const child = spawn(process.execPath, [join(bundles, 'sharded.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const keep = (line: string) => lines.push(line.startsWith('{') ? (JSON.parse(line) as Line) : { msg: line });
  createInterface({ input: child.stdout! }).on('line', keep);
  createInterface({ input: child.stderr! }).on('line', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, lines, exited };
}

const logged = (launcher: Launcher, msg: string, shard?: number) =>
  launcher.lines.filter((line) => line['msg'] === msg && (shard === undefined || line['shard'] === shard));

describe.each([
  { backend: 'a shared SQLite file', up: true, url: () => `sqlite://${join(dir, 'data', 'progress.sqlite')}` },
  { backend: 'Redis', up: redisUp, url: () => 'redis://127.0.0.1:6379' },
  { backend: 'PostgreSQL', up: postgresUp, url: () => 'postgres://postgres@127.0.0.1:5432/test' },
])('two shards in two processes on $backend', ({ up, url }) => {
  let emu: Emulator;
  let launcher: Launcher;

  beforeAll(async () => {
    if (!up) return;
    emu = await startEmulator({ shards: 2, maxConcurrency: 16 });
    await registerCommands(loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_CLIENT_ID: emu.world.application.id }), commandDefinitions);
    launcher = startLauncher(emu, url());
    await until(() => logged(launcher, 'all shards ready').length > 0 || launcher.child.exitCode !== null, 25_000, 'the launcher saying all shards are ready');
    expect(logged(launcher, 'all shards ready'), JSON.stringify(launcher.lines.slice(-5))).toHaveLength(1);
  }, 30_000);
  afterAll(async () => {
    if (launcher?.child.exitCode === null) launcher.child.kill('SIGKILL');
    await emu?.stop();
  });

  it.skipIf(!up)('runs one process per shard, shard count as /gateway/bot recommends, each guild on its own shard', () => {
    expect(logged(launcher, 'sharding')).toEqual([expect.objectContaining({ totalShards: 2, shards: [0, 1] })]);
    const pids = [0, 1].map((shard) => logged(launcher, 'shard spawned', shard)[0]?.['pid']);
    expect(new Set(pids).size).toBe(2);
    expect(emu.gatewayStats.shards).toEqual([0, 1]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it.skipIf(!up)('lets a reader read on shard 0 and /resume on shard 1 at the same page', async () => {
    const dana = reader('Dana');
    const before = emu.gatewayStats.dispatched;
    let message = messageOf(await emu.slash(dana, emu.world.channels.general, 'read', { work: 'One Step At A Time' }));
    for (let i = 0; i < 2; i++) message = messageOf(await emu.click(dana, message, 'Next'));
    expect(footerOf(message)).toContain('Page 3/');

    const resumed = messageOf(await emu.slash(dana, emu.world.channels.lobby, 'resume', { work: 'One Step At A Time' }));
    expect(footerOf(resumed)).toContain('Page 3/');
    expect(emu.gatewayStats.dispatched).toEqual([before[0]! + 3, before[1]! + 1]);
    expect(emu.takeViolations()).toEqual([]);
  });

  it.skipIf(!up)('loses no place when readers turn pages on both shards at once', async () => {
    const { general, lobby } = emu.world.channels;
    const turns = 5;
    const people = Array.from({ length: 8 }, (_, i) => ({ person: reader(`Hal${i}`), here: i % 2 === 0 ? general : lobby, there: i % 2 === 0 ? lobby : general }));
    await Promise.all(people.map(async ({ person, here }) => {
      let message = messageOf(await emu.slash(person, here, 'read', { work: 'One Step At A Time' }));
      for (let i = 0; i < turns; i++) message = messageOf(await emu.click(person, message, 'Next'));
    }));
    for (const { person, there } of people) {
      const resumed = messageOf(await emu.slash(person, there, 'resume', { work: 'One Step At A Time' }));
      expect(footerOf(resumed)).toContain(`Page ${turns + 1}/`);
    }
    expect(emu.takeViolations()).toEqual([]);
  });

  it.skipIf(!up)('respawns a shard process killed mid-reading, and the buttons it had posted still work', async () => {
    const erin = reader('Erin');
    let message = messageOf(await emu.slash(erin, emu.world.channels.general, 'read', { work: 'One Step At A Time' }));
    message = messageOf(await emu.click(erin, message, 'Next'));
    const pid = logged(launcher, 'shard spawned', 0).at(-1)?.['pid'] as number;
    const readies = logged(launcher, 'shard ready', 0).length;

    process.kill(pid, 'SIGKILL');
    await until(() => logged(launcher, 'shard ready', 0).length > readies && emu.gatewayStats.shards.length === 2, 20_000, 'shard 0 back');
    expect(logged(launcher, 'shard died', 0).at(-1)).toMatchObject({ pid, signal: 'SIGKILL' });
    expect(logged(launcher, 'shard spawned', 0).at(-1)?.['pid']).not.toBe(pid);

    const third = messageOf(await emu.click(erin, message, 'Next'));
    expect(footerOf(third)).toContain('Page 3/');
    const resumed = messageOf(await emu.slash(erin, emu.world.channels.lobby, 'resume', { work: 'One Step At A Time' }));
    expect(footerOf(resumed)).toContain('Page 3/');
    expect(emu.takeViolations()).toEqual([]);
  }, 30_000);

  it.skipIf(!up)('stops both shards cleanly on SIGTERM to the launcher, every place turned to saved', async () => {
    const [fay, gus] = [reader('Fay'), reader('Gus')];
    const one = messageOf(await emu.slash(fay, emu.world.channels.general, 'read', { work: 'One Step At A Time' }));
    const two = messageOf(await emu.slash(gus, emu.world.channels.lobby, 'read', { work: 'One Step At A Time' }));
    await Promise.all([emu.click(fay, one, 'Next'), emu.click(gus, two, 'Next')]);

    launcher.child.kill('SIGTERM');
    expect(await launcher.exited).toBe(0);
    expect(logged(launcher, 'stopped')).toHaveLength(3);
    expect(launcher.lines.at(-1)).toMatchObject({ msg: 'stopped', shards: 2 });
    expect(logged(launcher, 'shard spawned').length).toBe(logged(launcher, 'shard ready').length);
    expect(emu.gatewayStats.connected).toBe(false);

    const store = await openProgressStore(url(), { logger: silent });
    try {
      const places = await Promise.all([fay, gus].map((person) => store.get(person.id, 'one-step-at-a-time')));
      expect(places.map((place) => place && place.offset > 0)).toEqual([true, true]);
    } finally {
      await store.close();
    }
  }, 20_000);
});

const silent = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {} } as unknown as Parameters<typeof openProgressStore>[1]['logger'];
