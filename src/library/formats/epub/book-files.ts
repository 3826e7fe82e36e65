import { UnreadableWork } from '../../unreadable.js';
import { countEntries, DamagedZip, inflateEntry, listEntries, PastLimit, type ZipEntry } from './zip.js';

// README "The library", Limits: real books sit far below these, bombs far above. One file: a whole long
// novel in one XHTML file is a few MB (an AO3 chapter, under half a million characters, is at most ~2 MB).
// The book: 64 MB, what a text work may hold (files.ts). Files: more than an illustrated book has.
const MB = 2 ** 20;
const ENTRY_LIMIT = 8 * MB;
const BOOK_LIMIT = 64 * MB;
const ENTRY_COUNT_LIMIT = 10_000;

const pastEntryLimit = (path: string) => new UnreadableWork(`${path} inflates past ${ENTRY_LIMIT / MB} MB (the limit for one file in an EPUB)`);
const pastBookLimit = () => new UnreadableWork(`its spine and contents inflate past ${BOOK_LIMIT / MB} MB in all (the limit for one EPUB)`);

/**
 * The files of an EPUB, inflated only when asked for and once each: the container, the package, the contents
 * and the spine's documents; images, fonts and anything the book does not name stay compressed. Every file
 * inflated counts toward the book's limit, and inflating stops at the limit, whatever sizes the zip declares.
 */
export class BookFiles {
  private readonly inflated = new Map<string, Uint8Array>();
  private total = 0;

  constructor(private readonly bytes: Uint8Array, private readonly entries: ReadonlyMap<string, ZipEntry>) {}

  static open(bytes: Uint8Array): BookFiles {
    try {
      const count = countEntries(bytes);
      if (count > ENTRY_COUNT_LIMIT) throw new UnreadableWork(`a zip of ${count} files, past ${ENTRY_COUNT_LIMIT.toLocaleString('en')} (the limit for one EPUB)`);
      return new BookFiles(bytes, listEntries(bytes));
    } catch (error) {
      throw error instanceof DamagedZip ? new UnreadableWork(`a damaged zip archive (${error.message})`) : error;
    }
  }

  /** Refuses the book at once when what the zip declares for these files is already past a limit. */
  checkDeclared(paths: Iterable<string>): void {
    let total = this.total;
    for (const path of new Set(paths)) {
      const entry = this.inflated.has(path) ? undefined : this.entries.get(path);
      if (!entry) continue;
      if (entry.declaredSize > ENTRY_LIMIT) throw pastEntryLimit(path);
      total += entry.declaredSize;
    }
    if (total > BOOK_LIMIT) throw pastBookLimit();
  }

  get(path: string): Uint8Array | undefined {
    const cached = this.inflated.get(path);
    if (cached) return cached;
    const entry = this.entries.get(path);
    if (!entry) return undefined;
    if (entry.encrypted) throw new UnreadableWork(`${path} is encrypted`);
    this.checkDeclared([path]);
    const limit = Math.min(ENTRY_LIMIT, BOOK_LIMIT - this.total);
    let bytes: Uint8Array;
    try {
      bytes = inflateEntry(this.bytes, entry, limit);
    } catch (error) {
      if (error instanceof PastLimit) throw limit === ENTRY_LIMIT ? pastEntryLimit(path) : pastBookLimit();
      if (error instanceof DamagedZip) throw new UnreadableWork(`a damaged zip archive (${error.message})`);
      throw error;
    }
    this.total += bytes.length;
    this.inflated.set(path, bytes);
    return bytes;
  }
}
