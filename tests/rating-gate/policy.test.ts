import { describe, expect, it } from 'vitest';
import { RATINGS } from '../../src/library/model.js';
import { isAgeRestricted, mayShow, refusalFor, RESTRICTED_RATINGS, type Venue } from '../../src/rating-gate/policy.js';

import { workOf } from '../reading/fixtures.js';

const work = (rating: (typeof RATINGS)[number]) => workOf([[]], { id: 'W', rating });

const venues: Array<[string, Venue, boolean]> = [
  ['an age-restricted channel', { kind: 'channel', ageRestricted: true }, true],
  ['a normal channel', { kind: 'channel', ageRestricted: false }, false],
  ['a thread or forum post under an age-restricted parent', { kind: 'thread', parentAgeRestricted: true }, true],
  ['a thread or forum post under a normal parent', { kind: 'thread', parentAgeRestricted: false }, false],
  ['a thread whose parent is unknown', { kind: 'thread', parentAgeRestricted: undefined }, false],
  ['a DM', { kind: 'dm' }, false],
  ['a group DM', { kind: 'group-dm' }, false],
];

describe('the rating gate policy', () => {
  it('restricts Mature, Explicit and Not Rated, and nothing else', () => {
    expect(RATINGS.filter((r) => RESTRICTED_RATINGS.has(r))).toEqual(['Mature', 'Explicit', 'Not Rated']);
  });

  it.each(venues)('in %s, shows restricted works only if age-restricted', (_name, venue, adult) => {
    expect(isAgeRestricted(venue)).toBe(adult);
    for (const rating of RATINGS) expect(mayShow(venue, work(rating))).toBe(adult || !RESTRICTED_RATINGS.has(rating));
  });

  it('says why and where, naming DMs apart from channels', () => {
    expect(refusalFor({ kind: 'dm' }, work('Explicit'))).toMatch(/^\*\*W\*\* is rated Explicit, and direct messages cannot be age-restricted\./);
    for (const venue of venues.map(([, v]) => v).filter((v) => v.kind !== 'dm')) {
      expect(refusalFor(venue, work('Mature'))).toMatch(/is rated Mature, and this channel is not age-restricted\. Ask a server admin/);
    }
  });
});
