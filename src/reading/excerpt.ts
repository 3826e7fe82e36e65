// Random passages for /excerpt: whole sentences from one scene, long enough to be worth reading and short
// enough for one message, with the position they came from so the reader can read on.
import type { Work } from '../library/model.js';
import { memoize } from '../util/memo.js';
import { chapterText } from './chapter-text.js';
import { renderRange } from './markdown.js';
import { sentenceRanges, type TextRange } from './sentences.js';

/** Characters (UTF-16 units) in a passage, unless its whole scene is shorter than the minimum. */
export const EXCERPT_MIN = 300;
export const EXCERPT_MAX = 1200;

/** Random draws before falling back to scanning every passage in order. */
const ATTEMPTS = 32;

export interface Excerpt {
  work: Work;
  chapterIndex: number;
  /** [start, end) of the chapter's canonical text: where "read on" opens. */
  start: number;
  end: number;
  text: string;
}

/** A run of paragraphs between scene breaks, as sentences in chapter offsets. */
interface Scene {
  chapterIndex: number;
  sentences: TextRange[];
}

/**
 * A passage from a work that `allow` accepts (a work picked uniformly, then a place in it uniformly by
 * character), or undefined when no allowed work has one. Deterministic for a given rng.
 */
export function pickExcerpt(rng: () => number, works: readonly Work[], allow: (w: Work) => boolean): Excerpt | undefined {
  const allowed = works.filter(allow);
  if (allowed.length === 0) return undefined;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const work = allowed[Math.floor(rng() * allowed.length)]!;
    const found = randomPassage(rng, work);
    if (found) return found;
  }
  return firstPassage(allowed);
}

/** The Discord markdown of an excerpt: escaped and emphasised like a page. */
export function excerptMarkdown(excerpt: Excerpt): string {
  return renderRange(chapterText(excerpt.work, excerpt.chapterIndex), excerpt.start, excerpt.end);
}

function randomPassage(rng: () => number, work: Work): Excerpt | undefined {
  const scenes = scenesOf(work);
  const total = scenes.reduce((sum, scene) => sum + sceneLength(scene), 0);
  let target = rng() * total;
  const scene = scenes.find((s) => (target -= sceneLength(s)) < 0) ?? scenes[scenes.length - 1];
  if (!scene) return undefined;
  const offset = sceneEnd(scene) + target;
  const first = Math.max(0, scene.sentences.findIndex((s) => s.end > offset));
  const wanted = EXCERPT_MIN + rng() * (EXCERPT_MAX - EXCERPT_MIN);
  return passageFrom(work, scene, first, wanted);
}

function firstPassage(works: readonly Work[]): Excerpt | undefined {
  for (const work of works) {
    for (const scene of scenesOf(work)) {
      for (let first = 0; first < scene.sentences.length; first++) {
        const found = passageFrom(work, scene, first, EXCERPT_MIN);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * Sentences from `first` on until the passage is `wanted` long, taking earlier ones too when the scene ends
 * first; undefined when no run through `first` lands within the limits.
 */
function passageFrom(work: Work, scene: Scene, first: number, wanted: number): Excerpt | undefined {
  const { sentences } = scene;
  const length = (from: number, to: number) => sentences[to]!.end - sentences[from]!.start;
  let last = first;
  while (last + 1 < sentences.length && length(first, last) < wanted && length(first, last + 1) <= EXCERPT_MAX) last++;
  while (first > 0 && length(first, last) < EXCERPT_MIN && length(first - 1, last) <= EXCERPT_MAX) first--;
  const size = length(first, last);
  const wholeScene = first === 0 && last === sentences.length - 1;
  if (size > EXCERPT_MAX || (size < EXCERPT_MIN && !wholeScene)) return undefined;
  const start = sentences[first]!.start;
  const end = sentences[last]!.end;
  const text = chapterText(work, scene.chapterIndex).text.slice(start, end);
  return { work, chapterIndex: scene.chapterIndex, start, end, text };
}

function sceneLength(scene: Scene): number {
  return sceneEnd(scene) - (scene.sentences[0]?.start ?? 0);
}

function sceneEnd(scene: Scene): number {
  return scene.sentences[scene.sentences.length - 1]?.end ?? 0;
}

/** Scenes with at least one sentence; the epigraph is not the story's text and gives no passage. */
const scenesOf = memoize((work: Work): Scene[] => work.chapters.flatMap((_, chapterIndex) => chapterScenes(work, chapterIndex)));

function chapterScenes(work: Work, chapterIndex: number): Scene[] {
  const { text, blocks } = chapterText(work, chapterIndex);
  const scenes: Scene[] = [{ chapterIndex, sentences: [] }];
  for (const block of blocks) {
    if (block.kind === 'sceneBreak') scenes.push({ chapterIndex, sentences: [] });
    if (block.kind !== 'paragraph') continue;
    const sentences = sentenceRanges(text.slice(block.start, block.end));
    scenes[scenes.length - 1]!.sentences.push(...sentences.map((s) => ({ start: block.start + s.start, end: block.start + s.end })));
  }
  return scenes.filter((scene) => scene.sentences.length > 0);
}
