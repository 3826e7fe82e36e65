// The five commands as plain data (SPEC section 3). `npm run deploy-commands` imports only this file, so
// registering commands never loads the library, the store or the client.
import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord-api-types/v10';

// Readers use the bot in servers and in DMs with it; user installs are left for later.
const everywhere = {
  integration_types: [ApplicationIntegrationType.GuildInstall],
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
};

const workOption = (required: boolean, description: string) =>
  ({ type: ApplicationCommandOptionType.String, name: 'work', description, required, autocomplete: true, max_length: 200 }) as const;

export const commandDefinitions = [
  { name: 'works', description: 'List the works this channel can show', ...everywhere },
  {
    name: 'read',
    description: 'Read a work, from where you left off or from a chapter',
    options: [
      workOption(true, 'Title of the work'),
      { type: ApplicationCommandOptionType.Integer, name: 'chapter', description: 'Chapter number to start at', required: false, min_value: 1 },
    ],
    ...everywhere,
  },
  { name: 'resume', description: 'Continue a work, or the one you read last', options: [workOption(false, 'Title of the work (default: your latest)')], ...everywhere },
  { name: 'progress', description: 'See, or delete, where you are in each work', ...everywhere },
  { name: 'excerpt', description: 'A random passage, with a button to read on', options: [workOption(false, 'Only from this work')], ...everywhere },
] as const satisfies readonly RESTPostAPIChatInputApplicationCommandsJSONBody[];

export type CommandName = (typeof commandDefinitions)[number]['name'];
