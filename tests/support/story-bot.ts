// Starts the story bot exactly as `npm start` does (loadConfig -> startBot), against the emulator, after
// registering its commands as `npm run deploy-commands` does. Logs are kept for assertions.
import { Writable } from 'node:stream';
import { commandDefinitions } from '../../commands/index.js';
import { startBot, type RunningBot, type StartOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { registerCommands } from '../../src/discord/register-commands.js';
import { createLogger } from '../../src/log.js';
import type { Emulator } from './emulator/index.js';

export interface StoryBot extends RunningBot {
  /** Every log line written, as JSON text. */
  logs: string[];
}

/** `random` and `now` are injected so that excerpts and saved times are the same on every run. */
export async function startStoryBot(
  emu: Emulator,
  env: { LIBRARY_DIR: string; STORE_URL: string; LOG_LEVEL?: string; METRICS_PORT?: string },
  inject: Required<Pick<StartOptions, 'random' | 'now'>>,
): Promise<StoryBot> {
  const config = loadConfig({
    DISCORD_TOKEN: emu.token,
    DISCORD_API_URL: emu.apiUrl,
    DISCORD_CLIENT_ID: emu.world.application.id,
    LOG_LEVEL: 'debug',
    ...env,
  });
  await registerCommands(config, commandDefinitions);
  const logs: string[] = [];
  const out = new Writable({ write: (chunk, _encoding, done) => (logs.push(String(chunk)), done()) });
  const bot = await startBot(config, {
    logger: createLogger(config.logLevel, [config.token], out),
    // The emulator has no identify rate limit to respect; skipping the throttle keeps restarts fast.
    clientOptions: { ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) } },
    ...inject,
  });
  return Object.assign(bot, { logs });
}
