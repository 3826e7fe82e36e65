// The store tells its observer (the metrics) how long each bounded call and each batch of places written took,
// and which failed, without knowing what is listening.
import Keyv from 'keyv';
import { describe, expect, it } from 'vitest';
import { ProgressStore, StoreUnavailable, type StoreCallSeen } from '../../src/progress/store.js';

const quiet = { warn: () => {}, info: () => {} };

describe('the progress store observed', () => {
  it('reports each call and each batch written, with its time, and a failed call as not ok', async () => {
    const keyv = new Keyv();
    const seen: StoreCallSeen[] = [];
    const store = new ProgressStore(keyv as never, { logger: quiet, retryMs: [60_000], observe: (s) => void seen.push(s) });

    await store.get('1', 'one-step');
    store.save('1', { workId: 'one-step', chapter: 0, offset: 0, at: 1 });
    await store.flush();
    expect(seen.map(({ operation, ok }) => ({ operation, ok }))).toEqual([{ operation: 'call', ok: true }, { operation: 'write', ok: true }]);
    expect(seen.every(({ ms }) => ms >= 0 && ms < 1_000)).toBe(true);

    keyv.get = (() => Promise.reject(new Error('connection lost'))) as typeof keyv.get;
    await expect(store.get('2', 'one-step')).rejects.toThrow(StoreUnavailable);
    expect(seen.at(-1)).toMatchObject({ operation: 'call', ok: false });
    // While away, calls are refused without reaching the store, and so are not reported as its calls.
    await expect(store.get('3', 'one-step')).rejects.toThrow(StoreUnavailable);
    expect(seen).toHaveLength(3);
    await store.close();
  });
});
