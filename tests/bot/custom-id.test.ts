import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_LIMIT, decodeCustomId, encodeCustomId, type ComponentAction } from '../../src/discord/custom-id.js';

const workId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/);
const snowflake = fc.bigInt({ min: 10n ** 16n, max: 2n ** 64n - 1n }).map(String);
const count = fc.nat({ max: 50_000_000 });

const action: fc.Arbitrary<ComponentAction> = fc.oneof(
  fc.record({ kind: fc.constant('page' as const), button: fc.constantFrom('prev' as const, 'next' as const, 'go' as const), workId, chapter: count, offset: count, readerId: snowflake }),
  fc.record({ kind: fc.constant('chapter' as const), workId, readerId: snowflake }),
  fc.record({ kind: fc.constant('open' as const), workId, chapter: count, offset: count }),
  fc.record({ kind: fc.constant('works' as const), button: fc.constantFrom('prev' as const, 'next' as const), page: count }),
  fc.record({ kind: fc.constant('forget' as const), step: fc.constantFrom('ask' as const, 'confirm' as const, 'cancel' as const) }),
);

describe('custom_id codec', () => {
  it('decodes what it encodes, within 100 characters, for work ids up to 48 characters', () => {
    fc.assert(
      fc.property(action, (a) => {
        const id = encodeCustomId(a);
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_LIMIT);
        expect(decodeCustomId(id)).toEqual(a);
      }),
    );
  });

  it('refuses to encode an id over the limit instead of sending one Discord rejects', () => {
    const long = { kind: 'open' as const, workId: 'a'.repeat(100), chapter: 0, offset: 0 };
    expect(() => encodeCustomId(long)).toThrow(RangeError);
  });

  it('gives Previous, Next and Go on one place distinct ids', () => {
    const base = { kind: 'page' as const, workId: 'w', chapter: 1, offset: 2, readerId: '123456789012345678' };
    const ids = (['prev', 'next', 'go'] as const).map((button) => encodeCustomId({ ...base, button }));
    expect(new Set(ids).size).toBe(3);
  });

  it.each([
    '',
    'page',
    'page:v2:n:w:0:0:1',
    'page:v1:x:w:0:0:1',
    'page:v1:n:W!:0:0:1',
    'page:v1:n:w:-1:0:1',
    'page:v1:n:w:0:0',
    'chapter:v1:w:not-a-number!',
    'forget:v1:now',
    'works:v1:n:',
    `open:v1:${'a'.repeat(120)}:0:0`,
  ])('decodes garbled %j as nothing', (id) => {
    expect(decodeCustomId(id)).toBeUndefined();
  });
});
