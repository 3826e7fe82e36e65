// A server's own works, uploaded from Discord (/library add; README "Per-server libraries"). Each server's files
// live in LIBRARY_DIR/servers/<guildId>/ (server-files.ts), written under a hidden name and renamed into place,
// so the live library (live.ts) picks them up on every process sharing the folder. Who added each file and when,
// its hash (to find the same bytes uploaded twice) and the uploads refused, with why, are kept beside them in
// a hidden record, `.uploads.json`, which the loader never reads. No discord.js here: the command passes plain values.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { UnreadableWork } from './unreadable.js';
import { RATINGS, type Rating, type Work } from './model.js';
import { readOneWork } from './one-work.js';
import { serverFolder } from './server-files.js';
import { SIDECAR_SUFFIX } from './sidecar.js';

/** An AO3 download of a long novel is a few MB; 8 MB keeps a server's 50 works under 400 MB of disk and memory. */
export const UPLOAD_LIMIT_BYTES = 8 * 1024 * 1024;
export const WORKS_PER_SERVER = 50;
/** Refused uploads kept for /library list, newest last. */
const REFUSALS_KEPT = 10;
const DOWNLOAD_TIMEOUT_MS = 20_000;

/** The extensions of the formats the loader reads (formats/registry.ts); content decides the format after. */
const ACCEPTED = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm', 'epub']);
const KNOWN_OTHERS: Record<string, string> = {
  pdf: 'PDF', mobi: 'MOBI', azw3: 'AZW3', docx: 'Word', doc: 'Word', odt: 'OpenDocument', rtf: 'RTF', zip: 'a zip archive',
};

/** Why an upload was refused, fit to show the person who made it. */
export class UploadRefused extends Error {
  override name = 'UploadRefused';
}

export interface UploadRecord {
  by: string;
  at: number;
  sha256: string;
  /** The attachment's name as uploaded. */
  name: string;
}

export interface Refusal {
  name: string;
  reason: string;
  by: string;
  at: number;
}

interface Record_ {
  works: Record<string, UploadRecord>;
  refused: Refusal[];
}

export interface Upload {
  name: string;
  /** Discord's `size`, checked before anything is fetched. */
  size: number;
  url: string;
  rating: Rating | null;
  by: string;
  at: number;
}

export interface Added {
  work: Work;
  /** Set when the file carries its own rating and the upload asked for another: the file's is kept. */
  ratingKept?: { file: Rating; asked: Rating };
}

const MB = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const LIMIT_WHY = `${MB(UPLOAD_LIMIT_BYTES)} is the limit for an uploaded work (a long novel's AO3 download is a few MB)`;

/** Refuses a name whose format the library does not read, with the reason. */
export function checkUploadName(name: string): void {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext && ACCEPTED.has(ext)) return;
  const what = ext ? (KNOWN_OTHERS[ext] ?? `.${ext}`) : 'A file without an extension';
  throw new UploadRefused(`${what}${ext ? ' is not a format the library reads' : ' cannot be told apart'}: upload AO3's HTML or EPUB download, an EPUB, a plain text (.txt) or a Markdown (.md) file.`);
}

