// Kinds of space, by UTF-16 unit, as plain comparisons: these run on every character near a page's end, where
// a regex test per character costs more than the rest of the page's work.

/** Whether `/\s/` matches this UTF-16 unit: spaces and line terminators, no-break spaces included. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || isWideSpace(code) || code === 0x2007 || code === 0x202f || code === 0xfeff;
}

/**
 * Spaces a line may break at. No-break spaces (U+00A0, U+2007, U+202F, U+FEFF) are left out on purpose: the
 * author asked for those words to stay together.
 */
export function isBreakSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code >= 0x1680 && isWideSpace(code);
}

/** Characters `^` under the m flag matches after, and that end a line in Discord. */
export function isLineBreak(code: number): boolean {
  return code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029;
}

/** The breaking spaces above U+00FF. */
function isWideSpace(code: number): boolean {
  return (
    code === 0x1680 || (code >= 0x2000 && code <= 0x200a && code !== 0x2007) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000
  );
}
