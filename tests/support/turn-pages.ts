// A bot process for the crash test: one reader per page turn, a turn every millisecond, through its own
// ProgressStore on STORE_URL; prints after each turn how many it has made, until it is killed.
// Usage: tsx tests/support/turn-pages.ts STORE_URL READER_PREFIX
import { openProgressStore, type StoreOptions } from '../../src/progress/store.js';

const [storeUrl, prefix] = process.argv.slice(2);
const logger = { warn: (...args: unknown[]) => console.error(...args), info: () => {} } as unknown as StoreOptions['logger'];
const store = await openProgressStore(storeUrl!, { logger });
for (let turn = 0; ; turn++) {
  store.save(`${prefix}-${turn}`, { workId: 'w', chapter: 0, offset: turn, at: Date.now() });
  process.stdout.write(`${turn + 1}\n`);
  await new Promise((resolve) => setTimeout(resolve, 1));
}
