// Registers the slash commands: in one guild when DISCORD_GUILD_ID is set (instant), else globally.
// Takes the definitions as data (commands/index.ts), so registering never starts the bot.
import { REST, Routes, type RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import { ConfigError, type Config } from '../config.js';

export async function registerCommands(
  config: Config,
  definitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): Promise<{ count: number; where: string }> {
  if (!config.clientId) {
    throw new ConfigError(['DISCORD_CLIENT_ID is missing: registering commands needs the application id (see .env.example).']);
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body: definitions })) as unknown[];
  const where = config.guildId ? `guild ${config.guildId}` : 'all servers (global commands can take up to an hour to appear)';
  return { count: registered.length, where };
}
