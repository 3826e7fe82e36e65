// /library add, remove and list: a server's own works, uploaded from Discord (README "Per-server libraries").
// Only members with Manage Server are offered it (server admins can change who in Integrations settings), only
// in servers. The files go to LIBRARY_DIR/servers/<guildId>/ (src/library/uploads.ts), where the live library
// loads them, at once: each answer waits for that reload. The rating gate shows them in that server only
// (src/rating-gate/server-works.ts).
import {
  ApplicationCommandOptionType, ApplicationIntegrationType, escapeMarkdown, InteractionContextType, MessageFlags,
  PermissionFlagsBits, type APIEmbed, type AutocompleteInteraction, type ChatInputCommandInteraction,
} from 'discord.js';
import { RATINGS, type Work } from '../src/library/model.js';
import { serverOfFile } from '../src/library/server-files.js';
import { countWords } from '../src/library/stats.js';
import { isRating, ServerUploads, UploadRefused, WORKS_PER_SERVER, type Added } from '../src/library/uploads.js';
import type { Command } from '../src/discord/command.js';
import type { BotContext } from '../src/discord/context.js';
import { replyEphemeral } from '../src/discord/reply.js';
import { UserError } from '../src/discord/user-error.js';
import { truncate, workEmbed } from '../src/discord/work-embed.js';
import { venueOf } from '../src/rating-gate/interaction.js';
import { isAgeRestricted } from '../src/rating-gate/policy.js';
import { plural } from '../src/util/plural.js';

/** What fits in one embed description (4,096) with room for the last line. */
const LIST_BUDGET = 3_800;
const NO_PINGS = { parse: [] };

export const library: Command = {
  data: {
    name: 'library',
    description: "Manage this server's own works",
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild],
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand, name: 'add', description: "Add a work file to this server's library",
        options: [
          { type: ApplicationCommandOptionType.Attachment, name: 'file', description: 'AO3 HTML or EPUB download, EPUB, plain text or Markdown', required: true },
          { type: ApplicationCommandOptionType.String, name: 'rating', description: 'For a file that gives no rating of its own (else Not Rated)', required: false, choices: RATINGS.map((r) => ({ name: r, value: r })) },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: "Remove a work this server added",
        options: [{ type: ApplicationCommandOptionType.String, name: 'work', description: 'One of this server\'s works', required: true, autocomplete: true, max_length: 200 }],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'list', description: "This server's own works, who added them, and refused uploads" },
      {
        type: ApplicationCommandOptionType.Subcommand, name: 'notices', description: 'Post notices of new works and chapters in this channel, or stop',
        options: [{ type: ApplicationCommandOptionType.Boolean, name: 'on', description: 'True: post them here; false: post them nowhere', required: true }],
      },
    ],
  },
  async execute(interaction, ctx) {
    const uploads = uploadsOf(interaction, ctx);
    const sub = interaction.options.getSubcommand();
    if (sub === 'add') await add(interaction, ctx, uploads);
    else if (sub === 'remove') await remove(interaction, ctx, uploads);
    else if (sub === 'notices') await notices(interaction, ctx);
    else await list(interaction, ctx, uploads);
  },
  async autocomplete(interaction: AutocompleteInteraction, ctx) {
    const guildId = interaction.guildId;
    const works = guildId ? ctx.catalog.suggest(String(interaction.options.getFocused()), (w) => serverOfFile(w.file) === guildId, 25) : [];
    await interaction.respond(works.map((w) => ({ name: truncate(w.meta.title, 100), value: w.id })));
  },
};

function uploadsOf(interaction: ChatInputCommandInteraction, ctx: BotContext): ServerUploads {
  if (!interaction.guildId) throw new UserError('/library manages a server\'s own works: use it in a server.');
  return new ServerUploads(ctx.libraryDir, interaction.guildId);
}

async function add(interaction: ChatInputCommandInteraction, ctx: BotContext, uploads: ServerUploads): Promise<void> {
  const file = interaction.options.getAttachment('file', true);
  const rating = interaction.options.getString('rating');
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const added = await uploads.add({ name: file.name, size: file.size, url: file.url, rating: isRating(rating) ? rating : null, by: interaction.user.id, at: ctx.now() });
    ctx.logger.info({ guild: uploads.guildId, file: added.work.file, user: interaction.user.id }, 'work uploaded');
    await ctx.reloadLibrary();
    await interaction.editReply({ embeds: [card(added)], allowedMentions: NO_PINGS });
  } catch (error) {
    if (!(error instanceof UploadRefused)) throw error;
    ctx.logger.info({ guild: uploads.guildId, name: file.name, reason: error.message }, 'upload refused');
    await interaction.editReply({ content: error.message, allowedMentions: NO_PINGS });
  }
}

