// The fixed Discord world the emulator serves: one application, two guilds, their channels, a few people.
// Ids are constant so tests and their failure messages read the same on every run.

export interface ApiUser {
  id: string;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  bot?: boolean;
}

export type ApiChannel = Record<string, unknown> & { id: string; type: number; name?: string };

export interface Guild {
  id: string;
  name: string;
  channels: ApiChannel[];
  threads: ApiChannel[];
}

export interface World {
  application: { id: string; name: string; flags: number };
  bot: ApiUser;
  users: { alice: ApiUser; bob: ApiUser; carol: ApiUser };
  guilds: { one: Guild; two: Guild };
  channels: {
    /** Guild one, a normal text channel. */
    general: ApiChannel;
    /** Guild one, age-restricted (`nsfw: true`). */
    mature: ApiChannel;
    /** Guild one, a public thread in `mature`; the flag lives on the parent only. */
    thread: ApiChannel;
    /** Guild two, a normal text channel. */
    lobby: ApiChannel;
  };
  /** One DM channel per user, between that user and the bot. */
  dms: { alice: ApiChannel; bob: ApiChannel; carol: ApiChannel };
  /** DM channels the bot opened since (dms.ts), one per person. */
  openedDms: ApiChannel[];
  /** Permissions granted beyond a plain member's, by user id, in both guilds (`emu.grant`); alice owns both guilds. */
  grants: Map<string, bigint>;
}

const APP_ID = '1100000000000000001';
const GUILD_ONE = '1300000000000000001';
// With two shards, guild one is on shard 0 and guild two on shard 1: (id >> 22) % 2.
const GUILD_TWO = '1300000000004194306';
const CREATED = '2024-01-01T00:00:00.000+00:00';

function user(id: string, username: string, globalName: string | null, bot = false): ApiUser {
  return { id, username, global_name: globalName, discriminator: '0', avatar: null, ...(bot ? { bot } : {}) };
}

function textChannel(id: string, guildId: string, name: string, position: number, nsfw: boolean): ApiChannel {
  return {
    id, type: 0, guild_id: guildId, name, position, nsfw, topic: null, parent_id: null,
    permission_overwrites: [], last_message_id: null, rate_limit_per_user: 0, flags: 0,
  };
}

function publicThread(id: string, parent: ApiChannel, name: string, ownerId: string): ApiChannel {
  return {
    id, type: 11, guild_id: parent['guild_id'], parent_id: parent.id, name, owner_id: ownerId,
    last_message_id: null, rate_limit_per_user: 0, flags: 0, member_count: 2, message_count: 0,
    total_message_sent: 0,
    thread_metadata: {
      archived: false, auto_archive_duration: 1440, archive_timestamp: CREATED, locked: false,
      create_timestamp: CREATED,
    },
  };
}

function dmChannel(id: string, recipient: ApiUser): ApiChannel {
  return { id, type: 1, recipients: [recipient], last_message_id: null, flags: 0 };
}

export function createWorld(): World {
  const bot = user('1100000000000000001', 'storybot', 'Story Bot', true);
  const alice = user('1200000000000000001', 'alice', 'Alice');
  const bob = user('1200000000000000002', 'bob', 'Bob');
  const carol = user('1200000000000000003', 'carol', null);
  const general = textChannel('1400000000000000001', GUILD_ONE, 'general', 0, false);
  const mature = textChannel('1400000000000000002', GUILD_ONE, 'after-dark', 1, true);
  const thread = publicThread('1400000000000000003', mature, 'late-night-reads', alice.id);
  const lobby = textChannel('1400000000000000011', GUILD_TWO, 'lobby', 0, false);
  return {
    application: { id: APP_ID, name: 'Story Bot', flags: 0 },
    bot,
    users: { alice, bob, carol },
    guilds: {
      one: { id: GUILD_ONE, name: 'Story Club', channels: [general, mature], threads: [thread] },
      two: { id: GUILD_TWO, name: 'Book Nook', channels: [lobby], threads: [] },
    },
    channels: { general, mature, thread, lobby },
    dms: {
      alice: dmChannel('1500000000000000001', alice),
      bob: dmChannel('1500000000000000002', bob),
      carol: dmChannel('1500000000000000003', carol),
    },
    openedDms: [],
    grants: new Map(),
  };
}

