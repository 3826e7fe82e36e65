import fc from 'fast-check';
import { constants, deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateEntry, listEntries } from '../../../src/library/formats/epub/zip.js';
import { referenceInflateEntry } from '../reference/zip-inflate.js';
import { rawZip } from './zip-fixtures.js';

/** What inflating gives: the bytes, or the error's kind and words. */
function outcome(inflate: () => Uint8Array): { bytes: number[] } | { error: string } {
  try {
    return { bytes: [...inflate()] };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

// Text with repeats (so DEFLATE makes back-references), compressed every way zlib can, then perhaps damaged.
const content = fc.array(fc.oneof(fc.constantFrom('the ', 'spark ', '“', '”\n'), fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b).toString('latin1'))), { maxLength: 300 }).map((parts) => Buffer.from(parts.join('')));
const options = fc.record({
  level: fc.integer({ min: 0, max: 9 }),
  strategy: fc.constantFrom(constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED),
});
const damage = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), bits: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), tail: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
);

function damaged(data: Buffer, change: typeof damage extends fc.Arbitrary<infer Damage> ? Damage : never): Buffer {
  const copy = Buffer.from(data);
  if (change.kind === 'flip' && copy.length > 0) copy[change.at % copy.length]! ^= change.bits;
  if (change.kind === 'cut') return copy.subarray(0, change.at % (copy.length + 1));
  if (change.kind === 'append') return Buffer.concat([copy, change.tail]);
  return copy;
}

describe('an EPUB entry', () => {
  it('inflates to what fflate alone gave, or fails with its words, for any stream, damaged or not, and any limit', () => {
    fc.assert(
      fc.property(content, options, damage, fc.integer({ min: 0, max: 3000 }), (bytes, settings, change, limit) => {
        const data = damaged(deflateRawSync(bytes, settings), change);
        const zip = rawZip([{ name: 'a.xhtml', data, declaredSize: bytes.length }]);
        const entry = listEntries(zip).get('a.xhtml')!;
        expect(outcome(() => inflateEntry(zip, entry, limit))).toEqual(outcome(() => referenceInflateEntry(zip, entry, limit)));
      }),
      { numRuns: 3000 },
    );
  });
});
