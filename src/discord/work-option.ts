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

/** The work asked for; the rating gate is the caller's, so that a refusal can say why. */
export function resolveWork(ctx: BotContext, query: string, channel: Channel | null): Work {
  const result = ctx.catalog.resolve(query);
  if (result.kind === 'found') return result.work;
  // Only titles this channel may show are offered as alternatives.
  const names = result.suggestions.filter(worksAllowedIn(channel)).map((w) => `**${escapeMarkdown(w.meta.title)}**`);
  const what = result.kind === 'ambiguous' ? `Several works start with “${truncate(query, 100)}”.` : `No work matches “${truncate(query, 100)}”.`;
  throw new UserError(names.length > 0 ? `${what} Did you mean ${names.join(', ')}?` : `${what} Use /works to see the library.`);
}

export async function autocompleteWork(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const input = String(interaction.options.getFocused());
  const works = ctx.catalog.suggest(input, worksAllowedIn(interaction.channel), CHOICE_LIMIT);
  await interaction.respond(works.map((w) => ({ name: truncate(w.meta.title, 100), value: w.id })));
}
