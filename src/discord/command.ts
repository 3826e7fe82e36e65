import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from './context.js';
import type { AnyControl } from './controls.js';

/** A slash command in one place, as `commands/` holds them: its definition, its handlers, its controls. */
export interface Command {
  /** What `npm run deploy-commands` registers: plain data, no runtime code. */
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
  /** The buttons and selects on this command's own messages. */
  controls?: readonly AnyControl[];
}
