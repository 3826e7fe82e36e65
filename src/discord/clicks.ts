// Every button and select the bot ever sent is handled here, decoded from its custom_id alone: no
// collectors, so clicks on messages sent before a restart work the same.
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type ButtonInteraction,
  type Message,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Work } from '../library/model.js';
import type { Place } from '../progress/place.js';
import { nextPlace, pageAt, previousPlace } from '../reading/navigation.js';
import type { BotContext } from './context.js';
import { decodeCustomId, encodeCustomId, type ComponentAction } from './custom-id.js';
import { answerForget } from './forget.js';
import { openReading, showPage } from './reading.js';
import { showWorks } from './works-list.js';
import { UserError } from './user-error.js';

type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;

export async function handleComponent(interaction: ComponentInteraction, ctx: BotContext): Promise<void> {
  const action = decodeCustomId(interaction.customId);
  if (!action) throw new UserError('This control is damaged or from an older version of the bot. Run the command again.');
  switch (action.kind) {
    case 'page':
      return turnPage(interaction, ctx, action);
    case 'chapter':
      return pickChapter(interaction, ctx, action);
    case 'open':
      return openReading(interaction, ctx, workOf(ctx, action.workId), { chapter: action.chapter, offset: action.offset });
    case 'works':
      return showWorks(interaction, ctx, action.page, 'update');
    case 'forget':
      return answerForget(interaction, ctx, action.step);
  }
}

function workOf(ctx: BotContext, workId: string): Work {
  const work = ctx.catalog.byId(workId);
  if (!work) throw new UserError('That work is no longer in the library. Use /works to see what is.');
  return work;
}

async function turnPage(interaction: ComponentInteraction, ctx: BotContext, action: Extract<ComponentAction, { kind: 'page' }>) {
  const work = workOf(ctx, action.workId);
  const here = { chapter: action.chapter, offset: action.offset };
  if (interaction.user.id !== action.readerId) return offerSamePage(interaction, work, here);
  const at = pageAt(work, here);
  const target = action.button === 'prev' ? previousPlace(work, at) : action.button === 'next' ? nextPlace(work, at) : here;
  // A stale click past either end shows the current page again rather than an error.
  await showPage(interaction, ctx, work, target ?? here, 'update');
}

async function pickChapter(interaction: ComponentInteraction, ctx: BotContext, action: Extract<ComponentAction, { kind: 'chapter' }>) {
  const work = workOf(ctx, action.workId);
  if (interaction.user.id !== action.readerId) return offerSamePage(interaction, work, placeShownIn(interaction.message));
  const chapter = Number(interaction.isStringSelectMenu() ? interaction.values[0] : NaN);
  if (!Number.isInteger(chapter) || chapter < 0 || chapter >= work.chapters.length) {
    throw new UserError(`${work.meta.title} has no such chapter.`);
  }
  await showPage(interaction, ctx, work, { chapter, offset: 0 }, 'update');
}

/** Someone else's click: their own ephemeral offer of the same page; the reader's message stays as it is. */
async function offerSamePage(interaction: ComponentInteraction, work: Work, place: Place | undefined): Promise<void> {
  const open = new ButtonBuilder()
    .setCustomId(encodeCustomId({ kind: 'open', workId: work.id, ...(place ?? { chapter: 0, offset: 0 }) }))
    .setLabel(place ? 'Open this page for me' : 'Open it for me')
    .setStyle(ButtonStyle.Primary);
  await interaction.reply({
    content: 'Only the reader who opened this can turn its pages. You can open your own copy and read along.',
    components: [new ActionRowBuilder<ButtonBuilder>().addComponents(open)],
    flags: MessageFlags.Ephemeral,
  });
}

/** The place a reading message shows, read back from its own Previous/Next buttons. */
function placeShownIn(message: Message): Place | undefined {
  for (const row of message.components) {
    if (row.type !== ComponentType.ActionRow) continue;
    for (const component of row.components) {
      const action = component.customId ? decodeCustomId(component.customId) : undefined;
      if (action?.kind === 'page') return { chapter: action.chapter, offset: action.offset };
    }
  }
  return undefined;
}
