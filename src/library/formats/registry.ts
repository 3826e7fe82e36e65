import { UnreadableWork } from '../unreadable.js';
import { ao3Html } from './ao3/ao3-html.js';
import { ao3Text } from './ao3/ao3-text.js';
import { epub } from './epub/epub.js';
import { workFile, type Evidence, type ParsedWork, type WorkFile } from './format.js';
import { gutenberg } from './gutenberg.js';
import { markdown } from './markdown.js';
import { plainText } from './plain-text.js';

/**
 * The formats of README's "The library", in the order they are asked. A format's `detect` says how it
 * knows a file is its own: by 'content' (zip bytes, HTML, a Gutenberg START line, front matter, AO3's
 * landmarks), by 'name' only (`.md`), or as the 'fallback' (plain text takes any text). Stronger evidence
 * wins, content over name over fallback; between equals, the format earlier here. So a `.md` file with
 * AO3's landmarks is AO3 page text, and one with neither those nor front matter is Markdown.
 *
 * A format that claims a file by content refuses it with the reason when it cannot read it: EPUB a zip
 * that is not an EPUB, AO3 HTML any other HTML. Formats after EPUB read the file's text (`lines`, `pieces`
 * or `head`), so a file that is not UTF-8 text is refused with decode.ts's reason.
 *
 * Adding a format: its file (or folder) in formats/ exporting `{ name, detect, parse }`, and a line here.
 */
export const FORMATS = [epub, ao3Html, gutenberg, markdown, ao3Text, plainText] as const;

type KnownFormat = (typeof FORMATS)[number];
export type FormatName = KnownFormat['name'];

const STRENGTH: Record<Evidence, number> = { content: 2, name: 1, fallback: 0 };

/** Any supported file's bytes to a parsed work; throws UnreadableWork with the reason otherwise. */
export function parseWork(name: string, bytes: Uint8Array): ParsedWork & { format: FormatName } {
  const file = workFile(name, bytes);
  const format = detectFormat(file);
  return { format: format.name, ...format.parse(file) };
}

/** Content is the strongest evidence, so the first format that sees it is chosen without asking the rest. */
function detectFormat(file: WorkFile): KnownFormat {
  let chosen: { format: KnownFormat; strength: number } | undefined;
  for (const format of FORMATS) {
    const evidence = format.detect(file);
    if (evidence === 'content') return format;
    if (evidence && (!chosen || STRENGTH[evidence] > chosen.strength)) chosen = { format, strength: STRENGTH[evidence] };
  }
  if (!chosen) throw new UnreadableWork('no format takes this file');
  return chosen.format;
}
