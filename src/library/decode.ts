import { isUtf8 } from 'node:buffer';
import { UnreadableWork } from './unreadable.js';

const SNIFF_BYTES = 8192;

const KNOWN_BINARY: ReadonlyArray<[magic: string, what: string]> = [
  ['%PDF', 'a PDF file'],
  ['\x89PNG', 'a PNG image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['\xd0\xcf\x11\xe0', 'an old Word/Office document'],
];

/** The text of a file as the author wrote it: UTF-8 only, BOM dropped, line endings normalised to LF. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new UnreadableWork('empty file');
  rejectBinary(bytes);
  if (!isUtf8(bytes)) throw new UnreadableWork(`not valid UTF-8 text (first bad byte on line ${badLine(bytes)}); save it as UTF-8`);
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes).replace(/\r\n?/g, '\n');
  if (!/\S/.test(text)) throw new UnreadableWork('no text: the file holds only whitespace');
  return text;
}

function rejectBinary(bytes: Uint8Array): void {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableWork('UTF-16 text; save it as UTF-8');
  }
  const head = String.fromCharCode(...bytes.subarray(0, 4));
  const known = KNOWN_BINARY.find(([magic]) => head.startsWith(magic));
  if (known) throw new UnreadableWork(`binary file (${known[1]}), not a story format`);
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) throw new UnreadableWork('binary file (it contains NUL bytes), not text');
}

function badLine(bytes: Uint8Array): number {
  const lenient = new TextDecoder('utf-8').decode(bytes);
  const at = lenient.indexOf('\ufffd');
  return lenient.slice(0, Math.max(at, 0)).split('\n').length;
}
