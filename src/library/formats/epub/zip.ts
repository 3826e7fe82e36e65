import { inflateRawSync } from 'node:zlib';
import { Inflate } from 'fflate';

// A zip archive read the way a hostile one cannot exploit: the central directory is listed without inflating
// anything, and one entry is inflated at a time, a few KB of input per step, stopping at a limit given by
// the caller. Entry names go in a Map, so `constructor` or `__proto__` is a name like any other.

export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  /** As the archive declares it: a hostile archive may lie, so inflating checks the real size too. */
  declaredSize: number;
  localHeader: number;
}

/** Thrown for an archive whose structure is broken; the message says where. */
export class DamagedZip extends Error {
  override name = 'DamagedZip';
}

/** Thrown when an entry inflates past the limit it was given. */
export class PastLimit extends Error {
  override name = 'PastLimit';
}

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const CENTRAL_HEADER = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const LONGEST_COMMENT = 0xffff;
// 4 KB of DEFLATE input inflates to at most ~4 MB (DEFLATE's ratio tops out near 1032:1), so one step never
// allocates much past the limit.
const STEP = 4096;

/** How many entries the archive says it holds, read before anything is listed. */
export function countEntries(bytes: Uint8Array): number {
  return directoryOf(bytes).count;
}

/** Every entry by name (the first, if a name repeats); nothing is inflated. */
export function listEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const view = viewOf(bytes);
  const { count, offset } = directoryOf(bytes);
  const entries = new Map<string, ZipEntry>();
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL_HEADER) throw new DamagedZip(`entry ${index + 1} of the central directory is missing`);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      encrypted: (view.getUint16(at + 8, true) & 1) === 1,
      compressedSize: view.getUint32(at + 20, true),
      declaredSize: view.getUint32(at + 24, true),
      localHeader: view.getUint32(at + 42, true),
    };
    readZip64Extra(view, at + 46 + nameLength, extraLength, entry);
    if (!entries.has(name)) entries.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes; throws PastLimit as soon as more than `limit` bytes come out, whatever it declares. */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const data = dataOf(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8) throw new DamagedZip(`${entry.name} is compressed by method ${entry.method}, which EPUB does not use`);
  if (entry.method === 0) {
    if (data.length > limit) throw new PastLimit();
    return data;
  }
  return inflateByZlib(data, limit) ?? inflateByFflate(entry, data, limit);
}

/**
 * Node's zlib inflates five times faster than fflate, and stops once `limit` is passed. It is only trusted
 * when it succeeds: a stream it refuses, or one that passes the limit, goes to fflate, whose verdict and
 * words the reasons for skipping a book have always been.
 */
function inflateByZlib(data: Uint8Array, limit: number): Uint8Array | undefined {
  if (limit < 1) return undefined;
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch {
    return undefined;
  }
}

function inflateByFflate(entry: ZipEntry, data: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) throw new PastLimit();
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at === 0 || at < data.length; at += STEP) inflater.push(data.subarray(at, at + STEP), at + STEP >= data.length);
  } catch (error) {
    if (error instanceof PastLimit) throw error;
    throw new DamagedZip(`${entry.name} does not inflate (${(error as Error).message})`);
  }
  return join(chunks, size);
}

function directoryOf(bytes: Uint8Array): { count: number; offset: number } {
  const view = viewOf(bytes);
  const lowest = Math.max(0, bytes.length - 22 - LONGEST_COMMENT);
  let end = bytes.length - 22;
  while (end >= lowest && view.getUint32(end, true) !== END_OF_DIRECTORY) end--;
  if (end < lowest) throw new DamagedZip('no end of central directory');
  const locator = end - 20;
  if (locator >= 0 && view.getUint32(locator, true) === ZIP64_LOCATOR) {
    const zip64End = Number(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 <= bytes.length && view.getUint32(zip64End, true) === ZIP64_END) {
      return { count: Number(view.getBigUint64(zip64End + 32, true)), offset: Number(view.getBigUint64(zip64End + 48, true)) };
    }
  }
  return { count: view.getUint16(end + 10, true), offset: view.getUint32(end + 16, true) };
}

/** ZIP64 keeps the sizes and offset that do not fit 32 bits in an extra field, in this order, only those that are 0xFFFFFFFF. */
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) !== 0x0001) continue;
    const fields: number[] = [];
    for (let field = at + 4; field + 8 <= Math.min(at + 4 + view.getUint16(at + 2, true), view.byteLength); field += 8) {
      fields.push(Number(view.getBigUint64(field, true)));
    }
    if (entry.declaredSize === 0xffffffff) entry.declaredSize = fields.shift() ?? entry.declaredSize;
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = fields.shift() ?? entry.compressedSize;
    if (entry.localHeader === 0xffffffff) entry.localHeader = fields.shift() ?? entry.localHeader;
    return;
  }
}

function dataOf(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = viewOf(bytes);
  const at = entry.localHeader;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw new DamagedZip(`${entry.name} has no local header`);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new DamagedZip(`${entry.name} runs past the end of the archive`);
  return bytes.subarray(start, start + entry.compressedSize);
}

function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function join(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
