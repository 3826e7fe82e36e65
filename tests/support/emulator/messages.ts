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

function copy<T>(value: T): T {
  return structuredClone(value);
}

export class MessageStore {
  private readonly byChannel = new Map<string, Message[]>();
  private readonly byId = new Map<string, Message>();

  constructor(private readonly bot: ApiUser, private readonly appId: string, private readonly ids: Snowflakes) {}

  /** What a create would produce, without storing it, so it can be checked first. */
  draft(body: MessageBody, origin: Origin): Message {
    const flags = Number(body.flags ?? 0);
    return {
      id: this.ids.next(), channel_id: origin.channelId,
      ...(origin.guildId ? { guild_id: origin.guildId } : {}),
      author: this.bot, content: typeof body.content === 'string' ? body.content : '',
      embeds: copy(Array.isArray(body.embeds) ? body.embeds : []),
      components: copy(Array.isArray(body.components) ? body.components : []),
      flags, timestamp: this.ids.isoNow(), edited_timestamp: null, type: origin.type, tts: body.tts === true,
      pinned: false, mention_everyone: false, mentions: [], mention_roles: [],
      attachments: copy(Array.isArray(body.attachments) ? body.attachments : []),
      ...(origin.interaction
        ? { application_id: this.appId, webhook_id: this.appId, interaction_metadata: origin.interaction }
        : {}),
    };
  }

  /** The message as it would be after the edit; only fields present in the body change. */
  edited(current: Message, body: MessageBody): Message {
    const next = copy(current);
    if (body.content !== undefined) next.content = typeof body.content === 'string' ? body.content : '';
    if (body.embeds !== undefined) next.embeds = copy(Array.isArray(body.embeds) ? body.embeds : []);
    if (body.components !== undefined) next.components = copy(Array.isArray(body.components) ? body.components : []);
    if (body.attachments !== undefined) next.attachments = copy(Array.isArray(body.attachments) ? body.attachments : []);
    // An edit may toggle suppress-embeds and switch Components V2 on; ephemerality is fixed at creation.
    const asked = body.flags === undefined || body.flags === null ? current.flags : Number(body.flags);
    const kept = current.flags & (FLAG_EPHEMERAL | FLAG_COMPONENTS_V2);
    next.flags = kept | (asked & (FLAG_SUPPRESS_EMBEDS | FLAG_COMPONENTS_V2));
    // The first answer to a deferred reply replaces the "thinking" placeholder: to a person, not an edit.
    next.edited_timestamp = current.flags & FLAG_LOADING ? null : this.ids.isoNow();
    return next;
  }

  save(message: Message): Message {
    const list = this.byChannel.get(message.channel_id) ?? [];
    const at = list.findIndex((m) => m.id === message.id);
    if (at === -1) list.push(message);
    else list[at] = message;
    this.byChannel.set(message.channel_id, list);
    this.byId.set(message.id, message);
    return copy(message);
  }

  get(id: string): Message | undefined {
    const found = this.byId.get(id);
    return found && copy(found);
  }

  delete(id: string): boolean {
    const found = this.byId.get(id);
    if (!found) return false;
    this.byId.delete(id);
    const list = this.byChannel.get(found.channel_id) ?? [];
    this.byChannel.set(found.channel_id, list.filter((m) => m.id !== id));
    return true;
  }

  inChannel(channelId: string): Message[] {
    return copy(this.byChannel.get(channelId) ?? []);
  }
}
