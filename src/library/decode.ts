import { isAscii, isUtf8, transcode } from 'node:buffer';
import { UnreadableWork } from './unreadable.js';

const SNIFF_BYTES = 8192;
const DECLARATION_BYTES = 1024;

const KNOWN_BINARY: ReadonlyArray<[magic: string, what: string]> = [
  ['%PDF', 'a PDF file'],
  ['\x89PNG', 'a PNG image'],
  ['\xff\xd8\xff', 'a JPEG image'],
  ['GIF8', 'a GIF image'],
  ['\xd0\xcf\x11\xe0', 'an old Word/Office document'],
];

/** C0 controls but tab and newline, DEL, C1 controls, and U+FFFE/U+FFFF: no page can show them. */
const UNSHOWABLE_CHAR = /[\0-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff]/;
const UNSHOWABLE = new RegExp(UNSHOWABLE_CHAR.source, 'g');

/**
 * The text of a file as the author wrote it: UTF-8, or UTF-16 with a byte order mark; BOM dropped, line
 * endings normalised to LF, characters no page can show dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const utf16 = checkedEncoding(bytes);
  return withText(showable(utf16 ? new TextDecoder(utf16).decode(bytes) : decodeUtf8(bytes)));
}

/**
 * A string of 64K UTF-16 characters or more is a large object to V8, which gives it fresh memory of its own:
 * decoding the bench library's text files as one string each cost five times what it costs in pieces under
 * this size (README "Performance").
 */
const PIECE_CHARS = 60_000;

/**
 * Where a piece of decoded text may end: just after an LF; for markup also just after a `>`, as minified
 * XHTML may have no line ends. Either way no CR LF, character reference or tag name is cut in two.
 */
export type PieceEnds = 'lines' | 'markup';

/**
 * decodeText(bytes), as pieces that join into it, so that a long file is never one string: each of at most
 * `pieceChars` characters, ending where `ends` allows, or longer when nothing in it does.
 */
export function decodeTextPieces(bytes: Uint8Array, ends: PieceEnds, pieceChars = PIECE_CHARS): string[] {
  if (checkedEncoding(bytes)) return [decodeText(bytes)];
  const pieces = utf8Pieces(bytes, ends, pieceChars);
  if (!pieces.some((piece) => /\S/.test(piece))) throw noText();
  return pieces;
}

/**
 * decodeText(bytes).split('\n'), from the text's pieces, cut by indexOf and slice: over the bench library's
 * text files, split took about half as long again (README "Performance").
 */
export function decodeTextLines(bytes: Uint8Array, pieceChars = PIECE_CHARS): string[] {
  const pieces = decodeTextPieces(bytes, 'lines', pieceChars);
  const lines: string[] = [];
  pieces.forEach((piece, index) => {
    let start = 0;
    for (let end = piece.indexOf('\n'); end !== -1; end = piece.indexOf('\n', start)) {
      lines.push(piece.slice(start, end));
      start = end + 1;
    }
    // Each piece but the last ends with an LF: the line after it starts the next piece.
    if (index === pieces.length - 1) lines.push(piece.slice(start));
  });
  return lines;
}

/** decodeText(bytes).slice(0, chars), decoding little more of the file than that. */
export function decodeTextHead(bytes: Uint8Array, chars: number): string {
  const utf16 = checkedEncoding(bytes);
  if (utf16) return decodeText(bytes).slice(0, chars);
  // A character is at most 4 bytes, and a BOM 3; more is read when dropped characters leave the head short.
  for (let size = 4 * chars + 3; ; size *= 2) {
    let end = Math.min(size, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    const head = showable(decodeUtf8(bytes.subarray(0, end)));
    if (!/\S/.test(head)) return decodeText(bytes).slice(0, chars);
    if (head.length >= chars || end === bytes.length) return head.slice(0, chars);
  }
}

/** The file's UTF-16 encoding by its BOM, or undefined for UTF-8; throws UnreadableWork for anything else. */
function checkedEncoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length === 0) throw new UnreadableWork('empty file');
  const utf16 = utf16ByBom(bytes);
  if (!utf16) rejectBinary(bytes);
  if (!utf16 && !isUtf8(bytes)) throw new UnreadableWork(`not valid UTF-8 text (first bad byte on line ${badLine(bytes)}); save it as UTF-8`);
  return utf16;
}

function withText(text: string): string {
  if (!/\S/.test(text)) throw noText();
  return text;
}

function noText(): UnreadableWork {
  return new UnreadableWork('no text: the file holds only whitespace');
}

const LF = 0x0a;
const GT = 0x3e;

/** Valid UTF-8 (BOM dropped) as decodeUtf8 reads it, in showable pieces; see decodeTextPieces. */
function utf8Pieces(bytes: Uint8Array, ends: PieceEnds, pieceChars: number): string[] {
  const { units, encoding } = utf8Units(bytes);
  const unit = encoding === 'latin1' ? 1 : 2;
  // In UTF-16 a stop is searched for as its two bytes, at an even offset: a text of U+0A0A is nothing but 0x0A bytes.
  const stops = (ends === 'markup' ? [LF, GT] : [LF]).map((code) => (unit === 1 ? code : Buffer.from([code, 0])));
  const pieces: string[] = [];
  for (let start = 0; start < units.length; ) {
    const end = pieceEnd(units, unit, stops, start, start + pieceChars * unit);
    pieces.push(showable(units.toString(encoding, start, end)));
    start = end;
  }
  return pieces;
}

