// `npm run start:sharded`: the bot as one process per shard under discord.js's ShardingManager, each shard
// process the same bundle `npm start` runs (dist/index.js beside this file), the shards as shard-plan.ts plans
// them. A shard process that dies is started again; SIGTERM or SIGINT stops every shard process with SIGTERM,
// each saving its pending places, and exits 0 once all of them exited cleanly (README "Scaling out").
import 'dotenv/config';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ShardingManager, type Shard } from 'discord.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger, type Logger } from './log.js';
import { planShards } from './shard-plan.js';

const SHARD_ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));
/** How long a shard process may take from its start to ready (library load, store, login). */
const READY_TIMEOUT_MS = 60_000;

function watch(shard: Shard, logger: Logger, stopping: () => boolean): void {
  // Processes, never workers: the manager runs in mode 'process'.
  shard.on('spawn', (child) => logger.info({ shard: shard.id, pid: (child as ChildProcess).pid }, 'shard spawned'));
  shard.on('ready', () => logger.info({ shard: shard.id }, 'shard ready'));
  shard.on('death', (dead) => {
    const child = dead as ChildProcess;
    const detail = { shard: shard.id, pid: child.pid, code: child.exitCode, signal: child.signalCode };
    if (stopping()) logger.info(detail, 'shard stopped');
    else logger.error({ ...detail, respawning: true }, 'shard died');
  });
  shard.on('error', (err) => logger.error({ err, shard: shard.id }, 'shard error'));
}

/** SIGTERM to every shard process still running; resolves with how many exited with code 0. */
async function stopShards(manager: ShardingManager): Promise<{ clean: number; all: number }> {
  manager.respawn = false;
  const children = [...manager.shards.values()].flatMap((shard) => (shard.process && shard.process.exitCode === null && shard.process.signalCode === null ? [shard.process] : []));
  const codes = await Promise.all(children.map((child) => new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  })));
  return { clean: codes.filter((code) => code === 0).length, all: codes.length };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, [config.token]);
  const plan = await planShards(config, process.env);
  logger.info({ totalShards: plan.totalShards, shards: plan.shards }, 'sharding');
  const manager = new ShardingManager(SHARD_ENTRY, { token: config.token, totalShards: plan.totalShards, shardList: plan.shards, mode: 'process', respawn: true });
  let stopping = false;
  manager.on('shardCreate', (shard) => watch(shard, logger, () => stopping));

  const stop = async (reason: Record<string, unknown>) => {
    if (stopping) return;
    stopping = true;
    logger.info(reason, 'shutting down');
    const { clean, all } = await stopShards(manager);
    logger[clean === all ? 'info' : 'error']({ shards: all, clean }, 'stopped');
    process.exit(clean === all ? 0 : 1);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop({ signal }));

  try {
    await manager.spawn({ amount: plan.totalShards, delay: plan.spawnDelayMs, timeout: READY_TIMEOUT_MS });
  } catch (err) {
    if (stopping) return;
    logger.fatal({ err }, 'the shards could not all start');
    await stop({ reason: 'start failed' });
    return;
  }
  logger.info({ shards: plan.shards.length }, 'all shards ready');
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(1);
});
