import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Events } from 'discord.js';
import WebSocket from 'ws';
import { startEmulator, type Emulator } from '../support/emulator/index.js';
import { createClient, login } from './test-bot.js';

let emu: Emulator;

beforeAll(async () => {
  emu = await startEmulator();
});

afterAll(async () => {
  await emu?.stop();
});

describe('logging in to the emulator', () => {
  it('logs the real client in and out three times, each in under a second', async () => {
    for (let round = 0; round < 3; round += 1) {
      const client = createClient(emu);
      const started = performance.now();
      await login(client, emu.token);
      const elapsed = performance.now() - started;
      expect(client.guilds.cache.map((g) => g.name).sort()).toEqual(['Book Nook', 'Story Club']);
      await client.destroy();
      expect(elapsed).toBeLessThan(1000);
    }
  });

  it('gives the client the world: guilds, channels with nsfw flags, threads with parents, members', async () => {
    const client = createClient(emu);
    await login(client, emu.token);
    const { channels, users } = emu.world;
    const mature = client.channels.cache.get(channels.mature.id);
    const thread = client.channels.cache.get(channels.thread.id);
    expect(mature && 'nsfw' in mature && mature.nsfw).toBe(true);
    expect(thread?.isThread() && thread.parent?.id).toBe(channels.mature.id);
    expect(client.guilds.cache.get(emu.world.guilds.one.id)?.members.cache.has(users.carol.id)).toBe(true);
    expect(client.user?.id).toBe(emu.world.bot.id);
    await client.destroy();
  });

  it('refuses an unknown token on REST, so login fails', async () => {
    const client = createClient(emu);
    await expect(client.login('not-the-token')).rejects.toThrow();
    await client.destroy();
    emu.takeViolations();
  });

  it('closes the gateway with 4004 for an unknown token', async () => {
    const socket = new WebSocket(`ws://127.0.0.1:${emu.port}/gateway?v=10&encoding=json`);
    socket.on('message', (raw) => {
      if (JSON.parse(raw.toString()).op === 10) socket.send(JSON.stringify({ op: 2, d: { token: 'wrong', intents: 1, properties: {} } }));
    });
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4004);
  });

  it('answers a resume with an invalid session, so the client identifies again', async () => {
    const client = createClient(emu);
    await login(client, emu.token);
    const before = emu.gatewayStats;
    const reconnected = new Promise<void>((resolve) => client.once(Events.ShardReady, () => resolve()));
    emu.disconnectBot(4000);
    await reconnected;
    expect(emu.gatewayStats).toMatchObject({ connected: true, resumes: before.resumes + 1, identifies: before.identifies + 1 });
    await client.destroy();
  });

  it('records command registration with ids, application id and version, keeping ids by name', async () => {
    const client = createClient(emu);
    await login(client, emu.token);
    const definitions = [{ name: 'read', description: 'Read a work' }, { name: 'works', description: 'List works' }];
    const first = await client.application!.commands.set(definitions);
    const again = await client.application!.commands.set(definitions.slice(0, 1));
    const global = emu.commands();
    expect(global).toMatchObject([{ name: 'read', application_id: emu.world.application.id, id: first.find((c) => c.name === 'read')?.id }]);
    expect(global[0]?.version).toEqual(expect.any(String));
    expect(again.size).toBe(1);
    await client.application!.commands.set([{ name: 'progress', description: 'Your progress' }], emu.world.guilds.two.id);
    expect(emu.commands(emu.world.guilds.two.id).map((c) => c.name)).toEqual(['progress']);
    await client.destroy();
  });

  it('stops cleanly: the port refuses connections afterwards', async () => {
    const other = await startEmulator();
    const client = createClient(other);
    await login(client, other.token);
    const url = other.apiUrl;
    await other.stop();
    await expect(fetch(`${url}/v10/gateway`)).rejects.toThrow();
    await client.destroy();
  });
});
