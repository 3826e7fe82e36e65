// Bot-authenticated routes: login, identity, command registration, and posting to channels directly.
import { checkCommands } from './commands.js';
import type { ApiReply, ApiRequest, Route } from './rest.js';
import { createMessage, editMessage } from './sending.js';
import { DiscordError, refuse, unknownMessage, type EmulatorState } from './state.js';
import { findChannel } from './world.js';

type Json = Record<string, unknown>;
const ok = (body: unknown): ApiReply => ({ status: 200, body });

function gatewayBot(_req: ApiRequest, state: EmulatorState): ApiReply {
  return ok({
    url: state.gatewayUrl(), shards: state.shardCount,
    session_start_limit: { total: 1000, remaining: 1000, reset_after: 14_400_000, max_concurrency: state.maxConcurrency },
  });
}

function application(_req: ApiRequest, state: EmulatorState): ApiReply {
  const { application: app, bot, users } = state.world;
  return ok({
    id: app.id, name: app.name, icon: null, description: '', summary: '', bot_public: true,
    bot_require_code_grant: false, verify_key: '0'.repeat(64), flags: app.flags, owner: users.alice,
    team: null, bot, approximate_guild_count: 2, integration_types_config: { '0': {}, '1': {} },
  });
}

/** The guild the route names, or null for global commands; an unknown app or guild is refused. */
function scope(req: ApiRequest, state: EmulatorState): string | null {
  if (req.params['app'] !== state.world.application.id) {
    throw new DiscordError(403, { message: 'Missing Access', code: 50001 }, ['malformed-request'], 'wrong application id');
  }
  const guildId = req.params['guild'];
  if (guildId === undefined) return null;
  if (!Object.values(state.world.guilds).some((g) => g.id === guildId)) {
    throw new DiscordError(403, { message: 'Missing Access', code: 50001 }, ['malformed-request'], `unknown guild ${guildId}`);
  }
  return guildId;
}

function listCommands(req: ApiRequest, state: EmulatorState): ApiReply {
  return ok(state.commands.list(scope(req, state)));
}

function putCommands(req: ApiRequest, state: EmulatorState): ApiReply {
  const guildId = scope(req, state);
  refuse(checkCommands(req.body));
  return ok(state.commands.replace(guildId, req.body as Json[]));
}

function postCommand(req: ApiRequest, state: EmulatorState): ApiReply {
  const guildId = scope(req, state);
  refuse(checkCommands([req.body]));
  return { status: 201, body: state.commands.upsert(guildId, req.body as Json) };
}

function deleteCommand(req: ApiRequest, state: EmulatorState): ApiReply {
  if (!state.commands.remove(scope(req, state), req.params['command'] ?? '')) {
    throw new DiscordError(404, { message: 'Unknown application command', code: 10063 }, ['malformed-request']);
  }
  return { status: 204 };
}

function channelOf(req: ApiRequest, state: EmulatorState) {
  const channel = findChannel(state.world, req.params['channel'] ?? '');
  if (!channel) throw new DiscordError(404, { message: 'Unknown Channel', code: 10003 }, ['malformed-request']);
  return channel;
}

function messageIn(req: ApiRequest, state: EmulatorState) {
  const message = state.store.get(req.params['message'] ?? '');
  if (!message || message.channel_id !== req.params['channel']) throw unknownMessage();
  return message;
}

function postChannelMessage(req: ApiRequest, state: EmulatorState): ApiReply {
  const channel = channelOf(req, state);
  const guildId = channel['guild_id'] as string | undefined;
  return ok(createMessage(state, req.body, { channelId: channel.id, ...(guildId ? { guildId } : {}), type: 0 }));
}

export const apiRoutes: Route[] = [
  { method: 'GET', pattern: '/gateway', auth: false, handle: (_req, state) => ok({ url: state.gatewayUrl() }) },
  { method: 'GET', pattern: '/gateway/bot', auth: true, handle: gatewayBot },
  { method: 'GET', pattern: '/users/@me', auth: true, handle: (_req, state) => ok(state.world.bot) },
  { method: 'GET', pattern: '/applications/@me', auth: true, handle: application },
  { method: 'GET', pattern: '/oauth2/applications/@me', auth: true, handle: application },
  { method: 'GET', pattern: '/applications/:app/commands', auth: true, handle: listCommands },
  { method: 'PUT', pattern: '/applications/:app/commands', auth: true, handle: putCommands },
  { method: 'POST', pattern: '/applications/:app/commands', auth: true, handle: postCommand },
  { method: 'DELETE', pattern: '/applications/:app/commands/:command', auth: true, handle: deleteCommand },
  { method: 'GET', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: listCommands },
  { method: 'PUT', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: putCommands },
  { method: 'POST', pattern: '/applications/:app/guilds/:guild/commands', auth: true, handle: postCommand },
  { method: 'DELETE', pattern: '/applications/:app/guilds/:guild/commands/:command', auth: true, handle: deleteCommand },
  { method: 'GET', pattern: '/channels/:channel', auth: true, handle: (req, state) => ok(channelOf(req, state)) },
  { method: 'POST', pattern: '/channels/:channel/typing', auth: true, handle: (req, state) => (channelOf(req, state), { status: 204 }) },
  { method: 'POST', pattern: '/channels/:channel/messages', auth: true, handle: postChannelMessage },
  { method: 'GET', pattern: '/channels/:channel/messages/:message', auth: true, handle: (req, state) => ok(messageIn(req, state)) },
  { method: 'PATCH', pattern: '/channels/:channel/messages/:message', auth: true,
    handle: (req, state) => ok(editMessage(state, messageIn(req, state), req.body)) },
  { method: 'DELETE', pattern: '/channels/:channel/messages/:message', auth: true,
    handle: (req, state) => (state.store.delete(messageIn(req, state).id), { status: 204 }) },
];
