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

export function createRouter(ctx: BotContext, routes: Routes) {
  const commands = new Map(routes.commands.map((command) => [command.data.name, command]));
  const controls = controlTable(routes.controls);

  const handleControl = async (interaction: ControlInteraction): Promise<void> => {
    const split = splitCustomId(interaction.customId);
    const control = split && controls.get(split.kind);
    if (!split || !control || !(await control.route(interaction, split.fields, ctx))) throw new UserError(GARBLED);
  };

  return async (interaction: Interaction): Promise<void> => {
    const started = Date.now();
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
      ctx.logger.debug({ ...describe(interaction), ms: Date.now() - started }, 'interaction handled');
    } catch (error) {
      await answerError(interaction, error, ctx);
    }
  };
}

async function answerError(interaction: Interaction, thrown: unknown, ctx: BotContext): Promise<void> {
  // The store said once, in the log, that it went away; each reader it fails is told, not logged again.
  const error = thrown instanceof StoreUnavailable ? new UserError(STORE_AWAY) : thrown;
  const isUserError = error instanceof UserError;
  if (isUserError) ctx.logger.info({ ...describe(interaction), reason: error.message }, 'interaction refused');
  else ctx.logger.error({ ...describe(interaction), err: error }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  await replyEphemeral(interaction, isUserError ? error.message : APOLOGY).catch((replyError: unknown) =>
    ctx.logger.warn({ err: replyError }, 'could not send the error reply'),
  );
}

function describe(interaction: Interaction) {
  // A component's or a modal's custom_id, never what a reader typed into a modal.
  const what = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.customId;
  return { interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId, what };
}
