import { describe, expect, it } from 'vitest';
import { ConfigError, libraryDirOf, loadConfig } from '../src/config.js';

const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return error.problems;
  }
}

describe('config', () => {
  it('gives the documented defaults when only the token is set', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN })).toEqual({
      token: TOKEN,
      clientId: undefined,
      guildId: undefined,
      apiUrl: undefined,
      libraryDir: 'seeds',
      libraryRescanMs: 60_000,
      storeUrl: 'sqlite://data/progress.sqlite',
      logLevel: 'info',
      shardsAssigned: false,
    });
  });

  it('knows a ShardingManager assigned the shards when SHARDS is set, and reads LIBRARY_DIR without a token', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, SHARDS: '0' }).shardsAssigned).toBe(true);
    expect(libraryDirOf({ LIBRARY_DIR: ' works ' })).toBe('works');
    expect(libraryDirOf({})).toBe('seeds');
  });

  it('loads LIBRARY_DIR again every LIBRARY_RESCAN_SECONDS, or never when it is 0', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, LIBRARY_RESCAN_SECONDS: '15' }).libraryRescanMs).toBe(15_000);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, LIBRARY_RESCAN_SECONDS: '0' }).libraryRescanMs).toBe(0);
  });

  it('names a missing token in one line', () => {
    expect(problemsOf({})).toEqual(['DISCORD_TOKEN is missing: set it in .env (see .env.example).']);
  });

  it.each([
    ['DISCORD_TOKEN', 'not a token'],
    ['DISCORD_CLIENT_ID', 'abc'],
    ['DISCORD_GUILD_ID', '12'],
    ['DISCORD_API_URL', 'ftp://example'],
    ['DISCORD_API_URL', 'http://127.0.0.1:8080/api/v10'],
    ['STORE_URL', 'mysql://localhost/db'],
    ['STORE_URL', 'sqlite://'],
    ['STORE_URL', 'redis://'],
    ['STORE_URL', 'redis:///0'],
    ['STORE_URL', 'postgres:///progress'],
    ['LOG_LEVEL', 'loud'],
    ['METRICS_PORT', 'http'],
    ['METRICS_PORT', '0'],
    ['METRICS_PORT', '65536'],
    ['METRICS_PORT', '9464.5'],
    ['LIBRARY_RESCAN_SECONDS', 'often'],
    ['LIBRARY_RESCAN_SECONDS', '-5'],
    ['LIBRARY_RESCAN_SECONDS', '1.5'],
    ['LIBRARY_RESCAN_SECONDS', '86401'],
  ])('rejects a malformed %s (%s) with a line naming it', (name, value) => {
    const problems = problemsOf({ DISCORD_TOKEN: TOKEN, [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name} `));
  });

  it('reports every bad variable at once', () => {
    expect(problemsOf({ DISCORD_CLIENT_ID: 'x', LOG_LEVEL: 'loud' })).toHaveLength(3);
  });

  it('accepts the deployment stores and a REST proxy, trimming a trailing slash', () => {
    for (const storeUrl of ['redis://127.0.0.1:6379', 'postgres://postgres@127.0.0.1/test', 'sqlite://:memory:']) {
      expect(loadConfig({ DISCORD_TOKEN: TOKEN, STORE_URL: storeUrl }).storeUrl).toBe(storeUrl);
    }
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_API_URL: 'http://127.0.0.1:8080/api/' }).apiUrl).toBe('http://127.0.0.1:8080/api');
  });

  it('serves no metrics unless METRICS_PORT is set, and then only on 127.0.0.1 unless METRICS_HOST says otherwise', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN }).metrics).toBeUndefined();
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '127.0.0.1' });
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, METRICS_PORT: ' 9464 ', METRICS_HOST: '0.0.0.0' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '9464', METRICS_HOST: '::' }).metrics).toEqual({ port: 9464, host: '::' });
  });

  it.each(['http://0.0.0.0', '0.0.0.0:9464', 'two words'])('rejects a METRICS_HOST that is not a bare address or host name (%s)', (host) => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '9464', METRICS_HOST: host })).toEqual([
      'METRICS_HOST must be an address or host name to listen on, such as 127.0.0.1 or 0.0.0.0 (no scheme, no port).',
    ]);
  });

  it('gives each shard process of a ShardingManager a port of its own: METRICS_PORT plus its shard id', () => {
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '9464', SHARDS: '0' }).metrics?.port).toBe(9464);
    expect(loadConfig({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '9464', SHARDS: '3' }).metrics?.port).toBe(9467);
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, METRICS_PORT: '65535', SHARDS: '1' })).toEqual([
      'METRICS_PORT 65535 plus shard 1 is past 65535: choose a lower METRICS_PORT.',
    ]);
  });

  it('refuses METRICS_HOST without METRICS_PORT rather than ignoring it', () => {
    expect(problemsOf({ DISCORD_TOKEN: TOKEN, METRICS_HOST: '0.0.0.0' })).toEqual(['METRICS_HOST is set but METRICS_PORT is not: set METRICS_PORT to serve metrics.']);
  });

  it('never puts the token in an error message', () => {
    const problems = problemsOf({ DISCORD_TOKEN: `${TOKEN} extra` });
    expect(problems.join('\n')).not.toContain(TOKEN);
  });
});
