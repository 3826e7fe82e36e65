// Every create and edit of a message goes through here, so every one is checked the same way.
import { checkAllowedMentions, checkMessage, checkShape } from './checks.js';
import { FLAG_COMPONENTS_V2, FLAG_EPHEMERAL, type Message, type MessageBody, type Origin } from './messages.js';
import { refuse, type EmulatorState } from './state.js';

// Flags a bot may set when creating a message: suppress embeds, ephemeral, suppress notifications, V2.
const CREATE_FLAGS = 4 | FLAG_EPHEMERAL | 4096 | FLAG_COMPONENTS_V2;

function validBody(body: unknown): MessageBody {
  refuse(checkShape(body));
  return body as MessageBody;
}

export function createMessage(state: EmulatorState, raw: unknown, origin: Origin, extraFlags = 0): Message {
  const body = validBody(raw);
  const draft = state.store.draft(body, origin);
  draft.flags = (draft.flags & CREATE_FLAGS) | extraFlags;
  refuse([...checkAllowedMentions(body), ...checkMessage(draft)]);
  return state.store.save(draft);
}

export function editMessage(state: EmulatorState, current: Message, raw: unknown): Message {
  const body = validBody(raw);
  const next = state.store.edited(current, body);
  refuse([...checkAllowedMentions(body), ...checkMessage(next)]);
  return state.store.save(next);
}
