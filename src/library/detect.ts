import { looksLikeAo3Html, looksLikeHtml } from './formats/ao3/ao3-html.js';
import { looksLikeAo3Text } from './formats/ao3/ao3-text.js';
import { looksLikeGutenberg } from './formats/gutenberg.js';
import { hasFrontMatter } from './formats/markdown.js';
import type { FormatName } from './model.js';
import { UnreadableWork } from './unreadable.js';

/** The format of a text file, judged by its content first; the extension only breaks a tie for Markdown. */
export function detectTextFormat(text: string, file: string): Exclude<FormatName, 'epub'> {
  if (looksLikeHtml(text)) {
    if (looksLikeAo3Html(text)) return 'ao3-html';
    throw new UnreadableWork('HTML that is not an AO3 download (no "#chapters" section); unknown layout');
  }
  if (looksLikeGutenberg(text)) return 'gutenberg';
  if (hasFrontMatter(text)) return 'markdown';
  if (looksLikeAo3Text(text)) return 'ao3-text';
  if (/\.(?:md|markdown)$/i.test(file)) return 'markdown';
  return 'text';
}
