// Buttons, selects and modals. Each control is one entry: the kind its custom_id starts with, how its args
// become custom_id fields and back, how it is built, and how a click on it (or a modal's submit) is handled. Features define their
// controls beside the views that show them; the router finds a click's control by kind in one table.
// Components are built as Discord's API JSON, not with discord.js's builders: a builder validates on every
// setter, and building a page through them was about a tenth of a page turn's CPU (README "Performance").
// Discord's limits are kept where the values are made (custom-id.ts, truncate, the picker's window) and
// checked by the emulator on every message the tests see.
import {
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIModalInteractionResponseCallbackData,
  type APIStringSelectComponent,
  type ButtonInteraction,
  ButtonStyle,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { BotContext } from './context.js';
import { joinCustomId, splitCustomId } from './custom-id.js';

export type ComponentInteraction = ButtonInteraction | StringSelectMenuInteraction;
/** What a control is routed: a click or choice on a component, or the submit of a modal. */
export type ControlInteraction = ComponentInteraction | ModalSubmitInteraction;
type Component = APIButtonComponentWithCustomId | APIStringSelectComponent | APIModalInteractionResponseCallbackData;

export interface ControlSpec<Args, Look extends unknown[], Built extends Component, I extends ControlInteraction = ComponentInteraction> {
  /** The custom_id's first field; unique across the bot. */
  kind: string;
  /** Args as the custom_id's fields after `kind:v1`; a field codec throws if an arg cannot be sent. */
  encode(args: Args): string[];
  /** Args from those fields, or undefined (or a thrown RangeError) for fields it cannot read. */
  decode(fields: readonly string[]): Args | undefined;
  /** The component as sent, with its custom_id; `look` is what the message decides (label, disabled). */
  build(customId: string, args: Args, ...look: Look): Built;
  handle(interaction: I, args: Args, ctx: BotContext): Promise<void>;
}

export interface Control<Args, Look extends unknown[] = [], Built extends Component = Component> {
  readonly kind: string;
  customId(args: Args): string;
  build(args: Args, ...look: Look): Built;
  /** The args of a custom_id of this control, or undefined for any other id. */
  read(customId: string): Args | undefined;
  /** Handles a click on this control (or a submit of this modal); false when its fields are garbled. */
  route(interaction: ControlInteraction, fields: readonly string[], ctx: BotContext): Promise<boolean>;
}

export function defineControl<Args, Look extends unknown[] = [], Built extends Component = Component>(
  spec: ControlSpec<Args, Look, Built>,
): Control<Args, Look, Built> {
  return define(spec, (interaction): interaction is ComponentInteraction => !interaction.isModalSubmit());
}

/** A modal, shown by a control's handler; its custom_id carries its state as a button's does, and its submit is routed by kind. */
export function defineModal<Args, Look extends unknown[] = []>(
  spec: ControlSpec<Args, Look, APIModalInteractionResponseCallbackData, ModalSubmitInteraction>,
): Control<Args, Look, APIModalInteractionResponseCallbackData> {
  return define(spec, (interaction) => interaction.isModalSubmit());
}

function define<Args, Look extends unknown[], Built extends Component, I extends ControlInteraction>(
  spec: ControlSpec<Args, Look, Built, I>,
  accepts: (interaction: ControlInteraction) => interaction is I,
): Control<Args, Look, Built> {
  const decode = (fields: readonly string[]): Args | undefined => {
    try {
      return spec.decode(fields);
    } catch {
      return undefined;
    }
  };
  const customId = (args: Args) => joinCustomId(spec.kind, spec.encode(args));
  return {
    kind: spec.kind,
    customId,
    build: (args, ...look) => spec.build(customId(args), args, ...look),
    read(id) {
      const split = splitCustomId(id);
      return split?.kind === spec.kind ? decode(split.fields) : undefined;
    },
    async route(interaction, fields, ctx) {
      const args = decode(fields);
      // A button's custom_id on a modal, or the other way round, is as garbled as unreadable fields.
      if (args === undefined || !accepts(interaction)) return false;
      await spec.handle(interaction, args, ctx);
      return true;
    },
  };
}

/** One of a few buttons a control sends, told apart by a short tag in the custom_id. */
export interface ButtonChoice {
  tag: string;
  label: string;
  style: ButtonStyle;
}

/** Previous and Next of a paged list (/works, /search, /bookmarks), with the tags /works has sent since v1. */
export const LIST_DIRECTIONS = {
  previous: { tag: 'p', label: 'Previous', style: ButtonStyle.Secondary },
  next: { tag: 'n', label: 'Next', style: ButtonStyle.Secondary },
} satisfies Record<string, ButtonChoice>;
export type ListDirection = keyof typeof LIST_DIRECTIONS;

export function choiceButton(customId: string, choice: ButtonChoice, disabled?: boolean): APIButtonComponentWithCustomId {
  return button(customId, choice.label, choice.style, disabled);
}

/** A button that sends an interaction; `disabled` is left out unless given, as Discord does. */
export function button(customId: string, label: string, style: ButtonChoice['style'], disabled?: boolean): APIButtonComponentWithCustomId {
  const sent = { type: ComponentType.Button, custom_id: customId, label, style } as APIButtonComponentWithCustomId;
  return disabled === undefined ? sent : { ...sent, disabled };
}

export function actionRow<C extends APIComponentInMessageActionRow>(...components: C[]): APIActionRowComponent<C> {
  return { type: ComponentType.ActionRow, components };
}

/** What the router needs of a control, whatever its args. */
export type AnyControl = Pick<Control<never>, 'kind' | 'route'>;

/** Controls by kind; two controls claiming one kind is a programming error, caught at start. */
export function controlTable(controls: readonly AnyControl[]): ReadonlyMap<string, AnyControl> {
  const table = new Map<string, AnyControl>();
  for (const control of controls) {
    if (table.has(control.kind)) throw new Error(`two controls claim the custom_id kind "${control.kind}"`);
    table.set(control.kind, control);
  }
  return table;
}
