// Bookmark: a button beside Previous/Next that opens a modal for an optional note, and keeps the page shown
// (its exact place) with the note as a bookmark of whoever clicked, on anyone's reading. The answer is theirs
// alone; the reading message stays as it is. /bookmarks (commands/bookmarks.ts) lists them.
import {
  ButtonStyle,
  ComponentType,
  TextInputStyle,
  escapeMarkdown,
  type APIButtonComponentWithCustomId,
  type APIModalInteractionResponseCallbackData,
} from 'discord.js';
import { BOOKMARK_LIMIT, NOTE_LIMIT } from '../../progress/bookmarks.js';
import type { Place } from '../../progress/place.js';
import { StoreUnavailable } from '../../progress/store.js';
import { gateFor } from '../../rating-gate/interaction.js';
import { pageAt } from '../../reading/navigation.js';
import { anchorAt } from '../../reading/relocate.js';
import { button, defineControl, defineModal } from '../controls.js';
import { numberField, readNumber, workIdField } from '../custom-id.js';
import { replyEphemeral } from '../reply.js';
import { UserError } from '../user-error.js';
import { truncate } from '../work-embed.js';
import { workOf } from './work-of.js';

type Shown = Place & { workId: string };

const NOTE_INPUT = 'note';
const UNSAVED = 'Your bookmark could not be saved just now: the store is not answering. Try again in a minute.';

const encode = (a: Shown) => [workIdField(a.workId), numberField(a.chapter), numberField(a.offset)];
const decode = (f: readonly string[]) => (f.length === 3 ? { workId: workIdField(f[0]), chapter: readNumber(f[1]), offset: readNumber(f[2]) } : undefined);

/** Carries the start of the page shown: the bookmark's place, for whoever clicks. */
export const bookmarkButton = defineControl<Shown, [], APIButtonComponentWithCustomId>({
  kind: 'mark',
  encode,
  decode,
  build: (customId) => button(customId, 'Bookmark', ButtonStyle.Secondary),
  async handle(interaction, shown, ctx) {
    gateFor(interaction).check(workOf(ctx, shown.workId));
    await interaction.showModal(bookmarkModal.build(shown));
  },
});

export const bookmarkModal = defineModal<Shown>({
  kind: 'mark-note',
  encode,
  decode,
  build: (customId): APIModalInteractionResponseCallbackData => ({
    custom_id: customId,
    title: 'Bookmark this page',
    components: [{
      type: ComponentType.ActionRow,
      components: [{
        type: ComponentType.TextInput, custom_id: NOTE_INPUT, label: 'Note (optional)', style: TextInputStyle.Paragraph,
        required: false, max_length: NOTE_LIMIT, placeholder: `What to remember about this page, up to ${NOTE_LIMIT} characters`,
      }],
    }],
  }),
  async handle(interaction, { workId, ...place }, ctx) {
    const work = gateFor(interaction).check(workOf(ctx, workId));
    const note = interaction.fields.fields.has(NOTE_INPUT) ? interaction.fields.getTextInputValue(NOTE_INPUT).trim() : '';
    if ([...note].length > NOTE_LIMIT) throw new UserError(`A note holds at most ${NOTE_LIMIT} characters.`);
    // The note is the reader's text: it goes back to them when it cannot be kept, and never into a log line.
    let added;
    try {
      added = await ctx.store.bookmarks.add(interaction.user.id, { workId, ...place, note, at: ctx.now(), anchor: anchorAt(work, place) });
    } catch (error) {
      if (!(error instanceof StoreUnavailable)) throw error;
      await replyEphemeral(interaction, withNote(UNSAVED, note));
      return;
    }
    if (added.kind === 'full') {
      const full = `You have ${BOOKMARK_LIMIT} bookmarks, the most one reader can keep. Delete one with /bookmarks, then bookmark this page again.`;
      await replyEphemeral(interaction, withNote(full, note));
      return;
    }
    const at = pageAt(work, place);
    const where = [
      `**${escapeMarkdown(truncate(work.meta.title, 100))}**`,
      ...(work.chapters.length > 1 ? [`chapter ${at.chapter + 1}`] : []),
      `page ${at.index + 1}/${at.pageCount}`,
    ].join(', ');
    const what = added.kind === 'added' ? 'Bookmarked' : 'Bookmark updated:';
    await replyEphemeral(interaction, `${what} ${where}.${note ? `\n> ${shownNote(note)}` : ''}\n-# /bookmarks lists your ${added.count} of ${BOOKMARK_LIMIT}.`);
  },
});

function withNote(text: string, note: string): string {
  return note ? `${text}\nYour note, to copy:\n> ${shownNote(note)}` : text;
}

/**
 * A note as text on one line: Discord markdown escaped, and a zero-width space after each `<` and `@`, so
 * that `<@id>`, `<#id>`, `<t:…>` and `@everyone` show as typed instead of as mentions (none pings anyway).
 */
export function shownNote(note: string): string {
  const line = note.replace(/\s+/g, ' ').trim();
  const escaped = escapeMarkdown(line, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
  return escaped.replace(/[<@]/g, (c) => `${c}\u200b`);
}
