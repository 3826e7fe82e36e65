// A loaded chapter's blocks, kept as UTF-8 until asked for. Most stories hold curly quotes or dashes, and a JS
// string with any character past U+00FF takes two bytes a character, so a library held as blocks took more
// than twice its size on disk; UTF-8 takes about one. Readers ask for a chapter's blocks once, when its
// canonical text is first built (reading/chapter-text.ts memoises that), and /works counts its words.
import type { Block, Chapter, Span } from '../model.js';
import { paragraph, SCENE_BREAK } from './tidy.js';

interface PackedBlocks {
  /** Every paragraph's text, one after another. */
  utf8: Buffer;
  /** Each block's end in that text, in UTF-16 units; a scene break, which has none, is -1. */
  ends: Int32Array;
  /** Emphasis by block index, for the few paragraphs that have any. */
  spans: ReadonlyMap<number, readonly Span[]>;
}

/** UTF-8 writes a lone surrogate as U+FFFD, so a chapter holding one is kept as it is. */
const REPLACEMENT = Buffer.from('\ufffd');
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Chapters are written one after another into slabs of a few MB, so a library is a few dozen allocations
 * that live as long as it does, not one per chapter among the file buffers freed around them.
 */
const SLAB_BYTES = 4 << 20;
let slab: Buffer = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

/**
 * The chapter with its blocks packed, or as given when packing would not give them back unchanged. `alone`
 * packs it into a buffer of its own: a work read again by a reload (load.ts), which would otherwise pin a slab
 * for as long as any chapter in it lives, and so grow the process with every edit.
 */
export function packedChapter(title: string, blocks: readonly Block[], alone = false): Chapter {
  const packed = pack(blocks, alone);
  if (!packed) return { title, blocks: [...blocks] };
  return {
    title,
    get blocks() {
      return unpack(packed);
    },
  };
}

function pack(blocks: readonly Block[], alone: boolean): PackedBlocks | undefined {
  const ends = new Int32Array(blocks.length);
  const spans = new Map<number, readonly Span[]>();
  let bytes = 0;
  let units = 0;
  blocks.forEach((block, index) => {
    if (block.kind === 'sceneBreak') {
      ends[index] = -1;
      return;
    }
    const room = block.text.length * 3;
    if (slabUsed + bytes + room > slab.length) moveToNewSlab(bytes, room);
    bytes += slab.write(block.text, slabUsed + bytes);
    units += block.text.length;
    ends[index] = units;
    if (block.spans.length > 0) spans.set(index, block.spans.map((span) => ({ ...span })));
  });
  const written = slab.subarray(slabUsed, slabUsed + bytes);
  if (written.includes(REPLACEMENT) && blocks.some((block) => block.kind === 'paragraph' && LONE_SURROGATE.test(block.text))) return undefined;
  if (alone) return { utf8: Buffer.copyBytesFrom(written), ends, spans };
  slabUsed += bytes;
  return { utf8: written, ends, spans };
}

function unpack({ utf8, ends, spans }: PackedBlocks): Block[] {
  const text = utf8.toString('utf8');
  const blocks: Block[] = new Array(ends.length);
  let start = 0;
  for (let index = 0; index < ends.length; index++) {
    const end = ends[index]!;
    if (end === -1) {
      blocks[index] = SCENE_BREAK;
      continue;
    }
    blocks[index] = paragraph(text.slice(start, end), spans.get(index)?.map((span) => ({ ...span })) ?? []);
    start = end;
  }
  return blocks;
}

/** A chapter that outgrows what is left of the slab moves, with what it has written so far, to a new one. */
function moveToNewSlab(written: number, room: number): void {
  const next = Buffer.allocUnsafeSlow(Math.max(SLAB_BYTES, 2 * (written + room)));
  slab.copy(next, 0, slabUsed, slabUsed + written);
  slab = next;
  slabUsed = 0;
}
