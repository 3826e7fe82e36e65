import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

/** Starts `npm start`'s entry point with only the given variables (and no .env file). */
async function start(env: Record<string, string>) {
  const result = await run(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    env: { PATH: process.env.PATH ?? '', DOTENV_CONFIG_PATH: '/nonexistent/.env', ...env },
    timeout: 20_000,
  }).catch((error: { code: number; stdout: string; stderr: string }) => error);
  return { code: 'code' in result ? result.code : 0, stdout: result.stdout, stderr: result.stderr };
}

describe('starting the bot', () => {
  it('stops with one clear line and exit code 1 when the token is missing', async () => {
    const { code, stderr, stdout } = await start({});
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual(['Configuration error: DISCORD_TOKEN is missing: set it in .env (see .env.example).']);
  });

  it('names each malformed variable on its own line, without a stack trace', async () => {
    const { code, stderr } = await start({ DISCORD_TOKEN: TOKEN, STORE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Configuration error: STORE_URL /);
    expect(lines[1]).toMatch(/^Configuration error: LOG_LEVEL /);
    expect(stderr).not.toMatch(/\bat \S+ \(/);
  });
});
