// `npm run bench:turns`: how long a reader waits for a page turn. The story bot, bundled and started as
// `npm start` does, and the floor (bench/turns-floor-bot.ts: a discord.js bot that answers every click with
// one constant page of the same size, bundled alike) each run in a process of their own, each logged in to an
// emulator of its own in this process. READERS readers open a reading in each (passing the warnings screen where a work has one), then
// press Next as fast as answers come (Previous back from a last page), SECONDS in all per bot, in ROUNDS
// rounds that alternate between the two, each after a warm-up. A wait runs from the emulator sending the click
// to the bot's response arriving. Last line: `ratio p50=X p99=Y`, the bot's waits over the floor's.
import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { commandDefinitions } from '../commands/index.js';
import { loadConfig } from '../src/config.js';
import { registerCommands } from '../src/discord/register-commands.js';
import { renderPage } from '../src/discord/reading-view/render.js';
import { loadLibrary } from '../src/library/load.js';
import type { Work } from '../src/library/model.js';
import { pageAt } from '../src/reading/navigation.js';
import { buttonsOf, startEmulator, type ApiChannel, type ApiUser, type Emulator } from '../tests/support/emulator/index.js';
import { syntheticWork } from '../tests/reading/synthetic-work.js';
import { bundle } from '../scripts/build.js';

const READERS = Number(process.env['TURNS_READERS'] ?? 200);
const SECONDS = Number(process.env['TURNS_SECONDS'] ?? 15);
const ROUNDS = Number(process.env['TURNS_ROUNDS'] ?? 3);
const WARM_UP_SECONDS = Number(process.env['TURNS_WARM_UP_SECONDS'] ?? 1);
const READER_IDS = 1_300_000_000_000_000_000n;
/** Where the bots write CPU profiles (node --cpu-prof), if set: how the figures in README "Performance" were found. */
const CPU_PROFILE_DIR = process.env['TURNS_CPU_PROFILE_DIR'];
const BUNDLES = join(import.meta.dirname, '..', 'dist', 'bench-turns');

export interface Reader {
  user: ApiUser;
  channel: ApiChannel;
  work: Work;
  messageId: string;
  forward: boolean;
}

export interface Side {
  name: string;
  waits: number[];
  errors: number;
  unanswered: number;
  violations: number;
  /** Warnings and errors the bot logged. */
  logged: string[];
}

/**
 * The founding works, and the work every reader reads: 20 chapters of full pages with a chapter picker, whose
 * archive warning puts a screen before its first page. One work, so the floor's one page is the size of the
 * pages the story bot sends.
 */
export async function makeLibrary(dir: string): Promise<void> {
  await cp(join(import.meta.dirname, '..', 'seeds'), dir, { recursive: true });
  const blocks = syntheticWork(2_000_000).chapters[0]!.blocks;
  const perChapter = Math.ceil(blocks.length / 20);
  const chapters = Array.from({ length: 20 }, (_, c) => {
    const text = blocks.slice(c * perChapter, (c + 1) * perChapter).map((b) => (b.kind === 'paragraph' ? b.text : '* * *'));
    return `# Chapter ${c + 1}\n\n${text.join('\n\n')}`;
  });
  const front = '---\ntitle: The Long Watch\nrating: Teen And Up Audiences\nwarnings: [Graphic Depictions Of Violence]\n---\n';
  await writeFile(join(dir, 'the-long-watch.md'), `${front}${chapters.join('\n\n')}\n`);
}

export function percentile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Starts a bot process from its bundle and resolves once it logs `readyMessage` (the sharding launcher says
 * `all shards ready`); its warnings and errors are kept in `logged`.
 */
export function startBotProcess(script: string, env: NodeJS.ProcessEnv, logged: string[], readyMessage = 'ready'): Promise<ChildProcess> {
  const profile = CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  createInterface({ input: child.stderr! }).on('line', (line) => logged.push(line));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready: ${logged.slice(-3).join(' | ')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line === readyMessage || line.includes(`"msg":"${readyMessage}"`)) resolve(child);
      else if (/"level":(4|5|6)\d/.test(line)) logged.push(line);
    });
  });
}

