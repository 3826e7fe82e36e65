import { Writable } from 'node:stream';
import { DiscordAPIError, HTTPError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/log.js';

const TOKEN = 'MTAxMDEwMTAxMDEwMTAxMDEw.GaBcDe.abcdefghijklmnopqrstuvwxyz0123456789AB';
/** Shaped like Discord's: an interaction token is long base64url, a webhook token 68 characters. */
const INTERACTION_TOKEN = 'aW50ZXJhY3Rpb246MTI5MDAwMDAwMDAwMDAwMDAwMTpKeUhsZ2V4dGJ0bWF4dFlKcUxwcGZ4eGx1WTZ4Nmt1dUtVY2Js';
const WEBHOOK_TOKEN = 'k8Qn6n0pX1_vZ3-aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789-abcdefghijklmnop';
const INTERACTION = '1290000000000000001';
const APP = '1200000000000000001';
const PAGE = 'The lamps came on one by one along the river, and nobody hurried home.';

function capture(level: 'info' | 'trace' = 'trace') {
  const lines: string[] = [];
  const out = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
  return { logger: createLogger(level, [TOKEN], out), text: () => lines.join('') };
}

const callbackUrl = `https://discord.com/api/v10/interactions/${INTERACTION}/${INTERACTION_TOKEN}/callback?with_response=false`;
const pageReply = { type: 4, data: { embeds: [{ description: PAGE }], allowed_mentions: { parse: [] } } };

describe('logs', () => {
  it('never contain the token, even inside an error message', () => {
    const { logger, text } = capture('info');
    logger.error({ err: new Error(`request with Bot ${TOKEN} failed`), url: `http://x/?t=${TOKEN}` }, `token ${TOKEN}`);
    expect(text()).toContain('request with Bot [redacted] failed');
    expect(text()).not.toContain(TOKEN);
  });

  it('never contain an interaction or webhook token, in a URL or in the name of a REST queue', () => {
    const { logger, text } = capture();
    logger.trace({ url: callbackUrl }, `POST ${callbackUrl}`);
    logger.trace(`PATCH /webhooks/${APP}/${WEBHOOK_TOKEN}/messages/@original`);
    // How @discordjs/rest names a webhook's queue in its debug events and rate-limit errors: `<id>/<token>`.
    logger.trace(`[REST Global(PATCH:/webhooks/:id/:token/messages/:id):${APP}/${WEBHOOK_TOKEN}] Waiting 120ms for rate limit to pass`);
    logger.trace({ majorParameter: `${APP}/${WEBHOOK_TOKEN}` }, 'rate limited');
    expect(text()).not.toContain(INTERACTION_TOKEN);
    expect(text()).not.toContain(WEBHOOK_TOKEN);
    expect(text()).toContain(`/interactions/${INTERACTION}/[redacted]/callback?with_response=false`);
    expect(text()).toContain(`/webhooks/${APP}/[redacted]/messages/@original`);
    expect(text()).toContain(`:${APP}/[redacted]] Waiting 120ms`);
  });

  it('give a failed request’s body as its size, never its text, and keep what Discord answered', () => {
    const { logger, text } = capture();
    const files = [{ name: 'page.txt', data: Buffer.from(PAGE) }];
    const refused = new DiscordAPIError({ message: 'Unknown interaction', code: 10062 }, 10062, 404, 'POST', callbackUrl, { body: pageReply, files });
    const failed = new HTTPError(502, 'Bad Gateway', 'PATCH', `https://discord.com/api/v10/webhooks/${APP}/${WEBHOOK_TOKEN}`, { body: pageReply });
    logger.error({ err: refused }, 'interaction failed');
    logger.error(failed, 'edit failed');
    logger.error({ err: new AggregateError([refused], 'all failed') }, 'both failed');

    const [first, second, third] = text().trim().split('\n').map((line) => JSON.parse(line) as { err: Record<string, unknown> });
    const bytes = Buffer.byteLength(JSON.stringify(pageReply));
    expect(first?.err).toMatchObject({ status: 404, code: 10062, method: 'POST', rawError: { code: 10062 }, requestBody: { bytes: bytes + PAGE.length, files: 1 } });
    expect(second?.err).toMatchObject({ status: 502, method: 'PATCH', requestBody: { bytes } });
    expect(third?.err['aggregateErrors']).toMatchObject([{ code: 10062, requestBody: { bytes: bytes + PAGE.length, files: 1 } }]);
    expect(text()).not.toContain(PAGE);
    expect(text()).not.toContain('lamps');
    expect(text()).not.toContain(INTERACTION_TOKEN);
    expect(text()).not.toContain(WEBHOOK_TOKEN);
  });
});
