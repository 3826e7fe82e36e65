// The floor for `npm run bench:turns`: the least a discord.js bot can do for a page turn. It answers every
// slash command with the page in FLOOR_PAGE_FILE and every click by updating the message to that same page,
// with the client set up as the story bot's (src/app.ts). Prints `ready` once logged in.
import { readFileSync } from 'node:fs';
import { Client, Events, GatewayIntentBits, Partials, type BaseMessageOptions } from 'discord.js';

const page = JSON.parse(readFileSync(process.env['FLOOR_PAGE_FILE']!, 'utf8')) as BaseMessageOptions;
const client = new Client({
  intents: [GatewayIntentBits.Guilds],
  partials: [Partials.Channel],
  allowedMentions: { parse: [], repliedUser: false },
  rest: { api: process.env['DISCORD_API_URL']! },
});
client.on(Events.InteractionCreate, (interaction) => {
  const answer = interaction.isButton() ? interaction.update(page) : interaction.isChatInputCommand() ? interaction.reply(page) : undefined;
  answer?.catch((error: unknown) => console.error('floor bot could not answer:', (error as Error).message));
});
client.once(Events.ClientReady, () => console.log('ready'));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void client.destroy().then(() => process.exit(0)));
await client.login(process.env['DISCORD_TOKEN']!);
