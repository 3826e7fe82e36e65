// LIBRARY_DIR kept current while the bot runs (README "A living library"). chokidar watches the folder and
// its subfolders; a burst of events (a copy, an editor's save, a folder unpacked) is taken as one after
// `quietMs` without another, and the folder is then loaded again with the previous load's files, so that only
// the files that changed are read (load.ts) and a broken new version keeps the old one. Reloads never overlap:
// changes during one are taken by the next.
import { watch, type FSWatcher } from 'chokidar';
import { loadLibrary } from './load.js';
import type { Library, Work } from './model.js';

/** Long enough for a copy or a save to finish writing; short enough that a new work shows "within seconds". */
const QUIET_MS = 500;

/** What changed from one load to the next, by work; skips and warnings are in the two loads. */
export interface LibraryChange {
  before: Library;
  library: Library;
  /** New files, and files read again (the same id, a new Work object). */
  added: Work[];
  changed: Work[];
  removed: Work[];
}

export interface LiveLibraryOptions {
  /** Called after every reload that changed something (works, skips or warnings), in order; a throw is the caller's to log. */
  onChange(change: LibraryChange): Promise<void>;
  /** A reload that failed as a whole (the folder unreadable, say); the library stays as it was. */
  onError(error: unknown): void;
  quietMs?: number;
  /**
   * Loads the folder again this often as well, for changes no watcher hears of: on a network filesystem (NFS,
   * SMB) a machine is told only of its own writes, not of another machine's. Undefined or 0: never.
   */
  rescanMs?: number;
}

export class LiveLibrary {
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private rescan: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  private constructor(
    private readonly dir: string,
    private current: Library,
    private readonly options: LiveLibraryOptions,
  ) {}

  /** Watches `dir`, whose first load `library` is; resolves once the watcher is ready. */
  static async watch(dir: string, library: Library, options: LiveLibraryOptions): Promise<LiveLibrary> {
    const live = new LiveLibrary(dir, library, options);
    // Hidden entries are never works (files.ts), so a `.part` written first and renamed into place is seen once.
    const watcher = watch(dir, { ignoreInitial: true, ignored: (path) => /(^|[/\\])\.[^/\\]/.test(path.slice(dir.length)) });
    watcher.on('all', () => live.schedule());
    watcher.on('error', (error) => options.onError(error));
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
    live.watcher = watcher;
    // A reload reads only the files whose size or times changed (load.ts): about 8 ms for 1,000 works.
    if (options.rescanMs) live.rescan = setInterval(() => live.inBackground(), options.rescanMs).unref();
    return live;
  }

  get library(): Library {
    return this.current;
  }

  /** Loads the folder again now (the watcher calls this after a burst of changes). */
  reload(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.reloadOnce();
      } while (this.again && !this.closed);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.rescan);
    await this.watcher?.close();
    await this.running;
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.inBackground(), this.options.quietMs ?? QUIET_MS);
  }

  /** A reload no caller waits for: a throw from onChange goes to onError, never unhandled. */
  private inBackground(): void {
    this.reload().catch((error: unknown) => this.options.onError(error));
  }

  private async reloadOnce(): Promise<void> {
    let next: Library;
    try {
      next = await loadLibrary(this.dir, this.current.claims, this.current.loaded);
    } catch (error) {
      this.options.onError(error);
      return;
    }
    const change = changeFrom(this.current, next);
    this.current = next;
    if (change.added.length + change.changed.length + change.removed.length > 0 || !sameProblems(change.before, next)) await this.options.onChange(change);
  }
}

/** The same files skipped and warned about, for the same reasons: a reload that found nothing new to say. */
function sameProblems(before: Library, after: Library): boolean {
  const problems = (library: Library) => JSON.stringify([library.skipped.map((s) => [s.file, s.reason]), library.warnings.map((w) => [w.file, w.warning])]);
  return problems(before) === problems(after);
}

function changeFrom(before: Library, after: Library): LibraryChange {
  const old = new Map(before.works.map((work) => [work.id, work]));
  const now = new Set(after.works.map((work) => work.id));
  return {
    before,
    library: after,
    added: after.works.filter((work) => !old.has(work.id)),
    changed: after.works.filter((work) => old.has(work.id) && old.get(work.id) !== work),
    removed: before.works.filter((work) => !now.has(work.id)),
  };
}
