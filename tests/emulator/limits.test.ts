import { describe, expect, it } from 'vitest';
import { DiscordAPIError, MessageFlags, type InteractionReplyOptions } from 'discord.js';
import { type ViolationKind } from '../support/emulator/index.js';
import { testBotForFile } from './test-bot.js';

const { emu, bot } = await testBotForFile('forget');

const V2 = MessageFlags.IsComponentsV2;
const x = (n: number) => 'x'.repeat(n);
const button = (id: string, label = 'Go') => ({ type: 2, style: 1, label, custom_id: id });
const row = (...components: object[]) => ({ type: 1, components });
const select = (id: string, options: number) => ({
  type: 3, custom_id: id, options: Array.from({ length: options }, (_, i) => ({ label: `o${i}`, value: `v${i}` })),
});
const text = (content: string) => ({ type: 10, content });

/** The bot replies with `payload`; returns the error discord.js got back and what the emulator recorded. */
async function replyWith(payload: object) {
  bot.on('send', async (i) => (i.isChatInputCommand() ? i.reply(payload as InteractionReplyOptions) : undefined));
  const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'send');
  return { result, error: bot.errors[0], kinds: emu.violations.map((v) => v.kind) };
}

function errorAt(error: unknown, path: string): unknown {
  const raw = (error as DiscordAPIError).rawError as { errors?: Record<string, unknown> };
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], raw.errors);
}

const cases: [string, ViolationKind, object, string][] = [
  ['content over 2000 code points', 'content-length', { content: x(2001) }, 'content'],
  ['an embed description over 4096', 'embed-limits', { embeds: [{ description: x(4097) }] }, 'embeds.0.description'],
  ['an embed title over 256', 'embed-limits', { embeds: [{ title: x(257) }] }, 'embeds.0.title'],
  ['an embed footer over 2048', 'embed-limits', { embeds: [{ footer: { text: x(2049) } }] }, 'embeds.0.footer.text'],
  ['an embed field value over 1024', 'embed-limits', { embeds: [{ fields: [{ name: 'n', value: x(1025) }] }] }, 'embeds.0.fields.0.value'],
  ['embeds over 6000 characters together', 'embed-limits', { embeds: [{ description: x(4000) }, { description: x(2001) }] }, 'embeds'],
  ['more than 10 embeds', 'too-many-embeds', { embeds: Array.from({ length: 11 }, () => ({ description: 'a' })) }, 'embeds'],
  ['Components V2 with content', 'components-v2', { content: 'hi', flags: V2, components: [text('a')] }, 'content'],
  ['Components V2 with embeds', 'components-v2', { embeds: [{ description: 'a' }], flags: V2, components: [text('a')] }, 'embeds'],
  ['Components V2 text over 4000', 'components-v2', { flags: V2, components: [text(x(2000)), text(x(2001))] }, 'components'],
  ['more than 40 Components V2', 'components-v2', { flags: V2, components: Array.from({ length: 41 }, (_, i) => text(`t${i}`)) }, 'components'],
  ['a custom_id over 100 characters', 'custom-id', { components: [row(button(x(101)))] }, 'components.custom_id'],
  ['a custom_id used twice in one message', 'custom-id', { components: [row(button('a')), row(button('a', 'Again'))] }, 'components.custom_id'],
  ['more than 5 action rows', 'action-rows', { components: Array.from({ length: 6 }, (_, i) => row(button(`b${i}`))) }, 'components'],
  ['more than 5 buttons in a row', 'action-rows', { components: [row(...Array.from({ length: 6 }, (_, i) => button(`b${i}`)))] }, 'components.0.components'],
  ['a select menu sharing its row', 'action-rows', { components: [row(select('s', 2), button('b'))] }, 'components.0.components'],
  ['a button label over 80', 'button-label', { components: [row(button('b', x(81)))] }, 'components.0.components.0.label'],
  ['more than 25 select options', 'select-options', { components: [row(select('s', 26))] }, 'components.options'],
  ['no allowed_mentions', 'allowed-mentions', { content: 'hi', allowedMentions: null }, 'allowed_mentions'],
  ['allowed_mentions that parses users', 'allowed-mentions', { content: 'hi', allowedMentions: { parse: ['users'] } }, 'allowed_mentions'],
  ['allowed_mentions that lists a user', 'allowed-mentions', { content: 'hi', allowedMentions: { parse: [], users: ['1200000000000000001'] } }, 'allowed_mentions'],
];