export async function stopBotProcess(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function open(emu: Emulator, reader: Omit<Reader, 'messageId' | 'forward'>): Promise<Reader> {
  const opened = await emu.slash(reader.user, reader.channel, 'read', { work: reader.work.id });
  let message = opened.message;
  if (message && buttonsOf(message).some((b) => b.label === 'Start reading')) message = (await emu.click(reader.user, message, 'Start reading')).message;
  if (!message || !buttonsOf(message).some((b) => b.label === 'Next')) throw new Error(`/read ${reader.work.id} showed no page: ${JSON.stringify(opened.callback)}`);
  return { ...reader, messageId: message.id, forward: true };
}

/** One press of Next, or of Previous while walking back from the last page. */
export async function turn(emu: Emulator, reader: Reader, side: Side, timed: boolean): Promise<void> {
  const buttons = buttonsOf(emu.message(reader.messageId)!);
  const enabled = (label: string) => buttons.some((b) => b.label === label && !b.disabled);
  if (reader.forward && !enabled('Next')) reader.forward = false;
  else if (!reader.forward && !enabled('Previous')) reader.forward = true;
  const result = await emu.click(reader.user, reader.messageId, reader.forward ? 'Next' : 'Previous');
  if (!timed) return;
  if (result.answeredInMs === null) side.unanswered += 1;
  else if (result.callback?.type !== 7) side.errors += 1;
  else side.waits.push(result.answeredInMs);
}

interface Running {
  side: Side;
  emu: Emulator;
  child: ChildProcess;
  readers: Reader[];
}

/** A bot with an emulator of its own, logged in, and READERS readers with a reading open in it. */
async function start(name: string, script: string, env: NodeJS.ProcessEnv, libraryDir: string, work: Work): Promise<Running> {
  const side: Side = { name, waits: [], errors: 0, unanswered: 0, violations: 0, logged: [] };
  const emu = await startEmulator({ quietMs: 0 });
  const login = { DISCORD_TOKEN: emu.token, DISCORD_API_URL: emu.apiUrl, DISCORD_CLIENT_ID: emu.world.application.id, LIBRARY_DIR: libraryDir };
  await registerCommands(loadConfig({ ...login, STORE_URL: 'sqlite://unused.sqlite' }), commandDefinitions);
  const child = await startBotProcess(script, { ...env, ...login }, side.logged);
  const { general } = emu.world.channels;
  const readers = await Promise.all(
    Array.from({ length: READERS }, (_, i) => {
      const user = { id: String(READER_IDS + BigInt(i)), username: `reader${i}`, global_name: `Reader ${i}`, discriminator: '0', avatar: null };
      return open(emu, { user, channel: general, work });
    }),
  );
  side.violations += emu.takeViolations().length;
  return { side, emu, child, readers };
}

/** Every reader turns pages for `seconds`; only turns started after the warm-up count. */
async function round(running: Running, seconds: number): Promise<void> {
  const warmUpEnd = performance.now() + WARM_UP_SECONDS * 1000;
  const end = warmUpEnd + seconds * 1000;
  await Promise.all(
    running.readers.map(async (reader) => {
      for (let now = performance.now(); now < end; now = performance.now()) await turn(running.emu, reader, running.side, now >= warmUpEnd);
    }),
  );
  running.side.violations += running.emu.takeViolations().length;
}

async function stop(running: Running): Promise<void> {
  await stopBotProcess(running.child);
  await running.emu.stop();
}

function report(side: Side): { p50: number; p99: number } {
  const sorted = [...side.waits].sort((a, b) => a - b);
  const [p50, p90, p99] = [0.5, 0.9, 0.99].map((q) => percentile(sorted, q)) as [number, number, number];
  const ms = (v: number) => `${v.toFixed(1)}ms`;
  console.log(
    `${side.name.padEnd(5)} turns=${sorted.length} turns/s=${(sorted.length / SECONDS).toFixed(0)} p50=${ms(p50)} p90=${ms(p90)} p99=${ms(p99)}` +
      ` errors=${side.errors} unanswered=${side.unanswered} violations=${side.violations}`,
  );
  for (const line of side.logged.slice(0, 5)) console.log(`  ${side.name} logged: ${line.slice(0, 300)}`);
  return { p50, p99 };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'bench-turns-'));
  const started: Running[] = [];
  try {
    const libraryDir = join(dir, 'library');
    await makeLibrary(libraryDir);
    const { works } = await loadLibrary(libraryDir);
    // The floor's page: the story bot's first page of the long work's second chapter, as the JSON it sends.
    const long = works.find((w) => w.chapters.length === 20)!;
    const pageFile = join(dir, 'floor-page.json');
    await writeFile(pageFile, JSON.stringify(renderPage(long, pageAt(long, { chapter: 1, offset: 0 }), String(READER_IDS))));
    console.log(`bench:turns: ${READERS} readers pressing Next, ${SECONDS} s per bot in ${ROUNDS} alternating rounds (each after ${WARM_UP_SECONDS} s warm-up), all in ${long.meta.title} of ${works.length} works`);
    const [floorBundle, botBundle] = [join(BUNDLES, 'floor.js'), join(BUNDLES, 'bot.js')];
    await bundle(join(import.meta.dirname, 'turns-floor-bot.ts'), floorBundle);
    await bundle(join(import.meta.dirname, '..', 'src', 'index.ts'), botBundle);
    const floor = await start('floor', floorBundle, { FLOOR_PAGE_FILE: pageFile }, libraryDir, long);
    started.push(floor);
    const bot = await start('bot', botBundle, {
      STORE_URL: `sqlite://${join(dir, 'data', 'progress.sqlite')}`, LOG_LEVEL: 'info',
    }, libraryDir, long);
    started.push(bot);
    // Alternating, so that whatever else the machine does in the meantime falls on both alike.
    for (let r = 0; r < ROUNDS; r++) {
      await round(floor, SECONDS / ROUNDS);
      await round(bot, SECONDS / ROUNDS);
    }
    const f = report(floor.side);
    const b = report(bot.side);
    console.log(`ratio p50=${(b.p50 / f.p50).toFixed(2)} p99=${(b.p99 / f.p99).toFixed(2)}`);
  } finally {
    await Promise.all(started.map(stop));
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
