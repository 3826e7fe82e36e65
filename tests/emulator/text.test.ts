import { describe, expect, it } from 'vitest';
import { buttonsOf, textOf } from '../support/emulator/index.js';

const message = (fields: { content?: string; embeds?: unknown[]; components?: unknown[] }) =>
  ({ content: '', embeds: [], components: [], ...fields });

describe('textOf', () => {
  it('reads content, then each embed from author to footer', () => {
    const m = message({
      content: 'Hello',
      embeds: [{ author: { name: 'Ann' }, title: 'T', description: 'D', fields: [{ name: 'F', value: 'V' }], footer: { text: 'page 1/2' } }],
    });
    expect(textOf(m)).toBe('Hello\nAnn\nT\nD\nF\nV\npage 1/2');
  });

  it('reads Components V2 text displays inside containers and sections, but not button labels', () => {
    const m = message({ components: [{ type: 17, components: [
      { type: 9, components: [{ type: 10, content: 'In a section' }], accessory: { type: 2, style: 1, label: 'Go', custom_id: 'go' } },
      { type: 10, content: 'Below' },
    ] }] });
    expect(textOf(m)).toBe('In a section\nBelow');
    expect(buttonsOf(m)).toEqual([{ label: 'Go', customId: 'go', disabled: false, style: 1, url: null }]);
  });
});

describe('buttonsOf', () => {
  it('lists buttons in rows in order, with link buttons carrying a url and no custom id', () => {
    const m = message({ components: [{ type: 1, components: [
      { type: 2, style: 2, label: 'Previous', custom_id: 'p', disabled: true },
      { type: 2, style: 5, label: 'Source', url: 'https://example.org' },
    ] }] });
    expect(buttonsOf(m)).toEqual([
      { label: 'Previous', customId: 'p', disabled: true, style: 2, url: null },
      { label: 'Source', customId: null, disabled: false, style: 5, url: 'https://example.org' },
    ]);
  });
});
