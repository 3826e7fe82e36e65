// The emulator as a sharded bot sees Discord: /gateway/bot recommends a shard count, each shard identifies
// once with `shard: [id, count]`, and a guild's events (GUILD_CREATE, interactions) arrive only on the shard
// that owns it, `(guild_id >> 22) % count`; DMs on shard 0. A shard that identifies twice or with the wrong
// count is closed and recorded as a violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags, Partials } from 'discord.js';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../support/emulator/index.js';
import { shardOf } from '../support/emulator/shards.js';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator({ shards: 2, maxConcurrency: 2 });
});
afterAll(async () => {
  await emu?.stop();
});

/** One discord.js client running the shards given, answering every slash command with the shard it ran on. */
async function shardedClient(shards: number[] | 'auto', shardCount?: number): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds], partials: [Partials.Channel], allowedMentions: { parse: [] },
    rest: { api: emu.apiUrl }, shards, ...(shardCount ? { shardCount } : {}),
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) void interaction.reply({ content: `shard ${interaction.guild?.shardId ?? 0}`, flags: MessageFlags.Ephemeral });
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(emu.token);
  await ready;
  return client;
}

function identify(socket: WebSocket, shard: [number, number]): void {
  socket.send(JSON.stringify({ op: 2, d: { token: emu.token, intents: 1, properties: {}, shard } }));
}

/** Opens a raw gateway connection and resolves with the close code the emulator sends after `act`. */
function closeCodeAfter(act: (socket: WebSocket) => void): Promise<number> {
  const socket = new WebSocket(`ws://127.0.0.1:${emu.port}/gateway`);
  socket.once('message', () => act(socket));
  return new Promise((resolve) => socket.once('close', (code) => resolve(code)));
}

describe('a sharded bot on the emulator', () => {
  it('places the two guilds on different shards of two', () => {
    expect(shardOf(emu.world.guilds.one.id, 2)).toBe(0);
    expect(shardOf(emu.world.guilds.two.id, 2)).toBe(1);
    expect(shardOf(undefined, 2)).toBe(0);
  });

  it('recommends its shard count on /gateway/bot and serves each guild on its own shard only', async () => {
    const response = await fetch(`${emu.apiUrl}/v10/gateway/bot`, { headers: { authorization: `Bot ${emu.token}` } });
    expect(await response.json()).toMatchObject({ shards: 2, session_start_limit: { max_concurrency: 2 } });

    const client = await shardedClient('auto');
    expect(emu.gatewayStats.shards).toEqual([0, 1]);
    expect(client.guilds.cache.get(emu.world.guilds.one.id)?.shardId).toBe(0);
    expect(client.guilds.cache.get(emu.world.guilds.two.id)?.shardId).toBe(1);

    const before = emu.gatewayStats.dispatched;
    const inOne = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'ping');
    const inTwo = await emu.slash(emu.world.users.alice, emu.world.channels.lobby, 'ping');
    const inDm = await emu.slash(emu.world.users.alice, emu.world.dms.alice, 'ping');
    expect([inOne, inTwo, inDm].map((r) => r.callback?.data?.['content'])).toEqual(['shard 0', 'shard 1', 'shard 0']);
    expect(emu.gatewayStats.dispatched).toEqual([before[0]! + 2, before[1]! + 1]);
    await client.destroy();
    expect(emu.takeViolations()).toEqual([]);
  });

  it('gives a process running shard 1 alone only the guild shard 1 owns', async () => {
    const client = await shardedClient([1], 2);
    expect(client.guilds.cache.map((g) => g.id)).toEqual([emu.world.guilds.two.id]);
    expect(emu.gatewayStats.shards).toEqual([1]);
    await client.destroy();
    expect(emu.takeViolations()).toEqual([]);
  });

  it('closes a shard that identifies with the wrong count (4010) and records it', async () => {
    expect(await closeCodeAfter((socket) => identify(socket, [0, 3]))).toBe(4010);
    expect(emu.takeViolations()).toEqual([expect.objectContaining({ kind: 'sharding', message: expect.stringContaining('[0, 3]') })]);
  });

  it('closes a connection that identifies twice (4005), and a second connection for a shard already up, and records both', async () => {
    expect(await closeCodeAfter((socket) => (identify(socket, [0, 2]), identify(socket, [0, 2])))).toBe(4005);
    const client = await shardedClient([0], 2);
    expect(await closeCodeAfter((socket) => identify(socket, [0, 2]))).toBe(4005);
    await client.destroy();
    expect(emu.takeViolations().map((v) => v.message)).toEqual([
      expect.stringContaining('identified twice on one connection'),
      expect.stringContaining('shard 0 identified while it is already connected'),
    ]);
  });
});