/** The attachment's bytes, refused before the download when Discord's size is past the limit, and during it once more arrive. */
export async function downloadUpload(url: string, size: number, fetchImpl: typeof fetch = fetch): Promise<Uint8Array> {
  if (size > UPLOAD_LIMIT_BYTES) throw new UploadRefused(`The file is ${MB(size)}; ${LIMIT_WHY}.`);
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) }).catch(() => undefined);
  if (!response?.ok || !response.body) throw new UploadRefused('The file could not be fetched from Discord just now. Try again in a moment.');
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > UPLOAD_LIMIT_BYTES) {
    await response.body.cancel();
    throw new UploadRefused(`The file is ${MB(declared)}; ${LIMIT_WHY}.`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > UPLOAD_LIMIT_BYTES) {
      await response.body.cancel().catch(() => undefined);
      throw new UploadRefused(`The file is larger than it said and past ${MB(UPLOAD_LIMIT_BYTES)}; ${LIMIT_WHY}.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** One server's uploads in LIBRARY_DIR. Changes within this process are made one at a time per server. */
export class ServerUploads {
  private static readonly queues = new Map<string, Promise<unknown>>();
  readonly folder: string;

  constructor(private readonly libraryDir: string, readonly guildId: string) {
    this.folder = serverFolder(guildId);
  }

  /** Checks, fetches, parses and writes an upload; refusals are kept for `list` and thrown as UploadRefused. */
  add(upload: Upload, fetchImpl?: typeof fetch): Promise<Added> {
    return this.serially(async () => {
      try {
        return await this.addNow(upload, fetchImpl);
      } catch (error) {
        if (error instanceof UploadRefused) await this.keepRefusal({ name: upload.name, reason: error.message, by: upload.by, at: upload.at });
        throw error;
      }
    });
  }

  /** Deletes an upload (its file, its sidecar, its record); `file` is the work's path relative to LIBRARY_DIR. */
  remove(file: string): Promise<void> {
    return this.serially(async () => {
      const name = this.nameOf(file);
      await rm(join(this.libraryDir, file), { force: true });
      await rm(join(this.libraryDir, file.replace(/\.[^./]*$/, '') + SIDECAR_SUFFIX), { force: true });
      const record = await this.read();
      delete record.works[name];
      await this.write(record);
    });
  }

  /** Who added each file (by name in the folder) and when, and the latest refusals. */
  async list(): Promise<{ works: ReadonlyMap<string, UploadRecord>; refused: readonly Refusal[] }> {
    const record = await this.read();
    return { works: new Map(Object.entries(record.works)), refused: record.refused };
  }

  private async addNow(upload: Upload, fetchImpl?: typeof fetch): Promise<Added> {
    checkUploadName(upload.name);
    const record = await this.read();
    if (Object.keys(record.works).length >= WORKS_PER_SERVER) {
      throw new UploadRefused(`This server already has ${WORKS_PER_SERVER} works, the most a server may add. Remove one with /library remove first.`);
    }
    if (upload.size > UPLOAD_LIMIT_BYTES) throw new UploadRefused(`The file is ${MB(upload.size)}; ${LIMIT_WHY}.`);
    const bytes = await downloadUpload(upload.url, upload.size, fetchImpl);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const same = Object.entries(record.works).find(([, entry]) => entry.sha256 === sha256);
    if (same) throw new UploadRefused(`This file is already in the server's library, as ${same[0]}, added ${new Date(same[1].at).toISOString().slice(0, 10)}.`);
    const name = this.freeName(upload.name, record);
    let read;
    try {
      read = readOneWork(name, bytes);
    } catch (error) {
      throw new UploadRefused(`The file cannot be read: ${error instanceof UnreadableWork ? error.message : (error as Error).message}.`);
    }
    if (/\.epub$/i.test(name) && read.work.format !== 'epub') throw new UploadRefused('The file is named .epub but is not an EPUB (not a zip archive). Upload the book itself.');
    const fileRating = read.fileMeta.rating;
    const rating = fileRating ?? upload.rating ?? 'Not Rated';
    await this.place(name, bytes);
    // A rating the file does not give itself goes in a sidecar; one the file gives is never overridden (so never lowered).
    if (!fileRating && upload.rating) await this.place(name.replace(/\.[^.]*$/, '') + SIDECAR_SUFFIX, JSON.stringify({ rating: upload.rating }, null, 2) + '\n');
    record.works[name] = { by: upload.by, at: upload.at, sha256, name: upload.name };
    await this.write(record);
    const work = { ...read.work, file: `${this.folder}/${name}`, meta: { ...read.work.meta, rating } };
    return { work, ...(fileRating && upload.rating && upload.rating !== fileRating ? { ratingKept: { file: fileRating, asked: upload.rating } } : {}) };
  }

  /** A file name safe on any disk, free in the folder: `My Story (1).html` -> `my-story-1.html`, then `-2`. */
  private freeName(uploaded: string, record: Record_): string {
    const ext = (/\.([a-z0-9]+)$/i.exec(uploaded)?.[1] ?? 'txt').toLowerCase();
    const base = uploaded.slice(0, uploaded.length - ext.length - 1).toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'work';
    for (let n = 1; ; n++) {
      const name = `${base}${n === 1 ? '' : `-${n}`}.${ext}`;
      if (!(name in record.works)) return name;
    }
  }

  private nameOf(file: string): string {
    if (!file.startsWith(`${this.folder}/`)) throw new UploadRefused('That work is not one of this server\'s uploads.');
    return file.slice(this.folder.length + 1);
  }

  /** Written under a hidden name, then renamed into place: the loader never sees half a file. */
  private async place(name: string, content: Uint8Array | string): Promise<void> {
    const dir = join(this.libraryDir, this.folder);
    await mkdir(dir, { recursive: true });
    const hidden = join(dir, `.${randomBytes(6).toString('hex')}-${name}`);
    await writeFile(hidden, content);
    await rename(hidden, join(dir, name));
  }

  private async keepRefusal(refusal: Refusal): Promise<void> {
    const record = await this.read();
    record.refused = [...record.refused, refusal].slice(-REFUSALS_KEPT);
    await this.write(record);
  }

  private async read(): Promise<Record_> {
    try {
      const data = JSON.parse(await readFile(join(this.libraryDir, this.folder, '.uploads.json'), 'utf8')) as Partial<Record_>;
      return { works: data.works ?? {}, refused: data.refused ?? [] };
    } catch {
      return { works: {}, refused: [] };
    }
  }

  private write(record: Record_): Promise<void> {
    return this.place('.uploads.json', JSON.stringify(record, null, 2) + '\n');
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const key = `${this.libraryDir}\0${this.guildId}`;
    const run = (ServerUploads.queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(task);
    ServerUploads.queues.set(key, run);
    return run;
  }
}

export function isRating(value: string | null): value is Rating {
  return value !== null && (RATINGS as readonly string[]).includes(value);
}
