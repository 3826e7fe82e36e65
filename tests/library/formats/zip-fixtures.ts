import { constants, deflateRawSync } from 'node:zlib';

// Hostile zips, built byte by byte so a test can say what each entry declares and what it really holds.

export interface RawEntry {
  name: string;
  /** The entry's bytes as stored: raw DEFLATE when `method` is 8 (the default), the content when 0. */
  data: Uint8Array;
  method?: 0 | 8;
  /** The uncompressed size the headers declare, true or not. */
  declaredSize: number;
  /** Bit 0 marks the entry encrypted. */
  encrypted?: boolean;
}

/** An entry stored as DEFLATE with its true size declared. */
export function deflated(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return { name, data: deflateRawSync(bytes), declaredSize: bytes.length };
}

/**
 * DEFLATE data that inflates to `head`, then `chunk` `times` over, then `tail`, without ever holding the whole:
 * each piece is compressed on its own and ends on a sync flush, so the pieces join into one stream.
 */
export function repeatedDeflate(head: string, chunk: Uint8Array | string, times: number, tail: string): { data: Uint8Array; size: number } {
  const piece = (bytes: Uint8Array | string) => deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
  const middle = piece(chunk);
  const parts = [piece(head), ...Array.from({ length: times }, () => middle), piece(tail), deflateRawSync(Buffer.alloc(0))];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(head) + Buffer.byteLength(chunk) * times + Buffer.byteLength(tail) };
}

/** A zip archive of the entries, in order, with whatever sizes they declare (CRCs are left zero: readers here do not check them). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const method = entry.method ?? 8;
    const flags = 0x800 | (entry.encrypted ? 1 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
