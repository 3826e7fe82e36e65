// Registers the five slash commands: in one guild when DISCORD_GUILD_ID is set (instant), else globally.
// Imports only the command definitions, never the bot's runtime.
import { REST, Routes } from 'discord.js';
import { commandDefinitions } from '../../commands/definitions.js';
import { ConfigError, type Config } from '../config.js';

export async function registerCommands(config: Config): Promise<{ count: number; where: string }> {
  if (!config.clientId) {
    throw new ConfigError(['DISCORD_CLIENT_ID is missing: registering commands needs the application id (see .env.example).']);
  }
  const rest = new REST(config.apiUrl ? { api: config.apiUrl } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const registered = (await rest.put(route, { body: commandDefinitions })) as unknown[];
  const where = config.guildId ? `guild ${config.guildId}` : 'all servers (global commands can take up to an hour to appear)';
  return { count: registered.length, where };
}
