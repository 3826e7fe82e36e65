// Ids and time. The clock can be pushed forward so tests can reach the 3 s and 15 min limits without waiting.
const DISCORD_EPOCH = 1420070400000n;

export class Snowflakes {
  private increment = 0n;
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  isoNow(): string {
    return new Date(this.now()).toISOString();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }

  /** A real-looking snowflake, so discord.js derives sensible creation times from it. */
  next(): string {
    this.increment = (this.increment + 1n) & 0xfffn;
    return (((BigInt(this.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | this.increment).toString();
  }
}
