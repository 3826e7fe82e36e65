import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('logs', () => {
  it('never contain the token, even inside an error message', () => {
    let written = '';
    const out = new Writable({ write: (chunk, _enc, done) => ((written += String(chunk)), done()) });
    const logger = createLogger('info', [TOKEN], out);
    logger.error({ err: new Error(`request with Bot ${TOKEN} failed`), url: `http://x/?t=${TOKEN}` }, `token ${TOKEN}`);
    expect(written).toContain('request with Bot [redacted] failed');
    expect(written).not.toContain(TOKEN);
  });
});
