// Small works built in code, for tests that need a Work without the library's parsers.
import type { Block, Paragraph, SceneBreak, Span, Work, Rating } from '../../src/library/model.js';

export function paragraph(text: string, spans: Span[] = []): Paragraph {
  return { kind: 'paragraph', text, spans };
}

export const sceneBreak: SceneBreak = { kind: 'sceneBreak' };

export function workOf(chapters: Block[][], options: { id?: string; epigraph?: string[]; rating?: Rating } = {}): Work {
  const id = options.id ?? 'fixture';
  return {
    id,
    file: `${id}.txt`,
    format: 'text',
    meta: { title: id, rating: options.rating ?? 'General Audiences', warnings: [], fandoms: [], relationships: [], characters: [], tags: [] },
    epigraph: options.epigraph ?? [],
    chapters: chapters.map((blocks, i) => ({ title: `Chapter ${i + 1}`, blocks })),
  };
}

/** Prose of a given length in words, sentences of 8-20 words, deterministic. */
export function prose(words: number, seed = 1): string {
  const vocabulary = ['the', 'fire', 'spread', 'quickly', 'through', 'old', 'building', 'while', 'Alec', 'ran', 'upstairs', 'and', 'Magnus', 'waited', 'outside', 'in', 'rain'];
  const out: string[] = [];
  let state = seed;
  let sentence = 0;
  for (let i = 0; i < words; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    let word = vocabulary[state % vocabulary.length]!;
    if (sentence === 0) word = word[0]!.toUpperCase() + word.slice(1);
    sentence++;
    if (sentence >= 8 + (state % 13) || i === words - 1) {
      word += '.';
      sentence = 0;
    }
    out.push(word);
  }
  return out.join(' ');
}

/** A three-chapter work with emphasis in every paragraph, scene breaks and an epigraph. */
export function emphasisedWork(): Work {
  const chapter = (seed: number) =>
    Array.from({ length: 24 }, (_, i) => {
      if (i % 9 === 8) return sceneBreak;
      const text = prose(60 + ((i * 37 + seed) % 140), seed * 100 + i);
      const firstSpace = text.indexOf(' ');
      return paragraph(text, [
        { start: 0, end: text.length, style: i % 2 === 0 ? 'italic' : 'bold' },
        { start: firstSpace + 1, end: text.indexOf(' ', firstSpace + 1), style: 'underline' },
      ]);
    });
  return workOf([chapter(1), chapter(2), chapter(3)], { epigraph: ['A tiny spark can set a great forest on fire', 'James 3:5'] });
}
