// A server's own works (uploaded with /library add, kept under servers/<guildId>/) are shown only in that server.
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/discord/user-error.js';
import { gateFor } from '../../src/rating-gate/interaction.js';
import { mayShowInServer } from '../../src/rating-gate/server-works.js';
import { workOf } from '../reading/fixtures.js';

const ONE = '1300000000000000001';
const TWO = '1300000000000000002';
const shared = { ...workOf([[]], { id: 'shared', rating: 'General Audiences' }), file: 'shared.txt' };
const ours = { ...workOf([[]], { id: 'ours', rating: 'General Audiences' }), file: `servers/${ONE}/ours.txt` };

describe('mayShowInServer', () => {
  it('shows works outside servers/ everywhere and a server folder\'s works only in that server', () => {
    expect(mayShowInServer(ONE, shared)).toBe(true);
    expect(mayShowInServer(null, shared)).toBe(true);
    expect(mayShowInServer(ONE, ours)).toBe(true);
    expect(mayShowInServer(TWO, ours)).toBe(false);
    expect(mayShowInServer(null, ours)).toBe(false);
  });
});

describe('gateFor with a guild', () => {
  it('filters out and refuses another server\'s works, and a server\'s works in DMs', () => {
    expect(gateFor({ channel: null, guildId: ONE }).filter([shared, ours])).toEqual([shared, ours]);
    expect(gateFor({ channel: null, guildId: TWO }).filter([shared, ours])).toEqual([shared]);
    expect(() => gateFor({ channel: null, guildId: TWO }).check(ours)).toThrow(UserError);
    expect(() => gateFor({ channel: null, guildId: TWO }).check(ours)).toThrow(/not in this server's library/);
    expect(() => gateFor({ channel: null, guildId: null }).check(ours)).toThrow(/only in the server that added it/);
  });
});
