// `npm start`: read the config, start the bot, and close the gateway and the store on SIGINT/SIGTERM.
import 'dotenv/config';
import { startBot } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, [config.token]);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  const bot = await startBot(config, { logger }).catch((err: unknown) => {
    if ((err as { code?: unknown }).code === 'TokenInvalid') {
      throw new ConfigError(['DISCORD_TOKEN was refused by Discord: copy it again from the Bot tab of the developer portal.']);
    }
    logger.fatal({ err }, 'could not start');
    process.exit(1);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'shutting down');
      bot.stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
}

main().catch((error: unknown) => {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) console.error(`Configuration error: ${problem}`);
  process.exit(1);
});