/** What decodeUtf8 makes its string from (see there why): the bytes, BOM dropped, as Latin-1 or as UTF-16LE. */
function utf8Units(bytes: Uint8Array): { units: Buffer; encoding: 'latin1' | 'utf16le' } {
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(hasUtf8Bom(bytes) ? 3 : 0);
  return isAscii(body) ? { units: body, encoding: 'latin1' } : { units: transcode(body, 'utf8', 'utf16le'), encoding: 'utf16le' };
}

type Stop = number | Buffer;

/** Just after the last stop before `limit`; with none, just after the first one past it, or the end. */
function pieceEnd(units: Buffer, unit: number, stops: readonly Stop[], start: number, limit: number): number {
  if (limit >= units.length) return units.length;
  const last = Math.max(...stops.map((stop) => lastStop(units, unit, stop, start, limit - unit)));
  if (last !== -1) return last + unit;
  const next = stops.map((stop) => firstStop(units, unit, stop, limit)).filter((at) => at !== -1);
  return next.length > 0 ? Math.min(...next) + unit : units.length;
}

/** Where `stop` last is in [start, from] at a character's offset, or -1; `unit` is 1 for Latin-1, 2 for UTF-16LE. */
function lastStop(units: Buffer, unit: number, stop: Stop, start: number, from: number): number {
  for (let at = units.lastIndexOf(stop, from); at >= start; at = at === 0 ? -1 : units.lastIndexOf(stop, at - 1)) {
    if (at % unit === 0) return at;
  }
  return -1;
}

function firstStop(units: Buffer, unit: number, stop: Stop, from: number): number {
  for (let at = units.indexOf(stop, from); at !== -1; at = units.indexOf(stop, at + 1)) {
    if (at % unit === 0) return at;
  }
  return -1;
}

/**
 * An XML or HTML document's text (EPUB XHTML, OPF, NCX), by the encoding its bytes show or declare, in the
 * order XML and HTML look: a byte order mark, UTF-16 by the bytes of `<`, the XML declaration's `encoding`,
 * a `<meta charset>`; else UTF-8, or windows-1252 (the web's fallback) when the bytes are not UTF-8.
 * Character references to characters no page can show are dropped with the characters themselves.
 */
export function decodeMarkup(bytes: Uint8Array): string {
  return withoutUnshowableReferences(showable(decodeAs(markupEncoding(bytes), bytes)));
}

/** decodeMarkup(bytes), as pieces that join into it (see decodeTextPieces) when it is UTF-8. */
export function decodeMarkupPieces(bytes: Uint8Array, pieceChars = PIECE_CHARS): string[] {
  if (markupEncoding(bytes) !== 'utf-8' || !isUtf8(bytes)) return [decodeMarkup(bytes)];
  return utf8Pieces(bytes, 'markup', pieceChars).map(withoutUnshowableReferences);
}

function markupEncoding(bytes: Uint8Array): string {
  return byBom(bytes) ?? utf16ByFirstByte(bytes) ?? declaredEncoding(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252');
}

/**
 * Valid UTF-8 as TextDecoder reads it (a leading byte order mark dropped), faster: ASCII as Latin-1, which
 * is a copy, and any other text by way of UTF-16 bytes, which takes a third less time than TextDecoder
 * needs for text with curly quotes. Only for bytes isUtf8 accepts: how a decoder replaces a broken
 * sequence differs, and this one never meets one.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const { units, encoding } = utf8Units(bytes);
  return units.toString(encoding);
}

// Node's TextDecoder reads windows-1252 (and latin1, its WHATWG alias) as ISO-8859-1, so 0x80-0x9F would be
// C1 controls instead of curly quotes, dashes and the euro sign; this puts them right.
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeAs(encoding: string, bytes: Uint8Array): string {
  if (encoding === 'utf-8' && isUtf8(bytes)) return decodeUtf8(bytes);
  const text = new TextDecoder(encoding).decode(bytes);
  if (encoding !== 'windows-1252') return text;
  return text.replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

/** Markup without numeric character references to what no page can show (raw characters are decode's work). */
export function withoutUnshowableReferences(markup: string): string {
  return markup.replace(/&#(x[0-9a-f]+|[0-9]+);/gi, (reference, code: string) => {
    const point = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : parseInt(code, 10);
    return point <= 0x10ffff && UNSHOWABLE_CHAR.test(String.fromCodePoint(point)) ? '' : reference;
  });
}

/** One scan finds most texts need neither replace: CR is among the unshowable. */
function showable(text: string): string {
  return UNSHOWABLE_CHAR.test(text) ? text.replace(/\r\n?/g, '\n').replace(UNSHOWABLE, '') : text;
}

function byBom(bytes: Uint8Array): string | undefined {
  return hasUtf8Bom(bytes) ? 'utf-8' : utf16ByBom(bytes);
}

function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function utf16ByBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Markup opens with `<`, so UTF-16 shows as `<` beside a NUL. */
function utf16ByFirstByte(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c) return 'utf-16be';
  return undefined;
}

/** The encoding an ASCII-compatible document names near its start, when TextDecoder knows it; UTF-16 there is a mistake. */
function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, DECLARATION_BYTES)).toString('latin1');
  const label = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head)?.[1] ??
    /<meta\b[^>]*\bcharset\s*=\s*["']?([^"'\s/>;]+)/i.exec(head)?.[1];
  if (!label) return undefined;
  // What nearly every EPUB declares, spared a TextDecoder built to look the label up.
  if (/^\s*utf-?8\s*$/i.test(label)) return 'utf-8';
  try {
    const encoding = new TextDecoder(label.trim()).encoding;
    return encoding.startsWith('utf-16') ? 'utf-8' : encoding;
  } catch {
    return undefined;
  }
}

function rejectBinary(bytes: Uint8Array): void {
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
