import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLibrary } from '../../src/library/load.js';
import type { Work } from '../../src/library/model.js';
import { countWords } from '../../src/library/stats.js';
import { allText } from './temp-library.js';

const SEEDS = new URL('../../seeds/', import.meta.url).pathname;
const RECEIVED = new URL('../../../shared/seeds/', import.meta.url).pathname;
if (!existsSync(RECEIVED)) console.warn(`Skipping the byte-for-byte seed check: ${RECEIVED} is not beside this checkout.`);
const library = await loadLibrary(SEEDS);
const work = (id: string): Work => library.works.find((candidate) => candidate.id === id)!;
const raw = (file: string) => readFileSync(`${SEEDS}${file}`, 'utf8');
const wordsIn = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sceneBreaks = (w: Work) => w.chapters[0]!.blocks.filter((block) => block.kind === 'sceneBreak').length;
const count = (text: string, char: string) => text.split(char).length - 1;

describe('the founding works', () => {
  it('load both, with no file skipped and no warning, sorted by title', () => {
    expect(library.skipped).toEqual([]);
    expect(library.warnings).toEqual([]);
    expect(library.works.map((w) => w.id)).toEqual(['a-tiny-spark', 'one-step-at-a-time']);
  });

  // The files as received live in shared/ beside the checkout (as in CI); elsewhere this check cannot run.
  it.skipIf(!existsSync(RECEIVED))('are the files received, byte for byte', () => {
    expect(raw('a-tiny-spark.txt')).toBe(readFileSync(`${RECEIVED}000_1337f0c67897e4f5.txt`, 'utf8'));
    expect(raw('one-step-at-a-time.txt')).toBe(readFileSync(`${RECEIVED}002_5bf27e2751616477.txt`, 'utf8'));
  });
});

describe('A Tiny Spark', () => {
  const spark = work('a-tiny-spark');
  const file = raw('a-tiny-spark.txt');

  it('is one chapter of plain text with its sidecar metadata', () => {
    expect(spark.format).toBe('text');
    expect(spark.chapters).toHaveLength(1);
    expect(spark.meta).toMatchObject({ title: 'A Tiny Spark', rating: 'Explicit', fandoms: ['Shadowhunters (TV)'] });
    expect(spark.meta.author).toBeUndefined();
  });

  it('does not repeat the title line as body text', () => {
    expect(allText(spark)).not.toContain('A Tiny Spark');
  });

  it('recognises the epigraph and keeps it out of the body', () => {
    expect(spark.epigraph).toEqual(['A tiny spark can set a great forest on fire', 'James 3:5']);
    expect(allText(spark)).not.toContain('James 3:5');
    expect(allText(spark).startsWith('Alec hopped down from the engine')).toBe(true);
  });

  it('finds the 14 scene breaks of the body (blank runs longer than its one-line paragraph separator)', () => {
    expect(sceneBreaks(spark)).toBe(14);
  });

  it('keeps every word of the body', () => {
    const expected = wordsIn(file) - wordsIn('A Tiny Spark') - wordsIn(spark.epigraph.join(' '));
    expect(Math.abs(countWords(spark) - expected)).toBeLessThanOrEqual(expected * 0.01);
  });
});

describe('One Step At A Time', () => {
  const step = work('one-step-at-a-time');
  const file = raw('one-step-at-a-time.txt');
  const rawBody = file.slice(file.indexOf('Work Text:') + 'Work Text:'.length);

  it('is one chapter of AO3 page text with its sidecar metadata', () => {
    expect(step.format).toBe('ao3-text');
    expect(step.chapters).toHaveLength(1);
    expect(step.chapters[0]!.title).toBe('One Step At A Time');
    expect(step.meta).toMatchObject({ title: 'One Step At A Time', rating: 'Teen And Up Audiences' });
  });

  it('keeps "Work Header", the title line and "Work Text:" out of the body', () => {
    const body = allText(step);
    for (const landmark of ['Work Header', 'One Step At A Time', 'Work Text:']) expect(body).not.toContain(landmark);
  });

  it('finds the 2 scene breaks (blank runs longer than its two-line paragraph separator)', () => {
    expect(sceneBreaks(step)).toBe(2);
  });

  it('keeps no-break spaces and ‘’ quotes exactly as written', () => {
    const body = allText(step);
    for (const char of ['\u00a0', '‘', '’', '“', '”']) expect(count(body, char)).toBe(count(rawBody, char));
    expect(body).toContain('‘’It’s okay,’’ said Magnus.\u00a0');
  });

  it('keeps every word', () => {
    expect(countWords(step)).toBe(wordsIn(rawBody));
  });
});