function card({ work, ratingKept }: Added): APIEmbed {
  const kept = ratingKept ? `\n(The file's own rating, ${ratingKept.file}, is kept: an upload never changes it.)` : '';
  return workEmbed(work, {
    title: truncate(work.meta.title, 256),
    description: [
      `Rating: ${work.meta.rating}${kept}`,
      `Warnings: ${work.meta.warnings.length > 0 ? escapeMarkdown(work.meta.warnings.join(', ')) : 'none given'}`,
      `${plural(work.chapters.length, 'chapter')} · ${countWords(work).toLocaleString('en-US')} words`,
    ].join('\n'),
    footer: { text: "Added to this server's library: readable in this server only, now." },
  });
}

async function remove(interaction: ChatInputCommandInteraction, ctx: BotContext, uploads: ServerUploads): Promise<void> {
  const query = interaction.options.getString('work', true);
  const found = ctx.catalog.resolve(query, (w) => serverOfFile(w.file) === uploads.guildId);
  if (found.kind !== 'found') throw new UserError(`“${escapeMarkdown(truncate(query, 100))}” is not one of this server's uploads. /library list shows them.`);
  // Deferred, as add is: the answer waits for the library to be loaded without the work.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  await uploads.remove(found.work.file);
  ctx.logger.info({ guild: uploads.guildId, file: found.work.file, user: interaction.user.id }, 'upload removed');
  await ctx.reloadLibrary();
  await interaction.editReply({ content: `Removed **${escapeMarkdown(truncate(found.work.meta.title, 200))}** from this server's library.`, allowedMentions: NO_PINGS });
}

async function list(interaction: ChatInputCommandInteraction, ctx: BotContext, uploads: ServerUploads): Promise<void> {
  const { works: records, refused } = await uploads.list();
  const ours = ctx.catalog.all().filter((w) => serverOfFile(w.file) === uploads.guildId);
  const inCatalog = new Set(ours.map((w) => w.file.slice(uploads.folder.length + 1)));
  const lines = [
    ...ours.map((work) => describe(work, records.get(work.file.slice(uploads.folder.length + 1)))),
    ...[...records].filter(([name]) => !inCatalog.has(name)).map(([name, r]) => `${escapeMarkdown(name)} (being loaded, or could not be read) · added by <@${r.by}> ${when(r.at)}`),
  ];
  const skipped = refused.map((r) => `${escapeMarkdown(truncate(r.name, 80))}: ${r.reason} (<@${r.by}>, ${when(r.at)})`);
  const sections = [
    lines.length > 0 ? fit(lines) : 'No works added yet: /library add uploads one.',
    ...(skipped.length > 0 ? [`**Refused uploads**\n${fit(skipped)}`] : []),
  ];
  const embed = { title: "This server's library", description: truncate(sections.join('\n\n'), 4_096), footer: { text: `${records.size}/${WORKS_PER_SERVER} works · readable in this server only` } };
  await interaction.reply({ embeds: [embed], flags: MessageFlags.Ephemeral, allowedMentions: NO_PINGS });
}

function describe(work: Work, record: { by: string; at: number } | undefined): string {
  const who = record ? `added by <@${record.by}> ${when(record.at)}` : 'put in its folder outside Discord';
  return `**${escapeMarkdown(truncate(work.meta.title, 80))}** · ${work.meta.rating} · ${who}`;
}

const when = (at: number) => `<t:${Math.floor(at / 1000)}:d>`;

/** As many lines as fit half the description, and how many more there are. */
function fit(lines: readonly string[]): string {
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    if (used + line.length > LIST_BUDGET / 2) return [...kept, `…and ${lines.length - kept.length} more`].join('\n');
    kept.push(line);
    used += line.length + 1;
  }
  return kept.join('\n');
}

/**
 * Notices go to the channel the command is run in, which the admin is looking at, so it needs no channel
 * option: the bot must be allowed to send messages there (an invite with no permissions cannot).
 */
async function notices(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void> {
  const on = interaction.options.getBoolean('on', true);
  await ctx.store.noticeChannels.set(interaction.guildId!, on ? interaction.channelId : undefined);
  const where = `<#${interaction.channelId}>`;
  const restricted = isAgeRestricted(venueOf(interaction.channel))
    ? 'Mature, Explicit and Not Rated works are announced here too, since this channel is age-restricted.'
    : 'Mature, Explicit and Not Rated works are not announced here: this channel is not age-restricted.';
  await replyEphemeral(
    interaction,
    on
      ? `New works and new chapters will be announced in ${where}, pinging nobody. ${restricted} The bot needs permission to send messages here.`
      : 'New works and chapters will not be announced in this server any more.',
  );
}
