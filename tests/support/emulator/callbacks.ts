// Interaction responses: the initial callback, then the token's webhook (original response, follow-ups).
import { checkChoices } from './checks.js';
import { INITIAL_RESPONSE_MS, InteractionType, TOKEN_LIFETIME_MS, type Pending } from './interactions.js';
import { deepFreeze, FLAG_EPHEMERAL, FLAG_LOADING, type Message, type Origin } from './messages.js';
import { modalProblems } from './modals.js';
import type { ApiRequest, ApiReply, Route } from './rest.js';
import { createMessage, editMessage } from './sending.js';
import {
  DiscordError, refuse, unknownInteraction, unknownMessage, unknownWebhook, type EmulatorState,
} from './state.js';

type Json = Record<string, unknown>;

const ALLOWED_CALLBACKS: Record<number, number[]> = {
  [InteractionType.Command]: [4, 5, 9],
  [InteractionType.Component]: [4, 5, 6, 7, 9],
  [InteractionType.Autocomplete]: [8],
  [InteractionType.ModalSubmit]: [4, 5, 6, 7],
};

function origin(p: Pending): Origin {
  return {
    channelId: p.channel.id, ...(p.guildId ? { guildId: p.guildId } : {}),
    type: p.type === InteractionType.Command ? 20 : 0,
    interaction: {
      id: p.id, type: p.type, user: p.user,
      authorizing_integration_owners: p.guildId ? { '0': p.guildId } : { '1': p.user.id },
    },
  };
}

function openForCallback(state: EmulatorState, req: ApiRequest): Pending {
  const pending = state.interactions.byId(req.params['id'] ?? '');
  if (!pending || pending.token !== req.params['token']) throw unknownInteraction('unknown-interaction');
  // Any request counts as activity, refused ones too: the bot is still busy with this interaction.
  state.interactions.touch(pending);
  if (pending.callback) {
    throw new DiscordError(400, { message: 'Interaction has already been acknowledged.', code: 40060 }, ['already-acknowledged']);
  }
  const late = state.ids.now() - pending.createdAt;
  if (pending.dead || late > INITIAL_RESPONSE_MS) {
    pending.dead = true;
    state.interactions.touch(pending);
    throw new DiscordError(404, { message: 'Unknown interaction', code: 10062 }, ['late-response'],
      `first response after ${late} ms; Discord allows ${INITIAL_RESPONSE_MS} ms`);
  }
  return pending;
}

