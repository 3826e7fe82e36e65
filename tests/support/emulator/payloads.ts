// INTERACTION_CREATE payloads shaped like Discord's. discord.js throws inside its gateway dispatch when a
// field it reads is missing (entitlements, authorizing_integration_owners, member/user), so all are present.
import type { Pending } from './interactions.js';
import type { Message } from './messages.js';
import type { RegisteredCommand } from './commands.js';
import { ATTACHMENT_OPTION, isAttachment, resolvedAttachments, type Attachment } from './attachments.js';
import { APP_PERMISSIONS, memberPayload, permissionsOf, type World } from './world.js';

type Json = Record<string, unknown>;
/** An attachment (from `emu.attach`) is sent as an attachment option: its id, and itself in `resolved`. */
export type OptionValue = string | number | boolean | Attachment;

const OptionType = { Subcommand: 1, String: 3, Integer: 4, Boolean: 5, Number: 10 } as const;

export function interactionPayload(world: World, pending: Pending, data: Json, message?: Message): Json {
  const inGuild = pending.guildId !== null;
  return {
    id: pending.id, application_id: world.application.id, type: pending.type, data, token: pending.token,
    version: 1, channel: pending.channel, channel_id: pending.channel.id, app_permissions: APP_PERMISSIONS,
    locale: 'en-US', entitlements: [], attachment_size_limit: 10 * 1024 * 1024,
    // Integration owner 0 is a guild install, 1 a user install; context 0 guild, 1 the bot's DM.
    authorizing_integration_owners: inGuild ? { '0': pending.guildId } : { '1': pending.user.id },
    context: inGuild ? 0 : 1,
    ...(inGuild
      ? { guild_id: pending.guildId, guild_locale: 'en-US', guild: { id: pending.guildId, locale: 'en-US', features: [] },
          member: memberPayload(pending.user, permissionsOf(world, pending.user)) }
      : { user: pending.user }),
    ...(message ? { message } : {}),
  };
}

function inferType(value: OptionValue): number {
  if (isAttachment(value)) return ATTACHMENT_OPTION;
  if (typeof value === 'boolean') return OptionType.Boolean;
  if (typeof value === 'number') return Number.isInteger(value) ? OptionType.Integer : OptionType.Number;
  return OptionType.String;
}

/** Option types come from the registered definition when there is one, so `{ chapter: 2 }` is an integer. */
function toOptions(values: Record<string, OptionValue>, defined: Json[] | undefined, focused?: string): Json[] {
  const all = focused !== undefined && !(focused in values) ? { ...values, [focused]: '' } : values;
  return Object.entries(all).map(([name, value]) => {
    const definition = defined?.find((o) => o['name'] === name);
    return {
      name, type: Number(definition?.['type'] ?? inferType(value)), value: isAttachment(value) ? value.id : value,
      ...(name === focused ? { focused: true } : {}),
    };
  });
}

/** `name` may be `"command sub"` for a subcommand. */
export function commandData(
  name: string, values: Record<string, OptionValue>, command: RegisteredCommand | undefined, fallbackId: string,
  focused?: string,
): Json {
  const [top = name, sub] = name.split(' ');
  const definedOptions = command?.['options'] as Json[] | undefined;
  const subDefinition = sub === undefined ? undefined : definedOptions?.find((o) => o['name'] === sub);
  const options = sub === undefined
    ? toOptions(values, definedOptions, focused)
    : [{ name: sub, type: OptionType.Subcommand, options: toOptions(values, subDefinition?.['options'] as Json[] | undefined, focused) }];
  return {
    id: command?.id ?? fallbackId, name: top, type: 1, options, ...resolvedAttachments(values),
    ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
  };
}
