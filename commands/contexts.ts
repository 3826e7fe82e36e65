import { ApplicationIntegrationType, InteractionContextType } from 'discord.js';

/** Where every command may be used: readers use the bot in servers and in DMs with it; user installs are left for later. */
export const everywhere = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};
