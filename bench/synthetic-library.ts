// The synthetic library bench:library loads: 1,000 works (~93 MB) in the bot's formats, mostly plain text
// and AO3 page text, with some HTML, Markdown and EPUB. Seeded, so every run reads the same bytes.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';

export const WORKS = 1000;
const WORK_BYTES = 100_000;
const WORDS = 'the a spark fire night city light hand door voice quiet rain alec magnus said looked smiled turned toward again'.split(' ');

function randomFrom(seed: number): () => number {
  let state = seed;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function paragraphs(seed: number, bytes: number): string[] {
  const random = randomFrom(seed);
  const out: string[] = [];
  for (let size = 0; size < bytes; ) {
    const words = Array.from({ length: 20 + Math.floor(random() * 120) }, () => WORDS[Math.floor(random() * WORDS.length)]);
    const text = `“${words.join(' ')}.”`;
    out.push(text);
    size += text.length + 2;
  }
  return out;
}

function plainText(n: number): string {
  const body = paragraphs(n, WORK_BYTES).map((p, i) => (i % 40 === 39 ? `${p}\n\n` : p));
  return `Synthetic Work ${n}\n\n${body.join('\n\n')}\n`;
}

function ao3Text(n: number): string {
  const chapters = [0, 1, 2].map((c) => `Chapter ${c + 1}: Part ${c}\n\nChapter Text\n\n${paragraphs(n * 3 + c, WORK_BYTES / 3).join('\n\n\n')}`);
  return `Work Header\n\nSynthetic AO3 ${n}\n\nSummary:\n\nA summary.\n\n${chapters.join('\n\nNotes:\n\nEnd notes.\n\n')}\n`;
}

function ao3Html(n: number): string {
  const chapter = (c: number) =>
    `<div class="meta group"><h2 class="heading">Chapter ${c + 1}</h2></div><div class="userstuff">${paragraphs(n + c, WORK_BYTES / 2)
      .map((p) => `<p>${p.replace('spark', '<em>spark</em>')}</p>`)
      .join('\n')}</div>`;
  return `<!DOCTYPE html><html><body><div id="preface"><h1>Synthetic HTML ${n}</h1><dl class="tags"><dt>Rating:</dt><dd>Mature</dd></dl></div>
<div id="chapters" class="userstuff">${chapter(0)}${chapter(1)}</div></body></html>`;
}

function markdown(n: number): string {
  const body = paragraphs(n, WORK_BYTES).map((p) => p.replace('fire', '*fire*'));
  return `---\ntitle: Synthetic Markdown ${n}\nrating: General Audiences\n---\n# One\n\n${body.slice(0, 200).join('\n\n')}\n\n# Two\n\n${body.slice(200).join('\n\n')}\n`;
}

function epubBook(n: number): Uint8Array {
  const page = (text: string[]) => strToU8(`<html><body>${text.map((p) => `<p>${p}</p>`).join('')}</body></html>`);
  const body = paragraphs(n, WORK_BYTES);
  return zipSync({
    mimetype: strToU8('application/epub+zip'),
    'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>'),
    'content.opf': strToU8(`<package><metadata><dc:title>Synthetic EPUB ${n}</dc:title></metadata><manifest>
      <item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
      </manifest><spine><itemref idref="a"/><itemref idref="b"/></spine></package>`),
    'a.xhtml': page(body.slice(0, 300)),
    'b.xhtml': page(body.slice(300)),
  });
}

/** Mostly plain text and AO3 page text, with some HTML, Markdown and EPUB. */
function synthetic(n: number): [name: string, content: string | Uint8Array] {
  const slot = n % 20;
  if (slot < 11) return [`work-${n}.txt`, plainText(n)];
  if (slot < 16) return [`ao3-${n}.txt`, ao3Text(n)];
  if (slot < 18) return [`html-${n}.html`, ao3Html(n)];
  if (slot < 19) return [`md-${n}.md`, markdown(n)];
  return [`epub-${n}.epub`, epubBook(n)];
}

/** Writes the library into `dir` and says how many works and bytes it holds. */
export async function writeSyntheticLibrary(dir: string): Promise<{ works: number; bytes: number }> {
  let bytes = 0;
  for (let n = 0; n < WORKS; n++) {
    const [name, content] = synthetic(n);
    bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
    await writeFile(join(dir, name), content);
  }
  return { works: WORKS, bytes };
}
