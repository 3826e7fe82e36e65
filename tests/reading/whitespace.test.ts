import { describe, expect, it } from 'vitest';
import { isBreakSpace, isLineBreak, isWhiteSpace } from '../../src/reading/whitespace.js';
import { isBreakSpace as referenceIsBreakSpace } from './reference/breaks.js';

const UNITS = Array.from({ length: 0x10000 }, (_, code) => code);

describe('kinds of space, by UTF-16 unit', () => {
  it('counts as white space exactly what /\\s/ matches', () => {
    expect(UNITS.filter((code) => isWhiteSpace(code) !== /\s/.test(String.fromCharCode(code)))).toEqual([]);
  });

  it('breaks lines at the spaces it did before, no-break spaces left out', () => {
    expect(UNITS.filter((code) => isBreakSpace(code) !== referenceIsBreakSpace(code))).toEqual([]);
    expect([0xa0, 0x2007, 0x202f, 0xfeff].some(isBreakSpace)).toBe(false);
  });

  it('ends lines where the m flag\'s ^ starts them', () => {
    expect(UNITS.filter((code) => isLineBreak(code) !== /^y/m.test(`x${String.fromCharCode(code)}y`))).toEqual([]);
  });
});
