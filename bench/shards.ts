// `npm run bench:shards`: page turns through two shards in two processes (the sharding launcher, as
// `npm run start:sharded` runs it, against an emulator recommending two shards) next to the bot in one process
// (as `npm start` runs it, one shard), same run, each with an emulator of its own in this process and a SQLite
// store of its own (the two shards share theirs). READERS readers, half in guild one (shard 0) and half in guild
// two (shard 1), press Next as fast as answers come (bench/turns.ts's readers), SECONDS per side in ROUNDS
// alternating rounds, each after a warm-up. A wait runs from the emulator sending the click to the bot's
// response arriving. Prints throughput and p50/p99 for the one process, for each shard, and for both shards.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandDefinitions } from '../commands/index.js';
import { loadConfig } from '../src/config.js';
import { registerCommands } from '../src/discord/register-commands.js';
import { loadLibrary } from '../src/library/load.js';
import type { Work } from '../src/library/model.js';
import { bundle } from '../scripts/build.js';
import { startEmulator, type Emulator } from '../tests/support/emulator/index.js';
import { makeLibrary, open, percentile, startBotProcess, stopBotProcess, turn, type Reader, type Side } from './turns.js';

const READERS = Number(process.env['SHARDS_READERS'] ?? 200);
const SECONDS = Number(process.env['SHARDS_SECONDS'] ?? 12);
const ROUNDS = Number(process.env['SHARDS_ROUNDS'] ?? 3);
const WARM_UP_SECONDS = 1;
const READER_IDS = 1_300_000_000_000_000_000n;
const BUNDLES = join(import.meta.dirname, '..', 'dist', 'bench-shards');

interface Running {
  name: string;
  emu: Emulator;
  child: ChildProcess;
  /** Each reader with the side its turns count for: its shard's. */
  readers: { reader: Reader; side: Side }[];
  sides: Side[];
}

const newSide = (name: string): Side => ({ name, waits: [], errors: 0, unanswered: 0, violations: 0, logged: [] });

/** A bot (one process, or the launcher and its shards) with an emulator of its own, and READERS readers reading. */
async function start(name: string, script: string, shards: number, env: NodeJS.ProcessEnv, work: Work): Promise<Running> {
  const emu = await startEmulator({ quietMs: 0, shards, maxConcurrency: 16 });
  const login = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_CLIENT_ID: emu.world.application.id };
  await registerCommands(loadConfig({ ...login, STORE_URL: 'sqlite://unused.sqlite' }), commandDefinitions);
  const sides = shards === 1 ? [newSide(name)] : [newSide(`${name} shard 0`), newSide(`${name} shard 1`)];
  const child = await startBotProcess(script, { ...env, ...login }, sides[0]!.logged, shards === 1 ? 'ready' : 'all shards ready');
  const channels = [emu.world.channels.general, emu.world.channels.lobby];
  const readers = await Promise.all(
    Array.from({ length: READERS }, async (_, i) => {
      const user = { id: String(READER_IDS + BigInt(i)), username: `reader${i}`, global_name: `Reader ${i}`, discriminator: '0', avatar: null };
      const reader = await open(emu, { user, channel: channels[i % 2]!, work });
      return { reader, side: sides[i % sides.length]! };
    }),
  );
  sides[0]!.violations += emu.takeViolations().length;
  return { name, emu, child, readers, sides };
}

async function round({ emu, readers, sides }: Running, seconds: number): Promise<void> {
  const warmUpEnd = performance.now() + WARM_UP_SECONDS * 1000;
  const end = warmUpEnd + seconds * 1000;
  await Promise.all(
    readers.map(async ({ reader, side }) => {
      for (let now = performance.now(); now < end; now = performance.now()) await turn(emu, reader, side, now >= warmUpEnd);
    }),
  );
  sides[0]!.violations += emu.takeViolations().length;
}

function report(side: Side): void {
  const sorted = [...side.waits].sort((a, b) => a - b);
  const [p50, p99] = [0.5, 0.99].map((q) => percentile(sorted, q).toFixed(1));
  console.log(
    `${side.name.padEnd(22)} turns=${sorted.length} turns/s=${(sorted.length / SECONDS).toFixed(0)} p50=${p50}ms p99=${p99}ms` +
      ` errors=${side.errors} unanswered=${side.unanswered} violations=${side.violations}`,
  );
  for (const line of side.logged.slice(0, 5)) console.log(`  ${side.name} logged: ${line.slice(0, 300)}`);
}

/** Both shards' turns as one side, for the total next to the one process's. */
function together(name: string, sides: Side[]): Side {
  return { ...newSide(name), waits: sides.flatMap((s) => s.waits), errors: sides.reduce((n, s) => n + s.errors, 0), unanswered: sides.reduce((n, s) => n + s.unanswered, 0), violations: sides.reduce((n, s) => n + s.violations, 0) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-shards-'));
  const started: Running[] = [];
  try {
    const libraryDir = join(dir, 'library');
    await makeLibrary(libraryDir);
    const long = (await loadLibrary(libraryDir)).works.find((w) => w.chapters.length === 20)!;
    console.log(`bench:shards: ${READERS} readers pressing Next, half per guild, ${SECONDS} s per side in ${ROUNDS} alternating rounds (each after ${WARM_UP_SECONDS} s warm-up)`);
    await Promise.all([bundle('src/index.ts', join(BUNDLES, 'index.js')), bundle('src/sharded.ts', join(BUNDLES, 'sharded.js'))]);
    const env = (name: string) => ({ LIBRARY_DIR: libraryDir, STORE_URL: `sqlite://${join(dir, name, 'progress.sqlite')}`, LOG_LEVEL: 'info' });
    const one = await start('one process', join(BUNDLES, 'index.js'), 1, env('one'), long);
    started.push(one);
    const two = await start('two shards', join(BUNDLES, 'sharded.js'), 2, env('two'), long);
    started.push(two);
    for (let r = 0; r < ROUNDS; r++) {
      await round(one, SECONDS / ROUNDS);
      await round(two, SECONDS / ROUNDS);
    }
    report(one.sides[0]!);
    for (const side of two.sides) report(side);
    report(together('two shards together', two.sides));
  } finally {
    await Promise.all(started.map(async (running) => (await stopBotProcess(running.child), await running.emu.stop())));
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
