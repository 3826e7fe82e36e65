import type { Catalog } from '../library/catalog.js';
import type { Logger } from '../log.js';
import type { ProgressStore } from '../progress/store.js';
import type { SearchIndex } from '../search/index.js';

/** What every handler may use; built once by the composition root (src/app.ts). */
export interface BotContext {
  catalog: Catalog;
  store: ProgressStore;
  /** The library's full-text index for /search; built after start, so check `ready`. */
  search: SearchIndex;
  logger: Logger;
  /** LIBRARY_DIR: where /library add writes a server's uploads (servers/<guildId>/), for the live library to load. */
  libraryDir: string;
  /**
   * Loads LIBRARY_DIR again now, for a change the bot made to it itself (/library add and remove), so that its
   * answer can say the change is done: the folder's watcher would see it only after its quiet half second,
   * and not at all on a folder whose changes the system does not report (a network filesystem, say).
   */
  reloadLibrary: () => Promise<void>;
  /** Uniform in [0, 1): /excerpt's draws. Tests pass a seeded one. */
  random: () => number;
  /** Epoch milliseconds: when a place was saved. Tests pass their own clock. */
  now: () => number;
}
