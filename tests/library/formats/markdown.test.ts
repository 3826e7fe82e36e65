import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitFrontMatter } from '../../../src/library/formats/markdown.js';
import { loadLibrary } from '../../../src/library/load.js';
import type { Paragraph } from '../../../src/library/model.js';
import { libraryPerTest, loadFixture, texts } from '../temp-library.js';

const library = libraryPerTest();

describe('Markdown with front matter', async () => {
  const work = await loadFixture('markdown-story.md');

  it('reads the metadata from the front matter, ignoring keys it does not know', () => {
    expect(work.format).toBe('markdown');
    expect(work.meta).toEqual({
      title: 'Starlight and Static',
      author: 'M. Writer',
      rating: 'General Audiences',
      warnings: [],
      fandoms: ['Original Work'],
      relationships: [],
      characters: [],
      tags: ['Space', 'Found Family'],
      summary: 'A radio operator hears a voice in the static.',
    });
  });

  it('takes ## headings under a lone # title as chapters, and keeps deeper headings as text', () => {
    expect(work.chapters.map((chapter) => chapter.title)).toEqual(['Part One: Noise', 'Part Two: Signal']);
    expect(texts(work.chapters[1]!.blocks)).toEqual(['Log entry', 'Someone answered.']);
  });

  it('turns *x*, **x**, ~~x~~ and _x_ into spans and leaves unpaired or escaped markers literal', () => {
    const [first, second, , third] = work.chapters[0]!.blocks as Paragraph[];
    expect(first!.text).toBe('The radio crackled at night, and nobody answered. This line continues the same paragraph.');
    expect(first!.spans.map((span) => [first!.text.slice(span.start, span.end), span.style])).toEqual([['crackled', 'italic'], ['nobody', 'bold']]);
    expect(second!.text).toBe('She wrote never always, in her_log_file, 2 * 3 = 6 and a lone * star.');
    expect(second!.spans).toEqual([{ start: 10, end: 15, style: 'strike' }]);
    expect(third!.text).toBe('A new scene began *here*.');
    expect(third!.spans).toEqual([]);
  });

  it('reads a thematic break as a scene break', () => {
    expect(work.chapters[0]!.blocks[2]).toEqual({ kind: 'sceneBreak' });
  });
});

describe('Markdown line breaks', () => {
  it('break a line after two or more trailing spaces or a backslash, and join other lines with a space', async () => {
    const lines = ['Two spaces  ', 'four spaces    ', 'a backslash\\', 'one space ', 'none', 'last  '];
    await library.put('breaks.md', `---\ntitle: Breaks\n---\n${lines.join('\n')}\n`);
    const { works } = await loadLibrary(library.dir);
    expect(texts(works[0]!.chapters[0]!.blocks)).toEqual(['Two spaces\nfour spaces\na backslash\none space none last']);
  });
});

describe('front matter found in the lines of a file', () => {
  // How the file's whole text was split before it came as lines (tests/library/decode.test.ts checks the lines).
  const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
  const line = fc.constantFrom('---', '--- ', '---\t', '----', '...', '.. .', 'title: A', 'x', '', ' ', '# H');

  it('is the YAML and the rest that the whole text gives', () => {
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        const match = FRONT_MATTER.exec(text);
        const expected = match ? { yaml: match[1], body: text.slice(match[0].length).split('\n') } : { body: text.split('\n') };
        expect(splitFrontMatter(text.split('\n'))).toStrictEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
