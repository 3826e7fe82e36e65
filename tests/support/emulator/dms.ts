// Direct messages: `POST /users/@me/channels` opens the DM channel between the bot and anyone (a channel per
// person, made on first use, as Discord keeps one), and a person may have closed their DMs to the bot, in
// which case a message to that channel is answered 403, code 50007, as Discord answers it. That refusal is
// the person's choice, not the bot's mistake, so it is not recorded as a violation.
import type { ApiReply, ApiRequest, Route } from './rest.js';
import { createMessage } from './sending.js';
import { DiscordError, type EmulatorState } from './state.js';
import type { ApiChannel, ApiUser } from './world.js';

const SNOWFLAKE = /^\d{17,20}$/;

/** Who closed their DMs, per emulator. */
const closed = new WeakMap<EmulatorState, Set<string>>();

export function closeDms(state: EmulatorState, user: ApiUser): void {
  const ids = closed.get(state) ?? new Set<string>();
  ids.add(user.id);
  closed.set(state, ids);
}

/** The DM channel with this person, if the bot has one (the world's three have one from the start). */
export function dmChannelWith(state: EmulatorState, userId: string): ApiChannel | undefined {
  const all = [...Object.values(state.world.dms), ...state.world.openedDms];
  return all.find((c) => (c['recipients'] as ApiUser[] | undefined)?.some((r) => r.id === userId));
}

const malformed = (detail: string) =>
  new DiscordError(400, { message: 'Invalid Form Body', code: 50035, errors: { recipient_id: { _errors: [{ code: 'NUMBER_TYPE_COERCE', message: detail }] } } }, ['malformed-request'], detail);

function openDm(req: ApiRequest, state: EmulatorState): ApiReply {
  const body = req.body as Record<string, unknown> | undefined;
  const id = body?.['recipient_id'];
  if (typeof id !== 'string' || !SNOWFLAKE.test(id)) throw malformed('recipient_id must be a user id');
  if (id === state.world.bot.id) throw malformed('a bot cannot open a DM with itself');
  const found = dmChannelWith(state, id);
  if (found) return { status: 200, body: found };
  const known = [...Object.values(state.world.users)].find((u) => u.id === id);
  const recipient: ApiUser = known ?? { id, username: `user${id.slice(-4)}`, global_name: null, discriminator: '0', avatar: null };
  const channel: ApiChannel = { id: state.ids.next(), type: 1, recipients: [recipient], last_message_id: null, flags: 0 };
  state.world.openedDms.push(channel);
  return { status: 200, body: channel };
}

/** A message to a DM channel; other channels are left to the routes after this one. */
function sendToDm(req: ApiRequest, state: EmulatorState): ApiReply | undefined {
  const channel = [...Object.values(state.world.dms), ...state.world.openedDms].find((c) => c.id === req.params['channel']);
  if (!channel) return undefined;
  const recipient = (channel['recipients'] as ApiUser[])[0]!;
  if (closed.get(state)?.has(recipient.id)) throw new DiscordError(403, { message: 'Cannot send messages to this user', code: 50007 }, []);
  return { status: 200, body: createMessage(state, req.body, { channelId: channel.id, type: 0 }) };
}

/** Routes to put before the general ones: a DM channel's messages are checked here first. */
export function dmRoutes(fallback: readonly Route[]): Route[] {
  const general = fallback.find((r) => r.method === 'POST' && r.pattern === '/channels/:channel/messages');
  return [
    { method: 'POST', pattern: '/users/@me/channels', auth: true, handle: openDm },
    {
      method: 'POST', pattern: '/channels/:channel/messages', auth: true,
      handle: (req, state) => sendToDm(req, state) ?? general!.handle(req, state),
    },
  ];
}
