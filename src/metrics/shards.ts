import { Status, type Client } from 'discord.js';

/** This process's gateway shards, and how many are ready (storybot_shards_up, /health). */
export function shardsOf(client: Client): { up: number; total: number } {
  const shards = [...client.ws.shards.values()];
  return { up: shards.filter((shard) => shard.status === Status.Ready).length, total: shards.length };
}
