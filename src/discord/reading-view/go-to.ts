// Go to…: a button beside Previous/Next that opens a modal asking for a page of this chapter, a chapter (and
// a page of it), or a percent of the work. The submit turns the reader's own message there; anyone else who
// clicked it gets a reading of their own at that page, as Open gives them.
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  type APIButtonComponentWithCustomId,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import type { Work } from '../../library/model.js';
import type { Place } from '../../progress/place.js';
import { gateFor } from '../../rating-gate/interaction.js';
import { pageAt } from '../../reading/navigation.js';
import { percentOfWork, placeAtPercent } from '../../reading/positions.js';
import { plural } from '../../util/plural.js';
import { button, defineControl, defineModal } from '../controls.js';
import { numberField, readChoice, readNumber, readSnowflake, snowflakeField, workIdField } from '../custom-id.js';
import { UserError } from '../user-error.js';
import { openReading, placeOfPage, showPage } from './show.js';
import { workOf } from './work-of.js';

interface Shown extends Place {
  workId: string;
}

/** Whether the one who opened the modal is the reader whose message it came from: only they turn it. */
const OPENERS = { reader: { tag: 'r' }, other: { tag: 'o' } };

/** Carries the place shown (so "this chapter" is the one on screen) and the message's reader. */
export const goToButton = defineControl<Shown & { readerId: string }, [], APIButtonComponentWithCustomId>({
  kind: 'goto',
  encode: (a) => [workIdField(a.workId), numberField(a.chapter), numberField(a.offset), snowflakeField(a.readerId)],
  decode: (f) =>
    f.length === 4 ? { workId: workIdField(f[0]), chapter: readNumber(f[1]), offset: readNumber(f[2]), readerId: readSnowflake(f[3]) } : undefined,
  build: (customId) => button(customId, 'Go to…', ButtonStyle.Secondary),
  async handle(interaction, { readerId, ...shown }, ctx) {
    const work = gateFor(interaction).check(workOf(ctx, shown.workId));
    await interaction.showModal(goToModal.build({ opener: interaction.user.id === readerId ? 'reader' : 'other', ...shown }, work));
  },
});

const INPUTS = { page: 'page', chapter: 'chapter', percent: 'percent' } as const;

export const goToModal = defineModal<Shown & { opener: keyof typeof OPENERS }, [work: Work]>({
  kind: 'goto-form',
  encode: (a) => [OPENERS[a.opener].tag, workIdField(a.workId), numberField(a.chapter), numberField(a.offset)],
  decode: (f) =>
    f.length === 4
      ? { opener: readChoice(OPENERS, f[0]), workId: workIdField(f[1]), chapter: readNumber(f[2]), offset: readNumber(f[3]) }
      : undefined,
  build(customId, shown, work): APIModalInteractionResponseCallbackData {
    const at = pageAt(work, shown);
    const chapters = work.chapters.length;
    const inputs = [
      numberInput(INPUTS.page, `Page of this chapter (1–${at.pageCount})`, `Now on page ${at.index + 1}`),
      ...(chapters > 1 ? [numberInput(INPUTS.chapter, `Chapter (1–${chapters})`, `Now in chapter ${at.chapter + 1}; add a page for a page of it`)] : []),
      numberInput(INPUTS.percent, 'Percent of the work (0–100)', `Now ${percentOfWork(work, at.chapter, at.page.end)}% read`),
    ];
    return { custom_id: customId, title: 'Go to…', components: inputs.map((input) => ({ type: ComponentType.ActionRow, components: [input] })) };
  },
  async handle(interaction, { opener, workId, ...shown }, ctx) {
    const work = gateFor(interaction).check(workOf(ctx, workId));
    const own = opener === 'reader' && interaction.isFromMessage();
    const typed = (id: string) => (interaction.fields.fields.has(id) ? interaction.fields.getTextInputValue(id).trim() : '');
    const chapter = typed(INPUTS.chapter);
    const percent = typed(INPUTS.percent);
    const page = typed(INPUTS.page);
    let target: Place;
    if (percent !== '') {
      if (chapter !== '' || page !== '') throw new UserError('Give a percent, or a chapter and a page, not both.');
      const p = wholeNumber(percent.replace(/\s*%$/, ''));
      if (!(p >= 0 && p <= 100)) throw new UserError('Give a percent of the work from 0 to 100.');
      target = placeAtPercent(work, p);
    } else if (chapter !== '' || page !== '') {
      const index = chapter === '' ? shown.chapter : chapterNumber(work, chapter) - 1;
      target = page === '' ? { chapter: index, offset: 0 } : await placeOfPage(interaction, work, index, wholeNumber(page), own ? 'update' : 'reply');
    } else {
      throw new UserError('Type a page, a chapter or a percent to go to.');
    }
    if (own) await showPage(interaction, ctx, work, target, 'update');
    else await openReading(interaction, ctx, work, target);
  },
});

function chapterNumber(work: Work, typed: string): number {
  const count = work.chapters.length;
  const n = wholeNumber(typed);
  if (!(n >= 1 && n <= count)) throw new UserError(`${work.meta.title} has ${plural(count, 'chapter')}; give a chapter from 1 to ${count}.`);
  return n;
}

/** The whole number typed, or NaN for anything else; callers answer NaN with the range they take. */
function wholeNumber(typed: string): number {
  return /^\d{1,9}$/.test(typed) ? Number(typed) : NaN;
}

function numberInput(customId: string, label: string, placeholder: string) {
  return { type: ComponentType.TextInput, custom_id: customId, label, placeholder, style: TextInputStyle.Short, required: false, max_length: 10 } as const;
}
