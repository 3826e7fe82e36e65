// The one listener for every interaction: slash commands, autocomplete and component clicks. Its single
// try/catch is the bot's one error path: the user gets a short ephemeral answer, the log gets the detail.
import { MessageFlags, type Interaction, type RepliableInteraction } from 'discord.js';
import type { CommandName } from '../../commands/definitions.js';
import { handleComponent } from './clicks.js';
import type { BotContext, CommandHandler } from './context.js';
import { UserError } from './user-error.js';

const APOLOGY = 'Sorry, something went wrong on our side. Please try again in a moment.';

export function createRouter(ctx: BotContext, commands: Record<CommandName, CommandHandler>) {
  return async (interaction: Interaction): Promise<void> => {
    const started = Date.now();
    try {
      if (interaction.isAutocomplete()) {
        await commands[interaction.commandName as CommandName]?.autocomplete?.(interaction, ctx);
      } else if (interaction.isChatInputCommand()) {
        const command = commands[interaction.commandName as CommandName];
        if (!command) throw new UserError('That command is not known to this version of the bot.');
        await command.execute(interaction, ctx);
      } else if (interaction.isButton() || interaction.isStringSelectMenu()) {
        await handleComponent(interaction, ctx);
      }
      ctx.logger.debug({ ...describe(interaction), ms: Date.now() - started }, 'interaction handled');
    } catch (error) {
      await answerError(interaction, error, ctx);
    }
  };
}

async function answerError(interaction: Interaction, error: unknown, ctx: BotContext): Promise<void> {
  const isUserError = error instanceof UserError;
  if (isUserError) ctx.logger.info({ ...describe(interaction), reason: error.message }, 'interaction refused');
  else ctx.logger.error({ ...describe(interaction), err: error }, 'interaction failed');
  if (!interaction.isRepliable()) return;
  await replyEphemeral(interaction, isUserError ? error.message : APOLOGY).catch((replyError: unknown) =>
    ctx.logger.warn({ err: replyError }, 'could not send the error reply'),
  );
}

/** An ephemeral answer, whether or not the interaction was already answered or deferred. */
export async function replyEphemeral(interaction: RepliableInteraction, content: string): Promise<void> {
  const options = { content, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(options);
  else await interaction.reply(options);
}

function describe(interaction: Interaction) {
  const what = interaction.isCommand() || interaction.isAutocomplete() ? interaction.commandName : interaction.isMessageComponent() ? interaction.customId : interaction.type;
  return { interaction: interaction.id, user: interaction.user.id, guild: interaction.guildId, what };
}
