// Messages the bot has sent, per channel, with every edit applied, as Discord would return them.
import type { ApiUser } from './world.js';
import type { Snowflakes } from './snowflake.js';

export const FLAG_EPHEMERAL = 64;
export const FLAG_LOADING = 128;
export const FLAG_COMPONENTS_V2 = 32768;
const FLAG_SUPPRESS_EMBEDS = 4;

export interface Message {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: ApiUser;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  type: number;
  tts: boolean;
  pinned: boolean;
  mention_everyone: boolean;
  mentions: unknown[];
  mention_roles: string[];
  attachments: unknown[];
  application_id?: string;
  webhook_id?: string;
  interaction_metadata?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The fields of a create or edit body that shape what is shown. */
export interface MessageBody {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  flags?: unknown;
  attachments?: unknown;
  tts?: unknown;
  allowed_mentions?: unknown;
}

export interface Origin {
  channelId: string;
  guildId?: string;
  type: number;
  interaction?: Record<string, unknown>;
}

/**
 * Stored messages are frozen, all the way down, and handed out as they are: a test or route that tries to
 * change one throws instead of silently changing what the bot sees, and reading one costs no copy (a page
 * turn reads the clicked message several times; bench:turns needs the emulator far cheaper than the bot).
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export class MessageStore {
  /** Per channel, by id in the order sent; an edit keeps its message's place. */
  private readonly byChannel = new Map<string, Map<string, Message>>();
  private readonly byId = new Map<string, Message>();

  constructor(private readonly bot: ApiUser, private readonly appId: string, private readonly ids: Snowflakes) {}

  /** What a create would produce, without storing it, so it can be checked first. */
  draft(body: MessageBody, origin: Origin): Message {
    const flags = Number(body.flags ?? 0);
    return {
      id: this.ids.next(), channel_id: origin.channelId,
      ...(origin.guildId ? { guild_id: origin.guildId } : {}),
      author: this.bot, content: typeof body.content === 'string' ? body.content : '',
      embeds: listOf(body.embeds), components: listOf(body.components),
      flags, timestamp: this.ids.isoNow(), edited_timestamp: null, type: origin.type, tts: body.tts === true,
      pinned: false, mention_everyone: false, mentions: [], mention_roles: [],
      attachments: listOf(body.attachments),
      ...(origin.interaction
        ? { application_id: this.appId, webhook_id: this.appId, interaction_metadata: origin.interaction }
        : {}),
    };
  }

  /** The message as it would be after the edit; only fields present in the body change. */
  edited(current: Message, body: MessageBody): Message {
    const next = { ...current };
    if (body.content !== undefined) next.content = typeof body.content === 'string' ? body.content : '';
    if (body.embeds !== undefined) next.embeds = listOf(body.embeds);
    if (body.components !== undefined) next.components = listOf(body.components);
    if (body.attachments !== undefined) next.attachments = listOf(body.attachments);
    // An edit may toggle suppress-embeds and switch Components V2 on; ephemerality is fixed at creation.
    const asked = body.flags === undefined || body.flags === null ? current.flags : Number(body.flags);
    const kept = current.flags & (FLAG_EPHEMERAL | FLAG_COMPONENTS_V2);
    next.flags = kept | (asked & (FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2));
    // The first answer to a deferred reply replaces the "thinking" placeholder: to a person, not an edit.
    next.edited_timestamp = current.flags & FLAG_LOADING ? null : this.ids.isoNow();
    return next;
  }

  /** Stores a new or edited message; the body it was made from is frozen with it. */
  save(message: Message): Message {
    const list = this.byChannel.get(message.channel_id) ?? new Map<string, Message>();
    list.set(message.id, deepFreeze(message));
    this.byChannel.set(message.channel_id, list);
    this.byId.set(message.id, message);
    return message;
  }

  get(id: string): Message | undefined {
    return this.byId.get(id);
  }

  delete(id: string): boolean {
    const found = this.byId.get(id);
    if (!found) return false;
    this.byId.delete(id);
    this.byChannel.get(found.channel_id)?.delete(id);
    return true;
  }

  inChannel(channelId: string): Message[] {
    return [...(this.byChannel.get(channelId)?.values() ?? [])];
  }
}
