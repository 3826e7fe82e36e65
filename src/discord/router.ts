// The one listener for every interaction: slash commands, autocomplete, component clicks and modal submits. Its single
// try/catch is the bot's one error path: the user gets a short ephemeral answer, the log gets the detail.
import type { Interaction } from 'discord.js';
import type { Command } from './command.js';
import type { BotContext } from './context.js';
import { controlTable, type AnyControl, type ControlInteraction } from './controls.js';
import { splitCustomId } from './custom-id.js';
import { replyEphemeral } from './reply.js';
import { StoreUnavailable } from '../progress/store.js';
import { UserError } from './user-error.js';

const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';
const STORE_AWAY = 'Your reading places cannot be reached just now. Pages still turn; try this again in a minute.';
const GARBLED = 'This control is damaged or from an older version of the bot. Run the command again.';

export interface Routes {
  commands: readonly Command[];
  /** Every control (and modal) the bot sends, each kind once. */
  controls: readonly AnyControl[];
}

/** One interaction as metrics see it: named by command or control kind only, never by custom_id or user. */
export interface InteractionSeen {
  kind: 'command' | 'autocomplete' | 'button' | 'select' | 'modal' | 'other';
  /** The command's name or the control's kind, `unknown` for one this version does not know. */
  name: string;
  /** refused: a UserError (the store being away among them); failed: anything else, answered with the apology. */
  outcome: 'handled' | 'refused' | 'failed';
  ms: number;
}

/** `observe` (metrics) is told of every interaction; without it, nothing is spent on naming them. */
export function createRouter(ctx: BotContext, routes: Routes, observe?: (seen: InteractionSeen) => void) {
  const commands = new Map(routes.commands.map((command) => [command.data.name, command]));
  const controls = controlTable(routes.controls);
  const known = (table: ReadonlyMap<string, unknown>, name: string | undefined) => (name !== undefined && table.has(name) ? name : 'unknown');
  const labelsOf = (interaction: Interaction): Pick<InteractionSeen, 'kind' | 'name'> => {
    if (interaction.isAutocomplete()) return { kind: 'autocomplete', name: known(commands, interaction.commandName) };
    if (interaction.isChatInputCommand()) return { kind: 'command', name: known(commands, interaction.commandName) };
    const kind = interaction.isButton() ? 'button' : interaction.isStringSelectMenu() ? 'select' : interaction.isModalSubmit() ? 'modal' : 'other';
    return { kind, name: 'customId' in interaction ? known(controls, splitCustomId(interaction.customId)?.kind) : 'unknown' };
  };

  const handleControl = async (interaction: ControlInteraction): Promise<void> => {
    const split = splitCustomId(interaction.customId);
    const control = split && controls.get(split.kind);
    if (!split || !control || !(await control.route(interaction, split.fields, ctx))) throw new UserError(GARBLED);
  };

  return async (interaction: Interaction): Promise<void> => {
    const started = performance.now();
    let outcome: InteractionSeen['outcome'] = 'handled';
    try {
      if (interaction.isAutocomplete()) {
        await commands.get(interaction.commandName)?.autocomplete?.(interaction, ctx);
      } else if (interaction.isChatInputCommand()) {
        const command = commands.get(interaction.commandName);
        if (!command) throw new UserError('That command is not known to this version of the bot.');
        await command.execute(interaction, ctx);
      } else if (interaction.isButton() || interaction.isStringSelectMenu() || interaction.isModalSubmit()) {
        await handleControl(interaction);
      }
      // A page turn's hot path: the line's fields are built only when it is written (README "Performance").
      if (ctx.logger.isLevelEnabled('debug')) ctx.logger.debug({ ...describe(interaction), ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (error) {
      outcome = await answerError(interaction, error, ctx);
    }
    observe?.({ ...labelsOf(interaction), outcome, ms: performance.now() - started });
  };
}

async function answerError(interaction: Interaction, thrown: unknown, ctx: BotContext): Promise<'refused' | 'failed'> {
  // The store said once, in the log, that it went away; each reader it fails is told, not logged again.
  const error = thrown instanceof StoreUnavailable ? new UserError(STORE_AWAY) : thrown;
  const isUserError = error instanceof UserError;
  if (isUserError) ctx.logger.info({ ...describe(interaction), reason: error.message }, 'interaction refused');
  else ctx.logger.error({ ...describe(interaction), err: error }, 'interaction failed');
  if (interaction.isRepliable()) {
    await replyEphemeral(interaction, isUserError ? error.message : APOLOGY).catch((replyError: unknown) =>
      ctx.logger.warn({ err: replyError }, 'could not send the error reply'),
    );
  }
  return isUserError ? 'refused' : 'failed';
}

function describe(interaction: Interaction) {
  // A component's or a modal's custom_id, never what a reader typed into a modal.
  const what = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.customId;
  return { interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId, what };
}
