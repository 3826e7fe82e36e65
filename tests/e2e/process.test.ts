// `npm start` as a real process against the emulator: its entry point bundled as `npm start` bundles it
// (scripts/build.ts), run by plain node. It logs in, serves, skips a bad work file with its name and reason,
// never logs the token, and closes cleanly on SIGTERM and SIGINT.
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle } from '../../scripts/build.js';
import { commandDefinitions } from '../../commands/index.js';
import { registerCommands } from '../../src/discord/register-commands.js';
import { loadConfig } from '../../src/config.js';
import { startEmulator, textOf, type Emulator } from '../support/emulator/index.js';
import { messageOf } from './world.js';

let emu: Emulator;
let dir: string;
/** Inside the project, so that the bundle finds its packages in node_modules as dist/index.js does. */
const entry = join('dist', `process-test-${process.pid}.js`);

beforeAll(async () => {
  emu = await startEmulator();
  dir = await mkdtemp(join(tmpdir(), 'story-process-'));
  await cp('seeds', join(dir, 'library'), { recursive: true });
  await writeFile(join(dir, 'library', 'broken.txt'), Buffer.from([0x00, 0xff, 0x10, 0x00, 0x89, 0x50]));
  await bundle('src/index.ts', entry);
});
afterAll(async () => {
  await emu?.stop();
  await rm(dir, { recursive: true, force: true });
  await Promise.all([entry, `${entry}.map`].map((file) => rm(file, { force: true })));
});

function startProcess() {
  const env = {
    PATH: process.env.PATH ?? '',
    DOTENV_CONFIG_PATH: '/nonexistent/.env',
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    LIBRARY_DIR: join(dir, 'library'),
    STORE_URL: `sqlite://${join(dir, 'data', 'progress.sqlite')}`,
    LOG_LEVEL: 'debug',
  };
  const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  child.stderr.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => output.includes('"msg":"ready"') && (clearInterval(timer), resolve()), 20);
    void exited.then(() => (clearInterval(timer), reject(new Error(`exited before ready:\n${output}`))));
  });
  return { child, ready, exited, output: () => output };
}

describe('the bot process', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves, skips the bad file, hides the token, and stops cleanly on %s', async (signal) => {
    await registerCommands(loadConfig({ DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_CLIENT_ID: emu.world.application.id }), commandDefinitions);
    const bot = startProcess();
    await bot.ready;

    const works = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'works');
    expect(textOf(messageOf(works))).toContain('One Step At A Time');

    bot.child.kill(signal);
    expect(await bot.exited).toBe(0);
    const lines = bot.output().trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'work file skipped', file: 'broken.txt', reason: expect.any(String) }));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'shutting down', signal }));
    expect(lines.at(-1)).toMatchObject({ msg: 'stopped' });
    expect(bot.output()).not.toContain(emu.token);
    expect(emu.gatewayStats.connected).toBe(false);
  });
});

describe('a token Discord refuses', () => {
  it('stops the bot with one clear line naming DISCORD_TOKEN and exit code 1', async () => {
    const wrong = `${emu.token.split('.').slice(0, 2).join('.')}.${'x'.repeat(30)}`;
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', DISCORD_TOKEN: wrong, DISCORD_API_URL: emu.apiUrl, STORE_URL: 'sqlite://:memory:', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual(['Configuration error: DISCORD_TOKEN was refused by Discord: copy it again from the Bot tab of the developer portal.']);
    expect(stderr).not.toContain(wrong);
  });
});
