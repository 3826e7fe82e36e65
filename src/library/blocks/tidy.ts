import type { Block, Paragraph, SceneBreak, Span } from '../model.js';

export const SCENE_BREAK: SceneBreak = { kind: 'sceneBreak' };

/** Only ASCII blanks: a no-break space at a paragraph's end is the author's character and stays. */
export function trimAscii(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiBlank(text.charCodeAt(start))) start++;
  while (end > start && isAsciiBlank(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function isAsciiBlank(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a;
}

export function paragraph(text: string, spans: Span[] = []): Paragraph {
  return { kind: 'paragraph', text, spans };
}

/** `* * *`, `***`, `~~~`, `-----`: a line of ornament that authors put between scenes. */
export function isSceneBreakMarker(text: string): boolean {
  return /^[\s*~#=•·◇◆♦❖§+\-–—_]+$/u.test(text) && text.replace(/\s/g, '').length >= 3;
}

/** Ornament paragraphs become scene breaks; breaks never lead, trail or repeat; empty paragraphs go. */
export function tidyBlocks(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'paragraph' && block.text === '') continue;
    const tidy = block.kind === 'paragraph' && isSceneBreakMarker(block.text) ? SCENE_BREAK : block;
    if (tidy.kind === 'sceneBreak' && (out.length === 0 || out.at(-1)?.kind === 'sceneBreak')) continue;
    out.push(tidy);
  }
  if (out.at(-1)?.kind === 'sceneBreak') out.pop();
  return out;
}

export function hasText(blocks: readonly Block[]): boolean {
  return blocks.some((block) => block.kind === 'paragraph');
}
