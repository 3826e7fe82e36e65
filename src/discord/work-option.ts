// The `work` option of /read, /resume and /excerpt: its definition, what autocomplete returned (an id) or
// what a person typed (a title in any case, or an unambiguous prefix), and its autocomplete.
import { ApplicationCommandOptionType, escapeMarkdown, type AutocompleteInteraction } from 'discord.js';
import type { Showable } from '../rating-gate/policy.js';
import { gateFor, type Gate } from '../rating-gate/interaction.js';
import type { BotContext } from './context.js';
import { UserError } from './user-error.js';
import { truncate } from './work-embed.js';

/** Discord's limit on autocomplete choices. */
const CHOICE_LIMIT = 25;

export function workOption(required: boolean, description: string) {
  return { type: ApplicationCommandOptionType.String, name: 'work', description, required, autocomplete: true, max_length: 200 } as const;
}

/**
 * The work asked for, if this channel may show it. A prefix is read among the works the channel may show
 * first, as autocomplete offers only those; a restricted work named outright is refused with the reason.
 */
export function resolveWork(ctx: BotContext, query: string, gate: Gate): Showable {
  const here = ctx.catalog.resolve(query, gate.allows);
  if (here.kind === 'found') return gate.check(here.work);
  const anywhere = ctx.catalog.resolve(query);
  if (anywhere.kind === 'found') return gate.check(anywhere.work);
  const names = here.suggestions.map((w) => `**${escapeMarkdown(w.meta.title)}**`);
  const what = here.kind === 'ambiguous' ? `Several works start with “${truncate(query, 100)}”.` : `No work matches “${truncate(query, 100)}”.`;
  throw new UserError(names.length > 0 ? `${what} Did you mean ${names.join(', ')}?` : `${what} Use /works to see the library.`);
}

export async function autocompleteWork(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void> {
  const input = String(interaction.options.getFocused());
  const works = ctx.catalog.suggest(input, gateFor(interaction).allows, CHOICE_LIMIT);
  await interaction.respond(works.map((w) => ({ name: truncate(w.meta.title, 100), value: w.id })));
}
