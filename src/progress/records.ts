// What the stores of small records beside the places share (bookmarks.ts, follows.ts, notice-channels.ts):
// the progress store's bounded call, which marks the store away and throws StoreUnavailable on a failure,
// and one change at a time per record in this process, so two quick edits of one list never lose one.

/** ProgressStore's bounded call, handed to each record store. */
export type StoreCall = <T>(run: () => Promise<T>) => Promise<T>;

/** Runs tasks one after another per key; a failed task does not stop the next. */
export class OneAtATime {
  private readonly queues = new Map<string, Promise<unknown>>();

  run<R>(key: string, task: () => Promise<R>): Promise<R> {
    const before = this.queues.get(key) ?? Promise.resolve();
    const done = before.catch(() => {}).then(task);
    const tail = done.catch(() => {});
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return done;
  }
}
