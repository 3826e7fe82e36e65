// A long generated work for the pagination benchmark and the comparison with the reference paginator.
import type { Block, Work } from '../../src/library/model.js';
import { mulberry32 } from '../support/seeded-random.js';

/** Prose with dialogue, emphasis, markdown-like characters, paragraphs of 1-12 sentences and scene breaks. */
export function syntheticWork(bytes: number): Work {
  const rng = mulberry32(1);
  const words = ['the', 'fire', 'Alec', 'Magnus', 'ran', 'through', 'smoke', 'and', 'rain', 'quietly', 'building', 'a', '*star*', 'snake_case', 'naïve', '👩‍🚒', '🇫🇷', 'Mr.', 'Dr.', 'p.m.'];
  const pick = <T>(list: readonly T[]) => list[Math.floor(rng() * list.length)]!;
  const sentence = () => {
    const body = Array.from({ length: 5 + Math.floor(rng() * 20) }, () => pick(words)).join(' ');
    const text = body[0]!.toUpperCase() + body.slice(1);
    return rng() < 0.3 ? `“${text}?” she asked.` : `${text}.`;
  };
  const blocks: Block[] = [];
  let size = 0;
  while (size < bytes) {
    if (rng() < 0.03) blocks.push({ kind: 'sceneBreak' });
    const text = (rng() < 0.05 ? '- ' : '') + Array.from({ length: 1 + Math.floor(rng() * 12) }, sentence).join(' ');
    const cut = text.indexOf(' ', Math.floor(text.length / 3));
    blocks.push({ kind: 'paragraph', text, spans: rng() < 0.3 && cut > 0 ? [{ start: 0, end: cut, style: 'italic' }] : [] });
    size += Buffer.byteLength(text) + 2;
  }
  return {
    id: 'synthetic',
    file: 'synthetic.txt',
    format: 'text',
    meta: { title: 'Synthetic', rating: 'General Audiences', warnings: [], fandoms: [], relationships: [], characters: [], tags: [] },
    epigraph: [],
    chapters: [{ title: 'Synthetic', blocks }],
  };
}
