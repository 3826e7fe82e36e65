// Every environment variable the bot reads, read once and validated here (README "Configuration").
import { isIP } from 'node:net';
import { sqlitePath, storeProtocol } from './progress/store-url.js';

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Config {
  token: string;
  clientId?: string;
  guildId?: string;
  /** REST base without the version, e.g. http://127.0.0.1:8080/api; discord.js appends /v10. */
  apiUrl?: string;
  libraryDir: string;
  /** How often LIBRARY_DIR is loaded again besides its watcher's reports (README "A living library"); 0: never. */
  libraryRescanMs: number;
  storeUrl: string;
  logLevel: LogLevel;
  /**
   * Whether a discord.js ShardingManager started this process and assigned it shards (it sets SHARDS, which
   * discord.js reads itself); otherwise the bot opens as many shards as Discord recommends.
   */
  shardsAssigned: boolean;
  /** Where /metrics and /health are served (README "Metrics and health"); none unless METRICS_PORT is set. */
  metrics?: { port: number; host: string };
}

/** Thrown with one line per bad variable, each naming it; the entry point prints them without a stack. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;
type Check = (value: string) => string | undefined;

const SNOWFLAKE = /^\d{17,20}$/;
// A bot token is three base64url parts joined by dots; anything else is a paste error worth naming early.
const TOKEN = /^[\w-]{10,}\.[\w-]{4,}\.[\w-]{10,}$/;
const STORE_PROTOCOLS = ['sqlite:', 'redis:', 'rediss:', 'postgres:', 'postgresql:'];

const isSnowflake: Check = (v) => (SNOWFLAKE.test(v) ? undefined : 'must be a Discord id (17 to 20 digits)');

const isHttpUrl: Check = (v) => {
  const url = parseUrl(v);
  if (!url || !['http:', 'https:'].includes(url.protocol)) return 'must be an http(s) URL such as http://127.0.0.1:8080/api';
  if (/\/v\d+\/?$/.test(url.pathname)) return 'must not end with the API version (discord.js adds /v10 itself)';
  return undefined;
};

const isStoreUrl: Check = (v) => {
  const protocol = storeProtocol(v);
  if (!STORE_PROTOCOLS.includes(protocol) || (protocol !== 'sqlite:' && !parseUrl(v))) {
    return 'must be sqlite://path, redis://host:port or postgres://user@host/db';
  }
  if (protocol === 'sqlite:' && sqlitePath(v) === '') return 'must name a file, e.g. sqlite://data/progress.sqlite';
  // Without a host the clients quietly use whatever listens on 127.0.0.1, which may be another program's store.
  const url = parseUrl(v);
  if (url && protocol !== 'sqlite:' && url.hostname === '' && !url.searchParams.has('host')) return 'must name a host, e.g. redis://127.0.0.1:6379';
  return undefined;
};

const isPort: Check = (v) => (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : 'must be a TCP port, a whole number from 1 to 65535');

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
const isHost: Check = (v) => (isIP(v) !== 0 || HOST_NAME.test(v) ? undefined : 'must be an address or host name to listen on, such as 127.0.0.1 or 0.0.0.0 (no scheme, no port)');

/** At most a day: a longer wait is as good as never, and 0 says never. */
const isRescanSeconds: Check = (v) => (/^\d{1,5}$/.test(v) && Number(v) <= 86_400 ? undefined : 'must be a whole number of seconds from 0 (never) to 86400');

const isLogLevel: Check = (v) => ((LOG_LEVELS as readonly string[]).includes(v) ? undefined : `must be one of ${LOG_LEVELS.join(', ')}`);

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];
  const read = (name: string, check?: Check): string | undefined => {
    const value = env[name]?.trim();
    if (!value) return undefined;
    const problem = check?.(value);
    if (problem) problems.push(`${name} ${problem}.`);
    return value;
  };

  const token = read('DISCORD_TOKEN', (v) => (TOKEN.test(v) ? undefined : 'does not look like a bot token (three dot-separated parts); copy it again from the Bot tab'));
  if (!token) problems.push('DISCORD_TOKEN is missing: set it in .env (see .env.example).');

  const config: Config = {
    token: token ?? '',
    clientId: read('DISCORD_CLIENT_ID', isSnowflake),
    guildId: read('DISCORD_GUILD_ID', isSnowflake),
    apiUrl: read('DISCORD_API_URL', isHttpUrl)?.replace(/\/+$/, ''),
    libraryDir: libraryDirOf(env),
    libraryRescanMs: Number(read('LIBRARY_RESCAN_SECONDS', isRescanSeconds) ?? 60) * 1000,
    storeUrl: read('STORE_URL', isStoreUrl) ?? 'sqlite://data/progress.sqlite',
    logLevel: (read('LOG_LEVEL', isLogLevel) ?? 'info') as LogLevel,
    shardsAssigned: 'SHARDS' in env,
    metrics: metricsOf(read('METRICS_PORT', isPort), read('METRICS_HOST', isHost), firstShardOf(env['SHARDS']), problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/**
 * Off unless METRICS_PORT is set; on 127.0.0.1 unless the operator names another interface. Each shard process
 * of a ShardingManager serves on METRICS_PORT plus its (first) shard id, so that they do not fight for one port.
 */
function metricsOf(port: string | undefined, host: string | undefined, shard: number, problems: string[]): Config['metrics'] {
  if (port === undefined) {
    if (host !== undefined) problems.push('METRICS_HOST is set but METRICS_PORT is not: set METRICS_PORT to serve metrics.');
    return undefined;
  }
  if (isPort(port) === undefined && Number(port) + shard > 65535) problems.push(`METRICS_PORT ${port} plus shard ${shard} is past 65535: choose a lower METRICS_PORT.`);
  return { port: Number(port) + shard, host: host ?? '127.0.0.1' };
}

/** SHARDS as a ShardingManager sets it (`3`), or a list (`[3,4]`); 0 when unset or unreadable. */
function firstShardOf(shards: string | undefined): number {
  const ids = /^\[?\s*(\d+)/.exec(shards ?? '');
  return ids ? Number(ids[1]) : 0;
}

/** LIBRARY_DIR alone: `npm run library` needs no token. */
export function libraryDirOf(env: Env = process.env): string {
  return env['LIBRARY_DIR']?.trim() || 'seeds';
}
