import { decodeText } from './decode.js';
import { detectTextFormat } from './detect.js';
import { parseAo3Html } from './formats/ao3/ao3-html.js';
import { parseAo3Text } from './formats/ao3/ao3-text.js';
import { parseEpub } from './formats/epub/epub.js';
import { isZip } from './formats/epub/package.js';
import { parseGutenberg } from './formats/gutenberg.js';
import { parseMarkdown } from './formats/markdown.js';
import type { ParsedWork } from './formats/parsed-work.js';
import { parsePlainText } from './formats/plain-text.js';
import type { FormatName } from './model.js';

const TEXT_PARSERS: Record<Exclude<FormatName, 'epub'>, (text: string) => ParsedWork> = {
  text: parsePlainText,
  'ao3-text': parseAo3Text,
  'ao3-html': parseAo3Html,
  gutenberg: parseGutenberg,
  markdown: parseMarkdown,
};

/** Any supported file's bytes to a parsed work; throws UnreadableWork with the reason otherwise. */
export function parseWork(file: string, bytes: Uint8Array): ParsedWork {
  if (isZip(bytes)) return parseEpub(bytes);
  const text = decodeText(bytes);
  return TEXT_PARSERS[detectTextFormat(text, file)](text);
}
