// How many shards, which of them this machine runs, and how fast to start them (README "Scaling out"): the
// count is SHARD_COUNT, else what Discord recommends, asked of DISCORD_API_URL's /gateway/bot (the
// ShardingManager's own lookup would always go to Discord's public API); SHARDS picks this machine's share.
import { REST, Routes } from 'discord.js';
import { ConfigError, type Config } from './config.js';

/** Discord allows one identify per 5 s per rate-limit bucket; shard i is in bucket i % max_concurrency. */
const IDENTIFY_INTERVAL_MS = 5_500;

type Env = Record<string, string | undefined>;

export interface ShardPlan {
  totalShards: number;
  /** The shards this machine runs. */
  shards: number[];
  spawnDelayMs: number;
}

/** SHARD_COUNT and SHARDS (`0,1,2` or `0-3,8`), checked; a shard list needs the count all machines share. */
export function shardSettingsOf(env: Env): { count?: number; list?: number[] } {
  const problems: string[] = [];
  const countText = env['SHARD_COUNT']?.trim();
  const count = countText ? Number(countText) : undefined;
  if (count !== undefined && !(Number.isInteger(count) && count >= 1)) problems.push('SHARD_COUNT must be a whole number of shards, 1 or more.');
  const listText = env['SHARDS']?.trim();
  const list = listText ? shardList(listText) : undefined;
  if (list === null) problems.push('SHARDS must list shard ids, e.g. 0,1,2 or 0-3.');
  else if (list && count === undefined) problems.push('SHARDS needs SHARD_COUNT: every machine must run the same total.');
  else if (list && count !== undefined && list.some((id) => id >= count)) problems.push(`SHARDS names a shard past SHARD_COUNT (${count}): ids run from 0 to ${count - 1}.`);
  if (problems.length > 0) throw new ConfigError(problems);
  return { ...(count !== undefined ? { count } : {}), ...(list ? { list } : {}) };
}

function shardList(text: string): number[] | null {
  const ids = new Set<number>();
  for (const part of text.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!range) return null;
    const [from, to] = [Number(range[1]), Number(range[2] ?? range[1])];
    if (to < from) return null;
    for (let id = from; id <= to; id++) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Asks the configured REST base for its recommendation and identify concurrency; SHARD_COUNT wins over the former. */
export async function planShards(config: Config, env: Env): Promise<ShardPlan> {
  const settings = shardSettingsOf(env);
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards: number; session_start_limit: { max_concurrency: number } };
  const totalShards = settings.count ?? gateway.shards;
  return {
    totalShards,
    shards: settings.list ?? Array.from({ length: totalShards }, (_, id) => id),
    spawnDelayMs: Math.ceil(IDENTIFY_INTERVAL_MS / Math.max(1, gateway.session_start_limit.max_concurrency)),
  };
}
