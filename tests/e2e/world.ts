// Shared set-up for the end-to-end tests: a library of the founding works plus small fixtures, a fresh
// SQLite store, the emulator, and the story bot started through its composition root. Tests stand alone:
// each reads as readers of its own (`reader()`), and seeds the bot's randomness itself (`seed()`).
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onTestFinished } from 'vitest';
import { steppingClock } from '../support/clock.js';
import type { LogLevel } from '../../src/config.js';
import { startEmulator, type ApiUser, type Emulator, type InteractionResult, type Message } from '../support/emulator/index.js';
import { mulberry32 } from '../support/seeded-random.js';
import { startStoryBot, type StoryBot } from '../support/story-bot.js';

export interface E2E {
  emu: Emulator;
  bot: StoryBot;
  dir: string;
  env: { LIBRARY_DIR: string; STORE_URL: string };
  /** A person who has not used the bot yet, a member of both guilds like everyone in the emulator's world. */
  reader(name: string): ApiUser;
  /** Restarts the bot's random draws from this seed. */
  seed(seed: number): void;
  restart(): Promise<void>;
  close(): Promise<void>;
}

let readers = 0;

/**
 * `logLevel` is the bot's LOG_LEVEL, debug unless a test asks for another; `storeUrl` its STORE_URL, a fresh SQLite
 * file unless given; `metricsPort` its METRICS_PORT, none unless given.
 */
export async function startE2E(options: { logLevel?: LogLevel; storeUrl?: string; metricsPort?: number } = {}): Promise<E2E> {
  const dir = await mkdtemp(join(tmpdir(), 'story-e2e-'));
  const library = join(dir, 'library');
  await cp('seeds', library, { recursive: true });
  await cp(join(import.meta.dirname, 'fixtures'), library, { recursive: true });
  await writeFile(join(library, 'long-night.txt'), longWork());
  await writeFile(join(library, 'long-night.meta.json'), JSON.stringify({ rating: 'General Audiences', warnings: [] }));
  const env = {
    LIBRARY_DIR: library, STORE_URL: options.storeUrl ?? `sqlite://${join(dir, 'data', 'progress.sqlite')}`,
    ...(options.logLevel ? { LOG_LEVEL: options.logLevel } : {}),
    ...(options.metricsPort ? { METRICS_PORT: String(options.metricsPort) } : {}),
  };
  const emu = await startEmulator();
  let random = mulberry32(1);
  const inject = { random: () => random(), now: steppingClock() };
  const e2e: E2E = {
    emu,
    bot: await startStoryBot(emu, env, inject),
    dir,
    env,
    reader(name) {
      readers += 1;
      return { id: String(1_290_000_000_000_000_000n + BigInt(readers)), username: `${name.toLowerCase()}${readers}`, global_name: name, discriminator: '0', avatar: null };
    },
    seed(seed) {
      random = mulberry32(seed);
    },
    async restart() {
      await e2e.bot.stop();
      e2e.bot = await startStoryBot(emu, env, inject);
    },
    async close() {
      // A test may have closed the store on purpose; stopping still closes the gateway.
      await e2e.bot.stop().catch(() => e2e.bot.client.destroy());
      await emu.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return e2e;
}

/** A one-chapter work longer than the bot paginates without deferring its first answer (over 500,000 units). */
function longWork(): string {
  const sentence = (i: number) => `Night ${i} passed slowly, and the watchman counted ${i % 17} stars before the clouds came back.`;
  const paragraphs = Array.from({ length: 2_500 }, (_, p) => Array.from({ length: 3 }, (_, s) => sentence(p * 3 + s)).join(' '));
  return ['Long Night', '', ...paragraphs.flatMap((p) => [p, ''])].join('\n');
}

/** A world for one test, closed when the test finishes. */
export async function startE2EForTest(options: Parameters<typeof startE2E>[0] = {}): Promise<E2E> {
  const e2e = await startE2E(options);
  onTestFinished(() => e2e.close());
  return e2e;
}

/** How long a test waits for a file change to show: the watcher's half second of quiet and a reload, on a busy machine. */
export const RELOAD_WITHIN_MS = 10_000;

/** Writes a file into the bot's LIBRARY_DIR while it runs, as an operator would. */
export function putInLibrary(e2e: E2E, file: string, content: string | Uint8Array): Promise<void> {
  return writeFile(join(e2e.env.LIBRARY_DIR, file), content);
}

/** The message a result shows, failing loudly when the bot sent none. */
export function messageOf(result: InteractionResult): Message {
  if (!result.message) throw new Error(`no message for interaction ${result.id} (callback ${JSON.stringify(result.callback)})`);
  return result.message;
}

export function descriptionOf(message: Message): string {
  const embed = message.embeds[0] as { description?: string } | undefined;
  return embed?.description ?? '';
}

export function footerOf(message: Message): string {
  const embed = message.embeds[0] as { footer?: { text?: string } } | undefined;
  return embed?.footer?.text ?? '';
}
