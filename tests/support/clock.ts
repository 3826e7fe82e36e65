/** A clock for tests: starts at a fixed instant and moves one second each time it is read, so order is kept. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => number {
  let now = start - 1000;
  return () => (now += 1000);
}
