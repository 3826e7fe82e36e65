// A tiny bot on the real discord.js client, used to prove the emulator before the story bot relies on it.
// Handlers are swapped per test; every error they throw is kept so a test can assert on it, and the bot
// then answers with an apology (as the story bot will), so the interaction settles without waiting 3 s.
import {
  Client, Events, GatewayIntentBits, MessageFlags, Partials, type Interaction,
} from 'discord.js';
import { afterAll, afterEach, expect } from 'vitest';
import { startEmulator, type Emulator } from '../support/emulator/index.js';

export type Handler = (interaction: Interaction) => Promise<unknown>;

export interface TestBot {
  client: Client;
  errors: unknown[];
  /** Handles `/name`, autocomplete for it, and components and modals whose custom_id starts with `name`. */
  on(name: string, handler: Handler): void;
  stop(): Promise<void>;
}

function keyOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId.split(':')[0] ?? '';
  return '';
}

export function createClient(emu: Emulator): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    // DM channels are not cached from GUILD_CREATE; without this partial, interaction.channel is null in DMs.
    partials: [Partials.Channel],
    allowedMentions: { parse: [] },
    rest: { api: emu.apiUrl },
    ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
  });
}

export async function login(client: Client, token: string): Promise<void> {
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(token);
  await ready;
}

async function apologise(interaction: Interaction): Promise<void> {
  if (!interaction.isRepliable()) return;
  const reply = { content: 'Something went wrong.', flags: MessageFlags.Ephemeral } as const;
  if (interaction.replied || interaction.deferred) await interaction.followUp(reply);
  else await interaction.reply(reply);
}

export async function startTestBot(emu: Emulator): Promise<TestBot> {
  const client = createClient(emu);
  const handlers = new Map<string, Handler>();
  const errors: unknown[] = [];
  client.on(Events.Error, (error) => errors.push(error));
  client.on(Events.InteractionCreate, (interaction) => {
    const handler = handlers.get(keyOf(interaction));
    if (!handler) return;
    handler(interaction)
      .catch(async (error: unknown) => {
        errors.push(error);
        await apologise(interaction);
      })
      .catch((error: unknown) => errors.push(error));
  });
  await login(client, emu.token);
  return {
    client, errors,
    on: (name, handler) => void handlers.set(name, handler),
    stop: () => client.destroy(),
  };
}

/**
 * An emulator and a test bot for one test file, stopped after its last test. After each test, `clean` asserts
 * that it left no bot error and no violation; `forget` clears them, for files that provoke them on purpose.
 */
export async function testBotForFile(afterEachTest: 'clean' | 'forget'): Promise<{ emu: Emulator; bot: TestBot }> {
  const emu = await startEmulator();
  const bot = await startTestBot(emu);
  afterAll(async () => {
    await bot.stop();
    await emu.stop();
  });
  afterEach(() => {
    if (afterEachTest === 'clean') {
      expect(bot.errors).toEqual([]);
      expect(emu.takeViolations()).toEqual([]);
    } else {
      bot.errors.length = 0;
      emu.takeViolations();
    }
  });
  return { emu, bot };
}
