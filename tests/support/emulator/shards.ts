// Which shard owns a guild, and whether an IDENTIFY's `shard: [id, count]` is one Discord would accept.
// Discord: a guild's events go to shard `(guild_id >> 22) % count`; DMs only to shard 0.

export function shardOf(guildId: string | undefined, count: number): number {
  return guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(count));
}

/** The shard an IDENTIFY asks for (a bot that sends none runs the one shard of one), or why it is refused. */
export function identifiedShard(shard: unknown, count: number): { shard: number } | { problem: string } {
  const [id, total] = shard === undefined ? [0, 1] : Array.isArray(shard) ? shard : [];
  const asked = shard === undefined ? 'no shard' : `shard ${JSON.stringify(shard).replace(',', ', ')}`;
  if (!Number.isInteger(id) || !Number.isInteger(total) || id < 0 || id >= total) return { problem: `identified with ${asked}, not [id, count] with 0 <= id < count` };
  if (total !== count) return { problem: `identified with ${asked}, but /gateway/bot told it ${count} shard${count === 1 ? '' : 's'}` };
  return { shard: id as number };
}
