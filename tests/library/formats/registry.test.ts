import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseWork } from '../../../src/library/formats/registry.js';
import { epub3 } from './epub-fixtures.js';

const PLAIN = 'A Title\n\nThe text.\n';
const FRONT_MATTER = '---\ntitle: A Title\n---\n';
const AO3_PAGE = 'Work Header\n\nA Title\n\nWork Text:\n\nThe text.\n';
const GUTENBERG = '*** START OF THE PROJECT GUTENBERG EBOOK A TITLE ***\n\nThe text.\n\n*** END OF THE PROJECT GUTENBERG EBOOK A TITLE ***\n';
const AO3_HTML = '<!DOCTYPE html><html><body><div id="chapters"><p>The text.</p></div></body></html>';
const OTHER_HTML = '<!DOCTYPE html><html><body><p>Just a page.</p></body></html>';

const parse = (name: string, content: string | Uint8Array) => parseWork(name, typeof content === 'string' ? strToU8(content) : content);

describe('the format registry', () => {
  it.each([
    ['a .md file without front matter', 'markdown', 'story.md', PLAIN],
    ['a .markdown file without front matter', 'markdown', 'story.markdown', PLAIN],
    ['a .md file with front matter', 'markdown', 'story.md', `${FRONT_MATTER}The text.\n`],
    ['a .txt file with front matter', 'markdown', 'story.txt', `${FRONT_MATTER}The text.\n`],
    ['a .txt file that nothing else claims', 'text', 'story.txt', PLAIN],
    ['a .md file with AO3 landmarks (content beats the name)', 'ao3-text', 'story.md', AO3_PAGE],
    ['front matter above AO3 landmarks (Markdown is asked first)', 'markdown', 'story.txt', FRONT_MATTER + AO3_PAGE],
    ['front matter above a Gutenberg START line (Gutenberg is asked first)', 'gutenberg', 'book.md', FRONT_MATTER + GUTENBERG],
    ["AO3's HTML download whatever its name", 'ao3-html', 'work.txt', AO3_HTML],
    ['an EPUB whatever its name', 'epub', 'book.md', epub3()],
  ])('reads %s as %s', (_, format, name, content) => {
    expect(parse(name, content).format).toBe(format);
  });

  it.each([
    ['HTML that is not an AO3 download, even with a Gutenberg START line,', 'page.md', `${OTHER_HTML}\n${GUTENBERG}`,
      'HTML that is not an AO3 download (no "#chapters" section); unknown layout'],
    ['a zip that is not an EPUB', 'archive.epub', zipSync({ 'readme.txt': strToU8('hello') }),
      'a zip archive that is not an EPUB (no META-INF/container.xml)'],
    ['a .md file that is not UTF-8', 'story.md', Buffer.from('Caf\xe9\n', 'latin1'),
      'not valid UTF-8 text (first bad byte on line 1); save it as UTF-8'],
  ])('refuses %s with its reason', (_, name, content, reason) => {
    expect(() => parse(name, content)).toThrow(reason);
  });
});
