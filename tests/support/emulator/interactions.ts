// Open interactions: their tokens, how the bot has answered so far, and waiting until that answer settles.
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import type { ApiChannel, ApiUser } from './world.js';
import type { Snowflakes } from './snowflake.js';

export const INITIAL_RESPONSE_MS = 3_000;
export const TOKEN_LIFETIME_MS = 15 * 60_000;

export const InteractionType = { Command: 2, Component: 3, Autocomplete: 4, ModalSubmit: 5 } as const;

export interface Callback {
  type: number;
  data: Record<string, unknown> | null;
}

export interface Pending {
  id: string;
  token: string;
  type: number;
  createdAt: number;
  /** performance.now() when the emulator sent the interaction, and when the bot's first response arrived. */
  sentAt: number | null;
  answeredAt: number | null;
  user: ApiUser;
  channel: ApiChannel;
  guildId: string | null;
  /** The message a component sits on; a deferred update or update edits this one. */
  sourceMessageId: string | null;
  callback: Callback | null;
  /** Set when the first response came too late: Discord has already killed the token. */
  dead: boolean;
  originalMessageId: string | null;
  followUpIds: string[];
  /** Edits to the original response after the callback (a deferred reply is answered by one). */
  edits: number;
  /** The modal the bot opened in answer (callback type 9), until it is submitted. */
  modal: Record<string, unknown> | null;
  modalSubmitted: boolean;
}

export interface InteractionSeed {
  type: number;
  user: ApiUser;
  channel: ApiChannel;
  sourceMessageId?: string;
}

export class InteractionRegistry {
  private readonly byIdMap = new Map<string, Pending>();
  private readonly byTokenMap = new Map<string, Pending>();
  private readonly events = new EventEmitter();

  constructor(private readonly ids: Snowflakes) {
    this.events.setMaxListeners(0);
  }

  open(seed: InteractionSeed): Pending {
    const id = this.ids.next();
    const pending: Pending = {
      id, token: `emu.${id}.${randomBytes(24).toString('base64url')}`, type: seed.type, createdAt: this.ids.now(),
      sentAt: null, answeredAt: null, user: seed.user, channel: seed.channel, guildId: (seed.channel['guild_id'] as string | undefined) ?? null,
      sourceMessageId: seed.sourceMessageId ?? null, callback: null, dead: false, originalMessageId: null,
      followUpIds: [], edits: 0, modal: null, modalSubmitted: false,
    };
    this.byIdMap.set(id, pending);
    this.byTokenMap.set(pending.token, pending);
    return pending;
  }

  byId(id: string): Pending | undefined {
    return this.byIdMap.get(id);
  }

  byToken(token: string): Pending | undefined {
    return this.byTokenMap.get(token);
  }

  /** Called whenever the bot does anything for an interaction; wakes whoever is waiting on it. */
  touch(pending: Pending): void {
    this.events.emit(pending.id);
  }

  /** Resolves when `done()` holds (checked on every touch) or after `timeoutMs`; true if it held. */
  waitUntil(pending: Pending, done: () => boolean, timeoutMs: number): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const finish = (held: boolean) => {
        clearTimeout(timer);
        this.events.off(pending.id, check);
        resolve(held);
      };
      const check = () => done() && finish(true);
      const timer = setTimeout(() => finish(done()), timeoutMs);
      this.events.on(pending.id, check);
    });
  }

  /** Resolves once nothing has happened for `quietMs`. */
  async waitQuiet(pending: Pending, quietMs: number): Promise<void> {
    let touched = true;
    const mark = () => { touched = true; };
    this.events.on(pending.id, mark);
    try {
      while (touched) {
        touched = false;
        await new Promise((r) => setTimeout(r, quietMs));
      }
    } finally {
      this.events.off(pending.id, mark);
    }
  }
}

const DEFERRED = new Set([5, 6]);

export interface SettleTimes {
  quietMs: number;
  deferredMs: number;
}

/**
 * Waits the way a person watching the screen would: for the first response (until Discord would give up),
 * then, if it was deferred, for the real answer, then until the bot has been quiet for a moment.
 */
export async function settle(registry: InteractionRegistry, pending: Pending, times: SettleTimes): Promise<void> {
  const answered = await registry.waitUntil(pending, () => pending.callback !== null || pending.dead, INITIAL_RESPONSE_MS + 500);
  if (!answered) return;
  if (!pending.dead && DEFERRED.has(pending.callback?.type ?? 0)) {
    await registry.waitUntil(pending, () => pending.edits > 0 || pending.followUpIds.length > 0, times.deferredMs);
  }
  await registry.waitQuiet(pending, times.quietMs);
}
