import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { forgetButton } from '../../commands/progress.js';
import { searchPageButton } from '../../commands/search.js';
import { worksPageButton } from '../../commands/works.js';
import { controlTable, type Control } from '../../src/discord/controls.js';
import { CUSTOM_ID_LIMIT } from '../../src/discord/custom-id.js';
import { chapterPicker, openButton, pageButton, readingControls } from '../../src/discord/reading-view/controls.js';
import { bookmarksPageButton, deleteBookmarkButton } from '../../commands/bookmarks.js';
import { bookmarkButton, bookmarkModal } from '../../src/discord/reading-view/bookmark.js';
import { followButton } from '../../src/discord/reading-view/follow.js';
import { goToButton, goToModal } from '../../src/discord/reading-view/go-to.js';

const workId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/);
const snowflake = fc.bigInt({ min: 10n ** 16n, max: 2n ** 64n - 1n }).map(String);
const count = fc.nat({ max: 50_000_000 });

/** Each control with arguments it may be sent with. */
const cases: Array<[Control<never>, fc.Arbitrary<unknown>]> = [
  [pageButton, fc.record({ move: fc.constantFrom('previous', 'next', 'start'), workId, chapter: count, offset: count, readerId: snowflake })],
  [chapterPicker, fc.record({ workId, readerId: snowflake })],
  [openButton, fc.record({ workId, chapter: count, offset: count })],
  [goToButton, fc.record({ workId, chapter: count, offset: count, readerId: snowflake })],
  [goToModal, fc.record({ opener: fc.constantFrom('reader', 'other'), workId, chapter: count, offset: count })],
  [bookmarkButton, fc.record({ workId, chapter: count, offset: count })],
  [bookmarkModal, fc.record({ workId, chapter: count, offset: count })],
  [followButton, fc.record({ action: fc.constantFrom('follow', 'stop'), workId })],
  [bookmarksPageButton, fc.record({ direction: fc.constantFrom('previous', 'next'), page: count, workId: fc.option(workId, { nil: undefined }) })],
  [deleteBookmarkButton, fc.record({ id: fc.stringMatching(/^[0-9a-z]{1,12}$/), page: count, workId: fc.option(workId, { nil: undefined }) })],
  [worksPageButton, fc.record({ direction: fc.constantFrom('previous', 'next'), page: count })],
  [forgetButton, fc.record({ step: fc.constantFrom('ask', 'confirm', 'cancel') })],
  [searchPageButton, fc.record({ direction: fc.constantFrom('previous', 'next'), page: count, workId: fc.option(workId, { nil: undefined }) })],
] as never;
const all = cases.map(([control]) => control);

describe('controls', () => {
  it.each(cases.map(([control, args]) => [control.kind, control, args] as const))(
    '%s reads back what it encodes, within 100 characters, for work ids up to 48 characters, and no other control reads it',
    (_kind, control, args) => {
      fc.assert(
        fc.property(args, (a) => {
          const id = control.customId(a as never);
          expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_LIMIT);
          expect(control.read(id)).toEqual(a);
          for (const other of all) if (other !== control) expect(other.read(id)).toBeUndefined();
        }),
      );
    },
  );

  it('refuses to encode an id over the limit instead of sending one Discord rejects', () => {
    expect(() => openButton.customId({ workId: 'a'.repeat(100), chapter: 0, offset: 0 })).toThrow(RangeError);
  });

  it('gives Previous, Next and Start reading on one place distinct ids', () => {
    const here = { workId: 'w', chapter: 1, offset: 2, readerId: '123456789012345678' };
    const ids = (['previous', 'next', 'start'] as const).map((move) => pageButton.customId({ ...here, move }));
    expect(new Set(ids).size).toBe(3);
  });

  it('reads the ids that buttons already posted carry (page p/n/g, works p/n)', () => {
    const reader = '1200000000000000001';
    const r = BigInt(reader).toString(36);
    expect(pageButton.read(`page:v1:g:one-step-at-a-time:0:2s:${r}`)).toEqual({ move: 'start', workId: 'one-step-at-a-time', chapter: 0, offset: 100, readerId: reader });
    expect(pageButton.read(`page:v1:p:w:1:0:${r}`)?.move).toBe('previous');
    expect(worksPageButton.read('works:v1:n:a')).toEqual({ direction: 'next', page: 10 });
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
  ])('reads garbled %j as nothing', (id) => {
    for (const control of all) expect(control.read(id)).toBeUndefined();
  });

  it('routes every kind the bot sends to one control, and refuses a table where two claim a kind', () => {
    const table = controlTable([...readingControls, ...commands.flatMap((command) => command.controls ?? [])]);
    expect([...table.keys()].sort()).toEqual(all.map((control) => control.kind).sort());
    expect(() => controlTable([pageButton, pageButton])).toThrow(/two controls claim the custom_id kind "page"/);
  });
});

describe('modals and clicks', () => {
  it('routes a modal submit only to a modal, and a click only to a button, as garbled otherwise', async () => {
    const fields = (id: string) => id.split(':').slice(2);
    const shown = { workId: 'w', chapter: 1, offset: 2 };
    const submit = { isModalSubmit: () => true } as never;
    const click = { isModalSubmit: () => false } as never;
    expect(await bookmarkButton.route(submit, fields(bookmarkButton.customId(shown)), {} as never)).toBe(false);
    expect(await bookmarkModal.route(click, fields(bookmarkModal.customId(shown)), {} as never)).toBe(false);
  });
});
