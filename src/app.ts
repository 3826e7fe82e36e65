// The composition root: config -> logger -> library -> store -> client -> router -> login. `npm start`
// and the end-to-end tests both start the bot through `startBot`, so the tests run what production runs.
import { Client, Events, GatewayIntentBits, Partials, type ClientOptions } from 'discord.js';
import { commands } from '../commands/index.js';
import type { Config } from './config.js';
import { sendChapterNotices } from './discord/chapter-notices.js';
import { sendServerNotices } from './discord/server-notices.js';
import { readingControls } from './discord/reading-view/controls.js';
import { createRouter } from './discord/router.js';
import type { BotContext } from './discord/context.js';
import { Catalog } from './library/catalog.js';
import { LiveLibrary, type LibraryChange } from './library/live.js';
import { loadLibrary } from './library/load.js';
import type { Library } from './library/model.js';
import { createLogger, type Logger } from './log.js';
import { BotMetrics } from './metrics/bot-metrics.js';
import { serveMetrics, type MetricsServer } from './metrics/server.js';
import { shardsOf } from './metrics/shards.js';
import { openProgressStore, type ProgressStore } from './progress/store.js';
import { SearchIndex } from './search/index.js';

export interface RunningBot {
  client: Client<true>;
  /** The library as it is now: replaced whenever LIBRARY_DIR changes (README "A living library"). */
  readonly catalog: Catalog;
  store: ProgressStore;
  search: SearchIndex;
  logger: Logger;
  /** Closes the gateway and the store; safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Extra client options (tests use them to skip the identify throttle). */
  clientOptions?: Partial<ClientOptions>;
  /** /excerpt's randomness, uniform in [0, 1); tests pass a seeded one. */
  random?: () => number;
  /** The clock for saved places; tests pass their own. */
  now?: () => number;
  /** Waits between tries to reach the progress store at start; tests shorten them. */
  storeStartRetryMs?: readonly number[];
}

export async function startBot(config: Config, options: StartOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel, [config.token]);
  const metrics = config.metrics ? new BotMetrics() : undefined;
  const store = await openProgressStore(config.storeUrl, { logger, startRetryMs: options.storeStartRetryMs, observe: metrics?.observeStore });
  const library = await openLibrary(config.libraryDir, store, logger).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // DM channels are never cached from the gateway; without this, interaction.channel is null in DMs.
    partials: [Partials.Channel],
    // The default for every message and edit the bot sends: nobody is ever pinged.
    allowedMentions: { parse: [], repliedUser: false },
    // As many shards as Discord recommends for the bot's guild count, unless a ShardingManager already
    // assigned this process its own (it passes them in SHARDS).
    ...(config.shardsAssigned ? {} : { shards: 'auto' as const }),
    ...options.clientOptions,
    rest: { ...options.clientOptions?.rest, ...(config.apiUrl ? { api: config.apiUrl } : {}) },
  });
  const search = await SearchIndex.open().catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  // The watcher starts once the bot is logged in; a change made before that is read by the reload after its start.
  let live: LiveLibrary | undefined;
  const ctx: BotContext = {
    catalog: new Catalog(library.works), store, search, logger, libraryDir: config.libraryDir, random: options.random ?? Math.random, now: options.now ?? Date.now,
    // A reload that fails is logged as the watcher's are; the change made stays on disk for the next one.
    reloadLibrary: () => (live?.reload() ?? Promise.resolve()).catch((err: unknown) => logger.error({ err }, 'LIBRARY_DIR could not be reloaded after a change of the bot\'s own')),
  };
  const router = createRouter(ctx, { commands, controls: [...readingControls, ...commands.flatMap((command) => command.controls ?? [])] }, metrics?.observeInteraction);
  metrics?.watch({ shards: () => shardsOf(client), storeUp: () => store.available, works: () => ctx.catalog.all().length });
  client.on(Events.InteractionCreate, (interaction) => void router(interaction));
  client.on(Events.Error, (err) => logger.error({ err }, 'client error'));
  client.on(Events.ShardDisconnect, (event, shard) => logger.warn({ code: event.code, shard }, 'gateway disconnected'));

  let metricsServer: MetricsServer | undefined;
  try {
    // Served before the gateway connects, so /health says it is still down meanwhile.
    if (metrics && config.metrics) metricsServer = await serveMetrics(metrics, config.metrics);
    if (metricsServer) logger.info(metricsServer.address, 'metrics and health served');
    await loginAndWait(client, config.token);
  } catch (error) {
    await Promise.allSettled([metricsServer?.close(), client.destroy(), store.close(), search.close()]);
    throw error;
  }
  logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, works: ctx.catalog.all().length }, 'ready');
  // Built once the bot answers: /search says the index is being built meanwhile (bench:search times it).
  // Reloads queue their index updates behind it, each in turn.
  let indexing = buildSearchIndex(search, ctx.catalog, logger);
  live = await LiveLibrary.watch(config.libraryDir, library, {
    async onChange(change) {
      ctx.catalog = new Catalog(change.library.works);
      logChange(change, logger);
      void sendChapterNotices(client, store, logger, change);
      void sendServerNotices(client, store, logger, change);
      if (change.library.claims.size > change.before.claims.size) {
        await store.keepWorkIdClaims(change.library.claims).catch((err: unknown) => logger.warn({ err }, 'the ids of new works could not be saved yet'));
      }
      // An index whose build failed is built again from the changed library: the change may have been the fix.
      indexing = indexing
        .then(() => (search.state === 'failed' ? buildSearchIndex(search, ctx.catalog, logger) : updateSearchIndex(search, change)))
        .catch((err: unknown) => logger.error({ err }, 'the search index could not follow a library change'));
    },
    onError: (err) => logger.error({ err }, 'LIBRARY_DIR could not be reloaded; the library stays as it was'),
    rescanMs: config.libraryRescanMs,
  });
  // What changed between the first load and the watcher's start (logging in takes a while) is read now.
  void live.reload();

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await live.close();
      await metricsServer?.close();
      await client.destroy();
      await Promise.all([store.close(), search.close()]);
      logger.info('stopped');
    })());
  return {
    client: client as Client<true>,
    get catalog() {
      return ctx.catalog;
    },
    store, search, logger, stop,
  };
}

