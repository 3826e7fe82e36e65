import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { Catalog } from '../library/catalog.js';
import type { Logger } from '../log.js';
import type { ProgressStore } from '../progress/store.js';

/** What every handler may use; built once by the composition root. */
export interface BotContext {
  catalog: Catalog;
  store: ProgressStore;
  logger: Logger;
}

export interface CommandHandler {
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
