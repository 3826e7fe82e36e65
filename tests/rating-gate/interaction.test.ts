// venueOf reads real discord.js channels, built by a client (never logged in) from API payloads as the gateway
// would deliver them: a text channel, a thread, a forum and its post, a DM and a group DM.
import { Client, type Channel } from 'discord.js';
import { afterAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/discord/user-error.js';
import { gateFor, venueOf } from '../../src/rating-gate/interaction.js';
import { workOf } from '../reading/fixtures.js';

type Adds = { _add(data: unknown, ...rest: unknown[]): unknown };
const client = new Client({ intents: [] });
afterAll(() => client.destroy());

const GUILD = '1300000000000000001';
const channel = (id: string, type: number, nsfw: boolean) => ({ id, type, name: `c${id.slice(-2)}`, nsfw, position: 0, permission_overwrites: [], flags: 0 });
const thread = (id: string, parentId: string) => ({
  id, type: 11, name: `t${id.slice(-2)}`, parent_id: parentId, guild_id: GUILD, flags: 0,
  thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: '2024-01-01T00:00:00.000Z', locked: false },
});
(client.guilds as unknown as Adds)._add({
  id: GUILD, name: 'g', roles: [], members: [], emojis: [], stickers: [],
  channels: [channel('1400000000000000001', 0, false), channel('1400000000000000002', 0, true), { ...channel('1400000000000000003', 15, true), available_tags: [] }, { ...channel('1400000000000000004', 15, false), available_tags: [] }],
  threads: [thread('1400000000000000011', '1400000000000000002'), thread('1400000000000000012', '1400000000000000001'), thread('1400000000000000013', '1400000000000000003'), thread('1400000000000000014', '1400000000000000004')],
});
const dm = (client.channels as unknown as Adds)._add({ id: '1500000000000000001', type: 1, recipients: [{ id: '1200000000000000001', username: 'a', discriminator: '0', avatar: null }] }, null, { allowUnknownGuild: true }) as Channel;
const groupDm = (client.channels as unknown as Adds)._add({ id: '1500000000000000002', type: 3, name: 'friends', recipients: [] }, null, { allowUnknownGuild: true }) as Channel;
const cached = (id: string) => client.channels.cache.get(id) ?? null;

describe('venueOf', () => {
  it.each([
    ['a normal text channel', '1400000000000000001', { kind: 'channel', ageRestricted: false }],
    ['an age-restricted text channel', '1400000000000000002', { kind: 'channel', ageRestricted: true }],
    ['a thread, by its age-restricted parent', '1400000000000000011', { kind: 'thread', parentAgeRestricted: true }],
    ['a thread, by its normal parent', '1400000000000000012', { kind: 'thread', parentAgeRestricted: false }],
    ['a forum post, by its age-restricted forum', '1400000000000000013', { kind: 'thread', parentAgeRestricted: true }],
    ['a forum post, by its normal forum', '1400000000000000014', { kind: 'thread', parentAgeRestricted: false }],
  ])('reads %s', (_name, id, venue) => {
    expect(cached(id)).not.toBeNull();
    expect(venueOf(cached(id))).toEqual(venue);
  });

  it('reads DMs, group DMs and an unknown channel as places that are never age-restricted', () => {
    expect(venueOf(dm)).toEqual({ kind: 'dm' });
    expect(venueOf(groupDm)).toEqual({ kind: 'group-dm' });
    expect(venueOf(null)).toEqual({ kind: 'dm' });
  });
});

describe('gateFor', () => {
  it('lets through, filters and refuses works by the channel the interaction came from', () => {
    const teen = workOf([[]], { id: 'teen', rating: 'Teen And Up Audiences' });
    const explicit = workOf([[]], { id: 'explicit', rating: 'Explicit' });
    const normal = gateFor({ channel: cached('1400000000000000001') });
    expect(normal.filter([teen, explicit])).toEqual([teen]);
    expect(normal.check(teen)).toBe(teen);
    expect(() => normal.check(explicit)).toThrow(UserError);
    expect(() => normal.check(explicit)).toThrow(/rated Explicit, and this channel is not age-restricted/);
    expect(gateFor({ channel: cached('1400000000000000013') }).filter([teen, explicit])).toEqual([teen, explicit]);
  });
});