/** What a reload did, in the log: works by file and id (never their text), and skips and warnings new since. */
function logChange({ before, library, added, changed, removed }: LibraryChange, logger: Logger): void {
  for (const work of added) logger.info({ file: work.file, id: work.id }, 'work added');
  for (const work of changed) logger.info({ file: work.file, id: work.id }, 'work reloaded');
  for (const work of removed) logger.info({ file: work.file, id: work.id }, 'work removed');
  const seen = new Set([...before.skipped.map((s) => `${s.file}\0${s.reason}`), ...before.warnings.map((w) => `${w.file}\0${w.warning}`)]);
  for (const { file, reason } of library.skipped) if (!seen.has(`${file}\0${reason}`)) logger.warn({ file, reason }, 'work file skipped');
  for (const { file, warning } of library.warnings) if (!seen.has(`${file}\0${warning}`)) logger.warn({ file, warning }, 'work file loaded with a warning');
}

async function updateSearchIndex(search: SearchIndex, { added, changed, removed }: LibraryChange): Promise<void> {
  for (const work of removed) await search.remove(work.id);
  for (const work of [...added, ...changed]) await search.replace(work);
}

/** Loads the library with the ids its files were given before, and keeps the ids of new files. */
async function openLibrary(dir: string, store: ProgressStore, logger: Logger): Promise<Library> {
  const library = await loadLibrary(dir, await store.workIdClaims());
  await store.keepWorkIdClaims(library.claims);
  for (const { file, reason } of library.skipped) logger.warn({ file, reason }, 'work file skipped');
  for (const { file, warning } of library.warnings) logger.warn({ file, warning }, 'work file loaded with a warning');
  if (library.missing) logger.warn({ dir }, 'LIBRARY_DIR does not exist: create it and put work files in it');
  else if (library.works.length === 0) logger.warn({ dir }, 'the library is empty: put work files in LIBRARY_DIR');
  else logger.info({ dir, works: library.works.length, skipped: library.skipped.length }, 'library loaded');
  return library;
}

async function buildSearchIndex(search: SearchIndex, catalog: Catalog, logger: Logger): Promise<void> {
  const started = Date.now();
  try {
    await search.build(catalog.all());
    // 'bm25' when src/search/bm25.c was not built at install: ranked searches are slower (README "Performance").
    logger.info({ works: catalog.all().length, ms: Date.now() - started, ranking: search.ranking }, 'search index built');
  } catch (err) {
    logger.error({ err }, 'the search index could not be built; /search answers that search is not available, until a change to the library builds it again');
  }
}

function loginAndWait(client: Client, token: string): Promise<void> {
  return new Promise((resolve, reject) => {
    client.once(Events.ClientReady, () => resolve());
    client.login(token).catch(reject);
  });
}
