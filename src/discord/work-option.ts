// The `work` option of /read, /resume and /excerpt: what autocomplete returned (an id) or what a person
// typed (a title in any case, or an unambiguous prefix), and its autocomplete.
import { escapeMarkdown, type AutocompleteInteraction, type Channel } from 'discord.js';
import type { Work } from '../library/model.js';
import type { BotContext } from './context.js';
import { worksAllowedIn } from './rating-gate.js';
import { truncate } from './render/text.js';
import { UserError } from './user-error.js';

/** Discord's limit on autocomplete choices. */
const CHOICE_LIMIT = 25;

/**
 * The work asked for. A prefix is read among the works this channel may show first, as autocomplete
 * offers only those; a restricted work named outright is returned so the caller's gate can say why not.
 */
export function resolveWork(ctx: BotContext, query: string, channel: Channel | null): Work {
  const here = ctx.catalog.resolve(query, worksAllowedIn(channel));
  if (here.kind === 'found') return here.work;
  const anywhere = ctx.catalog.resolve(query);
  if (anywhere.kind === 'found') return anywhere.work;
  const names = here.suggestions.map((w) => `**${escapeMarkdown(w.meta.title)}**`);
  const what = here.kind === 'ambiguous' ? `Several works start with “${truncate(query, 100)}”.` : `No work matches “${truncate(query, 100)}”.`;
  throw new UserError(names.length > 0 ? `${what} Did you mean ${names.join(', ')}?` : `${what} Use /works to see the library.`);
}

export async function autocompleteWork(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const input = String(interaction.options.getFocused());
  const works = ctx.catalog.suggest(input, worksAllowedIn(interaction.channel), CHOICE_LIMIT);
  await interaction.respond(works.map((w) => ({ name: truncate(w.meta.title, 100), value: w.id })));
}
