import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { planShards, shardSettingsOf } from '../src/shard-plan.js';
import { startEmulator, type Emulator } from './support/emulator/index.js';

describe('SHARD_COUNT and SHARDS', () => {
  it.each([
    [{}, {}],
    [{ SHARD_COUNT: '4' }, { count: 4 }],
    [{ SHARD_COUNT: '8', SHARDS: '0-2, 6,7' }, { count: 8, list: [0, 1, 2, 6, 7] }],
    [{ SHARD_COUNT: '4', SHARDS: '3,1,1' }, { count: 4, list: [1, 3] }],
  ])('reads %j as %j', (env, settings) => {
    expect(shardSettingsOf(env)).toEqual(settings);
  });

  it.each([
    [{ SHARD_COUNT: '0' }, 'SHARD_COUNT must be a whole number of shards, 1 or more.'],
    [{ SHARD_COUNT: 'two' }, 'SHARD_COUNT must be a whole number of shards, 1 or more.'],
    [{ SHARD_COUNT: '4', SHARDS: '0,a' }, 'SHARDS must list shard ids, e.g. 0,1,2 or 0-3.'],
    [{ SHARD_COUNT: '4', SHARDS: '3-1' }, 'SHARDS must list shard ids, e.g. 0,1,2 or 0-3.'],
    [{ SHARDS: '0,1' }, 'SHARDS needs SHARD_COUNT: every machine must run the same total.'],
    [{ SHARD_COUNT: '2', SHARDS: '1,2' }, 'SHARDS names a shard past SHARD_COUNT (2): ids run from 0 to 1.'],
  ])('refuses %j with one line naming the variable', (env, problem) => {
    expect(() => shardSettingsOf(env)).toThrow(problem);
  });
});

describe('planning the shards', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ shards: 3, maxConcurrency: 2 });
  });
  afterAll(async () => {
    await emu?.stop();
  });
  const config = () => loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl });

  it('asks the configured REST base for the count and starts a bucket of shards every 5.5 s', async () => {
    expect(await planShards(config(), {})).toEqual({ totalShards: 3, shards: [0, 1, 2], spawnDelayMs: 2_750 });
  });

  it('runs SHARD_COUNT shards when it is set, and only those SHARDS lists', async () => {
    expect(await planShards(config(), { SHARD_COUNT: '6', SHARDS: '4-5' })).toEqual({ totalShards: 6, shards: [4, 5], spawnDelayMs: 2_750 });
  });
});
