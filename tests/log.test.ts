import { Writable } from 'node:stream';
import { DiscordAPIError, HTTPError, RESTEvents } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createLogger } from '../src/log.js';
import { pageAt } from '../src/reading/navigation.js';
import { startE2E, type E2E } from './e2e/world.js';

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

describe('a reading Discord refuses, logged at LOG_LEVEL=trace', () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E({ logLevel: 'trace' });
  });
  afterAll(() => e2e?.close());

  /** The log lines written while `act` ran, and the failure the router logged among them. */
  async function logsOf<T>(act: () => Promise<T>) {
    const from = e2e.bot.logs.length;
    const result = await act();
    const text = e2e.bot.logs.slice(from).join('');
    const lines = e2e.bot.logs.slice(from).map((line) => JSON.parse(line) as { msg: string; err?: Record<string, unknown> });
    return { result, text, failure: lines.find((line) => line.msg === 'interaction failed')?.err };
  }

  /** A stretch of the first page's words, as it would appear in a log line if the page were logged. */
  function firstPageWords(workId: string): string {
    const page = pageAt(e2e.bot.catalog.byId(workId)!, { chapter: 0, offset: 0 }).page.body;
    return /[A-Za-z][A-Za-z ,]{30,}/.exec(page)![0];
  }

  it('gives a page reply refused as too late with its status and code, and neither the interaction token nor the page', async () => {
    const { emu } = e2e;
    const reader = e2e.reader('Dana');
    const { result, text, failure } = await logsOf(() => {
      const answered = emu.slash(reader, emu.world.channels.general, 'read', { work: 'one step' });
      // The interaction was dispatched; by the time the bot answers it is 5 s old, past Discord's 3 s.
      emu.advanceTime(5_000);
      return answered;
    });
    expect(failure).toMatchObject({ status: 404, code: 10062, method: 'POST', requestBody: { bytes: expect.any(Number) } });
    expect(failure?.['url']).toContain(`/interactions/${result.id}/[redacted]/callback`);
    expect(text).not.toContain(result.token);
    expect(text).not.toContain(firstPageWords('one-step-at-a-time'));
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['late-response', 'late-response']);
  });

  it('gives an edit refused after the token expired with its status and code, and neither the webhook token nor the page', async () => {
    const { emu, bot } = e2e;
    const reader = e2e.reader('Erin');
    // Long Night's first page comes after a deferral, by editing the reply through the interaction's
    // webhook; the token's 15 minutes pass between the two.
    const expire = (request: { path: string }) => {
      if (request.path.endsWith('/callback')) emu.advanceTime(16 * 60_000);
    };
    bot.client.rest.on(RESTEvents.Response, expire);
    onTestFinished(() => void bot.client.rest.off(RESTEvents.Response, expire));
    const { result, text, failure } = await logsOf(() => emu.slash(reader, emu.world.channels.general, 'read', { work: 'long night' }));
    expect(result.callback?.type).toBe(5);
    expect(failure).toMatchObject({ status: 401, code: 50027, method: 'PATCH', requestBody: { bytes: expect.any(Number) } });
    expect(failure?.['url']).toContain(`/webhooks/${emu.world.application.id}/[redacted]/messages/%40original`);
    expect(text).not.toContain(result.token);
    expect(text).not.toContain(firstPageWords('long-night'));
    expect(emu.takeViolations().map((v) => v.kind)).toEqual(['unknown-interaction', 'unknown-interaction']);
  });
});