function callbackType(pending: Pending, body: unknown): { type: number; data: Json | null } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Json;
  const type = Number(b['type']);
  if (!ALLOWED_CALLBACKS[pending.type]?.includes(type)) {
    throw new DiscordError(400, { message: 'Interaction response type is not valid for this interaction', code: 50035,
      errors: { type: { _errors: [{ code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${ALLOWED_CALLBACKS[pending.type]?.join(', ')}.` }] } } },
    ['invalid-callback'], `callback type ${String(b['type'])} for interaction type ${pending.type}`);
  }
  // Updating a message needs one: a modal submitted from a slash command's modal has none.
  if ((type === 6 || type === 7) && pending.sourceMessageId === null) {
    throw new DiscordError(400, { message: 'Interaction response type is not valid for this interaction', code: 50035 },
      ['invalid-callback'], `callback type ${type} for a modal submit that came from no message`);
  }
  const data = typeof b['data'] === 'object' && b['data'] !== null ? (b['data'] as Json) : null;
  return { type, data };
}

function sourceMessage(state: EmulatorState, pending: Pending): Message {
  const message = pending.sourceMessageId ? state.store.get(pending.sourceMessageId) : undefined;
  if (!message) throw unknownMessage();
  return message;
}

/** Applies one callback; returns the message it produced or changed, if any. */
function apply(state: EmulatorState, pending: Pending, type: number, data: Json | null): Message | null {
  switch (type) {
    case 4: return createMessage(state, data ?? {}, origin(pending));
    case 5: {
      const ephemeral = Number(data?.['flags'] ?? 0) & FLAG_EPHEMERAL;
      return state.store.save(state.store.draft({ flags: ephemeral | FLAG_LOADING }, origin(pending)));
    }
    case 6: return sourceMessage(state, pending);
    case 7: return editMessage(state, sourceMessage(state, pending), data ?? {});
    case 8: refuse(checkChoices(data?.['choices'])); return null;
    default:
      refuse(modalProblems(data));
      pending.modal = deepFreeze(data);
      return null;
  }
}

function callbackResponse(pending: Pending, type: number, message: Message | null): Json {
  return {
    interaction: {
      id: pending.id, type: pending.type, response_message_id: message?.id ?? null,
      response_message_loading: message ? (message.flags & FLAG_LOADING) !== 0 : null,
      response_message_ephemeral: message ? (message.flags & FLAG_EPHEMERAL) !== 0 : null,
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

function postCallback(req: ApiRequest, state: EmulatorState): ApiReply {
  const pending = openForCallback(state, req);
  const { type, data } = callbackType(pending, req.body);
  const message = apply(state, pending, type, data);
  // Frozen like the messages it made (messages.ts), so a test reads it without a copy and cannot change it.
  pending.callback = deepFreeze({ type, data });
  pending.answeredAt = performance.now();
  pending.originalMessageId = message?.id ?? null;
  state.interactions.touch(pending);
  if (req.query.get('with_response') === 'true') return { status: 200, body: callbackResponse(pending, type, message) };
  return { status: 204 };
}

/** The interaction behind a webhook token, if the token is still good for follow-ups and edits. */
function byToken(state: EmulatorState, req: ApiRequest): Pending {
  const pending = state.interactions.byToken(req.params['token'] ?? '');
  if (req.params['app'] !== state.world.application.id || !pending) throw unknownWebhook();
  state.interactions.touch(pending);
  if (pending.dead) throw unknownWebhook('the interaction was answered too late, so its token is dead');
  if (state.ids.now() - pending.createdAt > TOKEN_LIFETIME_MS) {
    throw new DiscordError(401, { message: 'Invalid Webhook Token', code: 50027 }, ['unknown-interaction'], 'interaction token older than 15 minutes');
  }
  if (!pending.callback) throw unknownWebhook('no initial response has been sent for this interaction yet');
  return pending;
}

function targetMessage(state: EmulatorState, pending: Pending, id: string): Message {
  const wanted = id === '@original' ? pending.originalMessageId : id;
  const mine = wanted !== null && (wanted === pending.originalMessageId || pending.followUpIds.includes(wanted));
  const message = mine ? state.store.get(wanted) : undefined;
  if (!message) throw unknownMessage();
  return message;
}

function getWebhookMessage(req: ApiRequest, state: EmulatorState): ApiReply {
  const pending = byToken(state, req);
  return { status: 200, body: targetMessage(state, pending, req.params['message'] ?? '') };
}

function patchWebhookMessage(req: ApiRequest, state: EmulatorState): ApiReply {
  const pending = byToken(state, req);
  const message = editMessage(state, targetMessage(state, pending, req.params['message'] ?? ''), req.body);
  if (message.id === pending.originalMessageId) pending.edits += 1;
  state.interactions.touch(pending);
  return { status: 200, body: message };
}

function deleteWebhookMessage(req: ApiRequest, state: EmulatorState): ApiReply {
  const pending = byToken(state, req);
  state.store.delete(targetMessage(state, pending, req.params['message'] ?? '').id);
  state.interactions.touch(pending);
  return { status: 204 };
}

/** A follow-up; after a deferred reply, the first one replaces the "thinking" message, as on Discord. */
function postFollowUp(req: ApiRequest, state: EmulatorState): ApiReply {
  const pending = byToken(state, req);
  const original = pending.originalMessageId ? state.store.get(pending.originalMessageId) : undefined;
  let message: Message;
  if (original && (original.flags & FLAG_LOADING) !== 0) {
    message = editMessage(state, original, req.body);
    pending.edits += 1;
  } else {
    message = createMessage(state, req.body, { ...origin(pending), type: 0 });
    pending.followUpIds.push(message.id);
  }
  state.interactions.touch(pending);
  return req.query.get('wait') === 'true' ? { status: 200, body: message } : { status: 204 };
}

export const callbackRoutes: Route[] = [
  { method: 'POST', pattern: '/interactions/:id/:token/callback', auth: false, handle: postCallback },
  { method: 'GET', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handle: getWebhookMessage },
  { method: 'PATCH', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handle: patchWebhookMessage },
  { method: 'DELETE', pattern: '/webhooks/:app/:token/messages/:message', auth: false, handle: deleteWebhookMessage },
  { method: 'POST', pattern: '/webhooks/:app/:token', auth: false, handle: postFollowUp },
];
