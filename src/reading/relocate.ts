// A saved place after its work's text changed (README "A living library"). A place is an offset into a
// chapter's text, and an author's note added above it or a typo fixed before it moves every later offset.
// So a saved place also keeps an anchor, the text its page began with, and is found again by that text:
// nearest the old offset in its chapter, else in the nearest chapter holding it (a chapter added before).
import type { Work } from '../library/model.js';
import type { Place } from '../progress/place.js';
import { chapterText } from './chapter-text.js';

/** UTF-16 units of text kept at a place: enough to be found in one place only, in practice. */
export const ANCHOR_LENGTH = 64;
/** An anchor is also looked for by each half, so that a typo fixed inside it still finds it. */
const HALF = ANCHOR_LENGTH / 2;

export type Relocated = { place: Place; found: 'same' | 'moved' } | { place: Place; found: 'lost' };

/** The text a place begins with, to find it again later. */
export function anchorAt(work: Work, place: Place): string {
  return chapterText(work, place.chapter).text.slice(place.offset, place.offset + ANCHOR_LENGTH);
}

/**
 * Where the passage of `place` is in the work as it is now. A place without an anchor (saved before anchors)
 * is taken as it is; a passage found nowhere gives the start of the chapter (or of the last one), `lost`.
 */
export function relocate(work: Work, place: Place & { anchor?: string }): Relocated {
  const last = work.chapters.length - 1;
  const chapter = Math.min(Math.max(place.chapter, 0), last);
  const { anchor } = place;
  if (!anchor) return { place: { chapter, offset: place.offset }, found: 'same' };
  if (chapter === place.chapter && chapterText(work, chapter).text.startsWith(anchor, place.offset)) {
    return { place: { chapter, offset: place.offset }, found: 'same' };
  }
  const probes = anchor.length > HALF ? [{ text: anchor, shift: 0 }, { text: anchor.slice(0, HALF), shift: 0 }, { text: anchor.slice(-HALF), shift: anchor.length - HALF }] : [{ text: anchor, shift: 0 }];
  for (const probe of probes) {
    for (const c of chaptersByDistance(chapter, last)) {
      const current = chapterText(work, c).text;
      const at = nearest(current, probe.text, c === chapter ? place.offset + probe.shift : 0);
      if (at === undefined) continue;
      // Found by its second half, the passage began about `shift` before; a fix in the first half may have
      // changed its length, so a line break in between (a paragraph's start) is taken as its start.
      const start = Math.max(0, at - probe.shift, current.lastIndexOf('\n', at) + 1);
      return { place: { chapter: c, offset: probe.shift > 0 ? start : at }, found: 'moved' };
    }
  }
  return { place: { chapter, offset: 0 }, found: 'lost' };
}

function* chaptersByDistance(from: number, last: number): Generator<number> {
  yield from;
  for (let d = 1; from - d >= 0 || from + d <= last; d++) {
    if (from + d <= last) yield from + d;
    if (from - d >= 0) yield from - d;
  }
}

/** The occurrence of `needle` in `text` nearest `offset`, if there is one. */
function nearest(text: string, needle: string, offset: number): number | undefined {
  let best: number | undefined;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === undefined || Math.abs(at - offset) < Math.abs(best - offset)) best = at;
    if (at > offset) break;
  }
  return best;
}