/** Every person in the world is a member of both guilds, the bot too. */
export function allUsers(world: World): ApiUser[] {
  return [world.bot, world.users.alice, world.users.bob, world.users.carol];
}

export function guildOf(world: World, channel: ApiChannel): Guild | undefined {
  return Object.values(world.guilds).find((g) => g.id === channel['guild_id']);
}

export function findChannel(world: World, id: string): ApiChannel | undefined {
  const all = [...Object.values(world.channels), ...Object.values(world.dms), ...world.openedDms];
  return all.find((c) => c.id === id);
}

// View, send, embed, attach, read history, external emoji, reactions, use commands, send in threads.
const MEMBER_PERMISSIONS = (
  (1n << 6n) | (1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 15n) | (1n << 16n) | (1n << 18n) |
  (1n << 31n) | (1n << 38n)
).toString();

export const APP_PERMISSIONS = MEMBER_PERMISSIONS;

/** Every permission bit Discord defines today (through 1 << 50): what an owner or Administrator has. */
const ALL_PERMISSIONS = (1n << 51n) - 1n;

/** A member's permissions in a guild's channel as Discord computes them for an interaction (no overwrites here). */
export function permissionsOf(world: World, u: ApiUser): bigint {
  if (u.id === world.users.alice.id) return ALL_PERMISSIONS;
  const granted = (world.grants.get(u.id) ?? 0n) | BigInt(MEMBER_PERMISSIONS);
  return (granted & (1n << 3n)) !== 0n ? ALL_PERMISSIONS : granted;
}

/** `permissions` is given on interactions (the member's permissions in the channel), never on GUILD_CREATE. */
export function memberPayload(u: ApiUser, permissions?: bigint): Record<string, unknown> {
  return {
    user: u, roles: [], nick: null, avatar: null, joined_at: CREATED, premium_since: null,
    deaf: false, mute: false, flags: 0, pending: false, communication_disabled_until: null,
    ...(permissions !== undefined ? { permissions: permissions.toString() } : {}),
  };
}

/** The GUILD_CREATE payload: channels carry no guild_id there, as on Discord. */
export function guildCreatePayload(world: World, guild: Guild): Record<string, unknown> {
  const strip = ({ guild_id: _g, ...rest }: ApiChannel) => rest;
  const members = allUsers(world);
  return {
    id: guild.id, name: guild.name, icon: null, splash: null, discovery_splash: null,
    owner_id: world.users.alice.id, afk_channel_id: null, afk_timeout: 300, verification_level: 0,
    default_message_notifications: 1, explicit_content_filter: 0, features: [], mfa_level: 0,
    application_id: null, system_channel_id: null, system_channel_flags: 0, rules_channel_id: null,
    vanity_url_code: null, description: null, banner: null, premium_tier: 0, preferred_locale: 'en-US',
    public_updates_channel_id: null, nsfw_level: 0, premium_progress_bar_enabled: false,
    roles: [{
      id: guild.id, name: '@everyone', permissions: MEMBER_PERMISSIONS, position: 0, color: 0,
      hoist: false, managed: false, mentionable: false, flags: 0,
    }],
    emojis: [], stickers: [], joined_at: CREATED, large: false, unavailable: false,
    member_count: members.length, voice_states: [], presences: [], stage_instances: [],
    guild_scheduled_events: [], soundboard_sounds: [],
    members: members.map((u) => memberPayload(u)),
    channels: guild.channels.map(strip),
    threads: guild.threads,
  };
}
