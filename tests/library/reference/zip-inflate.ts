// Reference copy of inflateEntry from src/library/formats/epub/zip.ts as of 79cf844 (fflate alone, before issue 11 part 5), for zip.test.ts only.
import { Inflate } from 'fflate';
import { DamagedZip, PastLimit, type ZipEntry } from '../../../src/library/formats/epub/zip.js';

const LOCAL_HEADER = 0x04034b50;
const STEP = 4096;

/** The entry's bytes; throws PastLimit as soon as more than `limit` bytes come out, whatever it declares. */
export function referenceInflateEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Uint8Array {
  const data = dataOf(bytes, entry);
  if (entry.method !== 0 && entry.method !== 8) throw new DamagedZip(`${entry.name} is compressed by method ${entry.method}, which EPUB does not use`);
  if (entry.method === 0) {
    if (data.length > limit) throw new PastLimit();
    return data;
  }
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
