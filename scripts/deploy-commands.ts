// `npm run deploy-commands`: registers the slash commands with Discord.
import 'dotenv/config';
import { commandDefinitions } from '../commands/index.js';
import { ConfigError, loadConfig } from '../src/config.js';
import { registerCommands } from '../src/discord/register-commands.js';

Promise.resolve()
  .then(() => registerCommands(loadConfig(), commandDefinitions))
  .then(({ count, where }) => console.log(`Registered ${count} commands for ${where}.`))
  .catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Could not register commands: ${(error as Error).message}`);
    process.exitCode = 1;
  });
