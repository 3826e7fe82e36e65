// Where a server wants to hear of new works and chapters (README "Following a work"): one record per server,
// `notices:<guildId>` -> the channel, in the progress store's Keyv and through its bounded calls, so a failed
// call marks the store away and throws StoreUnavailable. A server that never chose one has no record.
import type Keyv from 'keyv';
import type { StoreCall } from './records.js';

export interface NoticeChannelRecord {
  channelId: string;
}

/** Starts with letters, so it never meets a reader's places (`<digits>:<work>`) or the store's other keys. */
export const noticesKey = (guildId: string) => `notices:${guildId}`;

export class NoticeChannelStore {
  constructor(
    private readonly keyv: Keyv<NoticeChannelRecord>,
    private readonly call: StoreCall,
  ) {}

  /** The server's notices channel, if it chose one. Throws StoreUnavailable. */
  async of(guildId: string): Promise<string | undefined> {
    const record = await this.call(() => this.keyv.get(noticesKey(guildId)));
    return record && typeof record.channelId === 'string' ? record.channelId : undefined;
  }

  /** Posts the server's notices in `channelId`, or nowhere for undefined. Throws StoreUnavailable. */
  async set(guildId: string, channelId: string | undefined): Promise<void> {
    await this.call(() => (channelId === undefined ? this.keyv.delete(noticesKey(guildId)) : this.keyv.set(noticesKey(guildId), { channelId })));
  }
}
