// `npm run preview -- FILE [--page N]`: a work's card and one of its pages as readers will see them, read by
// the library's own pipeline (with a NAME.meta.json beside it, as the loader reads it), paginated and rendered
// by the reading view itself, printed as plain text. Exits 1 with the reason when the file cannot be read.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { APIEmbed, APIActionRowComponent, APIComponentInMessageActionRow } from 'discord.js';
import { validateMeta } from '../src/library/meta.js';
import type { WorkMeta } from '../src/library/model.js';
import { readOneWork } from '../src/library/one-work.js';
import { sidecarFor } from '../src/library/sidecar.js';
import { countWords } from '../src/library/stats.js';
import { renderPage } from '../src/discord/reading-view/render.js';
import { pageAt } from '../src/reading/navigation.js';
import { paginateWork } from '../src/reading/paginate.js';
import { plural } from '../src/util/plural.js';

function fail(reason: string): never {
  console.error(reason);
  process.exit(1);
}

function argsOf(argv: readonly string[]): { file: string; page: number } {
  const at = argv.indexOf('--page');
  const page = at === -1 ? 1 : Number(argv[at + 1]);
  const file = argv.find((arg, i) => !arg.startsWith('--') && (at === -1 || i !== at + 1));
  if (!file) fail('usage: npm run preview -- FILE [--page N]');
  if (!Number.isInteger(page) || page < 1) fail('--page takes a page number, 1 or more');
  return { file, page };
}

function sidecarOf(file: string): Partial<WorkMeta> {
  const path = sidecarFor(file);
  if (!existsSync(path)) return {};
  const checked = validateMeta(JSON.parse(readFileSync(path, 'utf8')), { strict: true });
  if (!checked.ok) fail(`${path}: ${checked.problem}`);
  return checked.meta;
}

function embedText(embed: APIEmbed): string[] {
  return [embed.author?.name, embed.title, embed.description, embed.footer?.text].filter((part): part is string => Boolean(part));
}

function controlsText(rows: readonly APIActionRowComponent<APIComponentInMessageActionRow>[]): string[] {
  return rows.map((row) => row.components.map((c) => ('label' in c && c.label ? `[${c.label}]` : 'placeholder' in c ? `[${c.placeholder ?? 'choose'} ▾]` : '')).join(' '));
}

/** Discord's markdown as a terminal shows it: bold and underline markers dropped, escapes undone. */
function plain(text: string): string {
  return text.replace(/\*\*|__/g, '').replace(/\\([\\*_~`|>#\-.[\]()])/g, '$1');
}

const { file, page } = argsOf(process.argv.slice(2));
let read;
try {
  read = readOneWork(basename(file), readFileSync(file), sidecarOf(file));
} catch (error) {
  fail(`${file} cannot be read: ${(error as Error).message}`);
}
const { work } = read;
const chapters = paginateWork(work);
const total = chapters.reduce((sum, pages) => sum + pages.length, 0);
if (page > total) fail(`${file} has ${plural(total, 'page')}; there is no page ${page}`);

console.log([
  work.meta.title,
  `by ${work.meta.author ?? 'an unknown author'}`,
  `Format: ${work.format}`,
  `Rating: ${work.meta.rating}`,
  `Warnings: ${work.meta.warnings.length > 0 ? work.meta.warnings.join(', ') : 'none given'}`,
  `${plural(work.chapters.length, 'chapter')} · ${countWords(work).toLocaleString('en-US')} words · ${plural(total, 'page')}`,
].join('\n'));

let left = page - 1;
const chapter = chapters.findIndex((pages) => (left < pages.length ? true : ((left -= pages.length), false)));
const at = pageAt(work, { chapter, offset: chapters[chapter]![left]!.start });
const view = renderPage(work, at, '0', { firstPage: page === 1 });
const toJson = <T>(part: T) => (typeof part === 'object' && part !== null && 'toJSON' in part ? (part as { toJSON(): T }).toJSON() : part);
console.log(`\n--- page ${page}/${total} (chapter ${chapter + 1}, page ${at.index + 1}/${at.pageCount}) ---\n`);
console.log([
  ...(view.content ? [view.content] : []),
  ...(view.embeds ?? []).flatMap((embed) => embedText(toJson(embed) as APIEmbed)),
  ...controlsText((view.components ?? []).map((row) => toJson(row) as APIActionRowComponent<APIComponentInMessageActionRow>)),
].map(plain).join('\n\n'));