describe('protocol checks the bot cannot get past', () => {
  it.each(cases)('refuses %s with Invalid Form Body and records a %s violation', async (_name, kind, payload, path) => {
    const { result, error, kinds } = await replyWith(payload);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ status: 400, code: 50035, message: expect.stringContaining('Invalid Form Body') });
    expect(errorAt(error, `${path}._errors.0.message`)).toEqual(expect.any(String));
    expect(kinds).toEqual([kind]);
    expect(result.message?.content).toBe('Something went wrong.');
  });

  it('accepts everything exactly at the limits, counting code points', async () => {
    const atLimits = {
      content: '😀'.repeat(2000),
      embeds: [{ title: x(256), description: x(4096 - 256 - 1024 - 200), fields: [{ name: 'n', value: x(1024) }], footer: { text: x(199) } }],
      components: Array.from({ length: 4 }, (_, r) => row(...Array.from({ length: 5 }, (_, b) => button(`b${r}.${b}`, x(80))))).concat(row(select(x(100), 25))),
    };
    const { result, error, kinds } = await replyWith(atLimits);
    expect(error).toBeUndefined();
    expect(kinds).toEqual([]);
    expect(result.message?.content).toBe(atLimits.content);
  });

  it('applies the same checks to edits and follow-ups', async () => {
    bot.on('edit', async (i) => {
      if (!i.isChatInputCommand()) return;
      await i.deferReply();
      await i.editReply({ content: x(2001) }).catch((e: unknown) => bot.errors.push(e));
      await i.editReply({ content: 'fine' });
      await i.followUp({ content: 'hi', allowedMentions: { parse: ['everyone'] } });
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'edit');
    expect(result.message?.content).toBe('fine');
    expect(bot.errors).toMatchObject([{ status: 400, code: 50035 }, { status: 400, code: 50035 }]);
    expect(emu.violations.map((v) => v.kind)).toEqual(['content-length', 'allowed-mentions']);
  });

  it('refuses more than 25 autocomplete choices', async () => {
    let refused: unknown;
    bot.on('many', async (i) => {
      if (!i.isAutocomplete()) return;
      const choices = Array.from({ length: 26 }, (_, n) => ({ name: `c${n}`, value: `c${n}` }));
      refused = await i.respond(choices).catch((e: unknown) => e);
      await i.respond(choices.slice(0, 25));
    });
    const choices = await emu.autocomplete(emu.world.users.alice, emu.world.channels.general, 'many', {}, 'work');
    expect(refused).toMatchObject({ status: 400, code: 50035 });
    expect(choices).toHaveLength(25);
    expect(emu.violations.map((v) => v.kind)).toEqual(['autocomplete-choices']);
  });

  it('answers a first response after 3 s with Unknown interaction', async () => {
    let refused: unknown;
    bot.on('late', async (i) => {
      if (!i.isChatInputCommand()) return;
      emu.advanceTime(3_001);
      refused = await i.reply('too late').catch((e: unknown) => e);
    });
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'late');
    expect(refused).toMatchObject({ status: 404, code: 10062, message: 'Unknown interaction' });
    expect(result.callback).toBeNull();
    expect(emu.violations.map((v) => v.kind)).toEqual(['late-response']);
  });

  it('answers a second initial response with Interaction has already been acknowledged', async () => {
    let refused: unknown;
    bot.on('twice', async (i) => {
      if (!i.isButton() && !i.isChatInputCommand()) return;
      await i.reply('once');
      // discord.js guards reply() twice itself, so go through the REST client as a confused bot might.
      refused = await i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, {
        body: { type: 4, data: { content: 'twice', allowed_mentions: { parse: [] } } }, auth: false,
      }).catch((e: unknown) => e);
    });
    await emu.slash(emu.world.users.alice, emu.world.channels.general, 'twice');
    expect(refused).toMatchObject({ status: 400, code: 40060, message: 'Interaction has already been acknowledged.' });
    expect(emu.violations.map((v) => v.kind)).toEqual(['already-acknowledged']);
  });

  it('refuses a callback type that does not fit the interaction', async () => {
    let refused: unknown;
    bot.on('wrong', async (i) => {
      if (!i.isChatInputCommand()) return;
      refused = await i.client.rest.post(`/interactions/${i.id}/${i.token}/callback`, { body: { type: 7, data: {} }, auth: false })
        .catch((e: unknown) => e);
      await i.reply('recovered');
    });
    await emu.slash(emu.world.users.alice, emu.world.channels.general, 'wrong');
    expect(refused).toMatchObject({ status: 400 });
    expect(emu.violations.map((v) => v.kind)).toEqual(['invalid-callback']);
  });

  it('records a bot that never answers', async () => {
    bot.on('silent', async () => undefined);
    const result = await emu.slash(emu.world.users.alice, emu.world.channels.general, 'silent');
    expect(result.callback).toBeNull();
    expect(emu.violations.map((v) => v.kind)).toEqual(['no-response']);
  });
});

describe('malformed requests get a Discord-like error, never a hang', () => {
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${emu.apiUrl}/v10${path}`, { ...init, headers: { authorization: `Bot ${emu.token}`, 'content-type': 'application/json', ...init.headers } });

  it('answers an unknown route with 404 JSON', async () => {
    const response = await call('/no/such/route');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: '404: Not Found', code: 0 });
    expect(emu.violations.map((v) => v.kind)).toEqual(['unknown-route']);
  });

  it('answers a body that is not JSON with 400', async () => {
    const response = await call(`/channels/${emu.world.channels.general.id}/messages`, { method: 'POST', body: '{nope' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50109 });
  });

  it('answers a body of the wrong shape with Invalid Form Body', async () => {
    const body = JSON.stringify({ content: 5, embeds: 'no', allowed_mentions: { parse: [] } });
    const response = await call(`/channels/${emu.world.channels.general.id}/messages`, { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035, message: 'Invalid Form Body', errors: { content: {}, embeds: {} } });
  });

  it('answers an unknown token with 401', async () => {
    const response = await call('/users/@me', { headers: { authorization: 'Bot wrong' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: '401: Unauthorized', code: 0 });
  });

  it('lets a bot post to and edit a channel directly, under the same rules', async () => {
    const channel = await bot.client.channels.fetch(emu.world.channels.lobby.id);
    if (!channel?.isSendable()) throw new Error('lobby is not sendable');
    const sent = await channel.send('posted');
    await sent.edit('edited');
    expect(emu.messages(emu.world.channels.lobby.id)).toMatchObject([{ id: sent.id, content: 'edited' }]);
    await expect(channel.send({ content: 'ping', allowedMentions: { parse: ['users'] } })).rejects.toMatchObject({ code: 50035 });
  });
});
