// A second bot process for the store tests: saves a reader's first page in each named work, all at once,
// through its own ProgressStore on STORE_URL, and exits when they are written.
// Usage: tsx tests/support/save-places.ts STORE_URL READER WORK...
import { openProgressStore, type StoreOptions } from '../../src/progress/store.js';

const [storeUrl, readerId, ...workIds] = process.argv.slice(2);
const logger = { warn: (...args: unknown[]) => console.error(...args), info: () => {} } as unknown as StoreOptions['logger'];
const store = await openProgressStore(storeUrl!, { logger });
workIds.forEach((workId, i) => store.save(readerId!, { workId, chapter: 0, offset: i, at: 80_000 + i }));
await store.close();
