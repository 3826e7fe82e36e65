// Registered application commands, global and per guild, kept so tests can read what the bot deployed.
import type { Snowflakes } from './snowflake.js';
import type { Problem } from './checks.js';
import { checkCommandAccess } from './permissions.js';

export type RegisteredCommand = Record<string, unknown> & {
  id: string;
  application_id: string;
  version: string;
  name: string;
  guild_id?: string;
};

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

/** The few rules that would make Discord refuse a whole registration. */
export function checkCommands(body: unknown): Problem[] {
  if (!Array.isArray(body)) {
    return [{ kind: 'malformed-request', path: '_root', code: 'BASE_TYPE_ARRAY', message: 'Must be an array.' }];
  }
  return (body as Record<string, unknown>[]).flatMap((c, i) => {
    const bad = (field: string, message: string): Problem =>
      ({ kind: 'malformed-request', path: `${i}.${field}`, code: 'APPLICATION_COMMAND_INVALID', message });
    const chatInput = (c['type'] ?? 1) === 1;
    const name = c['name'];
    const options = c['options'];
    return [
      ...(typeof name !== 'string' || !NAME.test(name) || (chatInput && name !== name.toLowerCase()) ? [bad('name', 'Invalid command name.')] : []),
      ...(chatInput && (typeof c['description'] !== 'string' || c['description'].length < 1 || c['description'].length > 100) ? [bad('description', 'Must be between 1 and 100 in length.')] : []),
      ...(Array.isArray(options) && options.length > 25 ? [bad('options', 'Must be 25 or fewer in length.')] : []),
      ...checkCommandAccess(c, i),
    ];
  });
}

export class CommandRegistry {
  private readonly scopes = new Map<string, RegisteredCommand[]>();

  constructor(private readonly appId: string, private readonly ids: Snowflakes) {}

  /** `guildId` null means global. Re-registering a name keeps its id, as Discord does. */
  replace(guildId: string | null, definitions: Record<string, unknown>[]): RegisteredCommand[] {
    const before = this.list(guildId);
    const next = definitions.map((d) => this.registered(d, guildId, before.find((c) => c.name === d['name'])?.id));
    this.scopes.set(guildId ?? '', next);
    return structuredClone(next);
  }

  upsert(guildId: string | null, definition: Record<string, unknown>): RegisteredCommand {
    const others = this.list(guildId).filter((c) => c.name !== definition['name']);
    const previous = this.list(guildId).find((c) => c.name === definition['name']);
    const command = this.registered(definition, guildId, previous?.id);
    this.scopes.set(guildId ?? '', [...others, command]);
    return structuredClone(command);
  }

  remove(guildId: string | null, id: string): boolean {
    const list = this.list(guildId);
    this.scopes.set(guildId ?? '', list.filter((c) => c.id !== id));
    return list.some((c) => c.id === id);
  }

  list(guildId: string | null): RegisteredCommand[] {
    return structuredClone(this.scopes.get(guildId ?? '') ?? []);
  }

  /** The command a person in this guild would run: a guild command shadows a global one. */
  find(name: string, guildId: string | null): RegisteredCommand | undefined {
    const local = guildId ? this.list(guildId).find((c) => c.name === name) : undefined;
    return local ?? this.list(null).find((c) => c.name === name);
  }

  private registered(definition: Record<string, unknown>, guildId: string | null, id?: string): RegisteredCommand {
    return {
      type: 1, description: '', options: [], default_member_permissions: null, nsfw: false,
      contexts: null, integration_types: [0], ...definition,
      id: id ?? this.ids.next(), application_id: this.appId, version: this.ids.next(),
      name: String(definition['name']), ...(guildId ? { guild_id: guildId } : {}),
    };
  }
}
