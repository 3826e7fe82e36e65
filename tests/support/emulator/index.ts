// A Discord emulator for end-to-end tests: the real discord.js client logs in to it on 127.0.0.1, tests act
// as people (slash commands, autocomplete, clicks, selects) and read back what the bot sent.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { buttonData, selectData } from './actions.js';
import { AttachmentHost, type Attachment, type AttachmentSpec } from './attachments.js';
import { callbackRoutes } from './callbacks.js';
import { CommandRegistry, type RegisteredCommand } from './commands.js';
import { Gateway } from './gateway.js';
import { InteractionRegistry, InteractionType, settle, type Callback, type Pending } from './interactions.js';
import { FLAG_EPHEMERAL, MessageStore, type Message } from './messages.js';
import { modalSubmitData } from './modals.js';
import { notOffered, PERMISSION_NAMES } from './permissions.js';
import { closeDms, dmChannelWith, dmRoutes } from './dms.js';
import { commandData, interactionPayload, type OptionValue } from './payloads.js';
import { restHandler } from './rest.js';
import { apiRoutes } from './routes.js';
import { Snowflakes } from './snowflake.js';
import type { EmulatorState, Violation } from './state.js';
import { createWorld, findChannel, permissionsOf, type ApiChannel, type ApiUser, type World } from './world.js';

export { textOf, buttonsOf, type Button } from './text.js';
export type { Message } from './messages.js';
export type { Violation } from './state.js';
export type { ViolationKind } from './checks.js';
export type { ApiChannel, ApiUser, World } from './world.js';
export type { RegisteredCommand } from './commands.js';
export type { OptionValue } from './payloads.js';
export type { Attachment, AttachmentSpec } from './attachments.js';

export interface InteractionResult {
  id: string;
  token: string;
  /** The bot's initial response; null if it gave none in time. */
  callback: Callback | null;
  /** Milliseconds from sending the interaction to the bot's initial response arriving; null without one. */
  answeredInMs: number | null;
  /** The reply (types 4, 5) or the clicked message (types 6, 7) as stored now, after every edit. */
  message: Message | null;
  ephemeral: boolean;
  followUps: Message[];
}

export interface Choice {
  name: string;
  value: string | number;
}

export interface EmulatorOptions {
  /** How long the bot must be silent before an interaction counts as settled; 0 settles at the answer (benchmarks). */
  quietMs?: number;
  /** How long to wait for the answer to a deferred response. */
  deferredMs?: number;
  /** How many shards /gateway/bot recommends (1): each guild's events go only to the shard that owns it. */
  shards?: number;
  /** How many shards may identify at once (1, as for most bots). */
  maxConcurrency?: number;
}

export class Emulator {
  readonly world: World;
  readonly token: string;
  private readonly state: EmulatorState;
  private readonly gateway: Gateway;
  private readonly attachments: AttachmentHost;

  constructor(private readonly server: Server, state: EmulatorState, private readonly options: Required<Pick<EmulatorOptions, 'quietMs' | 'deferredMs'>>) {
    this.state = state;
    this.world = state.world;
    this.token = state.token;
    this.gateway = new Gateway(server, state);
    this.attachments = new AttachmentHost(state.ids, () => `http://127.0.0.1:${this.port}`, state.violations);
    const api = restHandler([...dmRoutes(apiRoutes), ...apiRoutes, ...callbackRoutes], state);
    server.on('request', (req, res) => this.attachments.serve(req, res) || api(req, res));
  }

  /** An attachment a person uploads with a slash command: pass it as the attachment option's value. */
  attach(spec: AttachmentSpec): Attachment {
    return this.attachments.add(spec);
  }

  /** How many times the bot fetched an attachment's URL. */
  downloads(attachment: Attachment): number {
    return this.attachments.downloads(attachment);
  }

  /** Gives a person permissions beyond a plain member's in both guilds (a role of theirs, as far as commands care). */
  grant(user: ApiUser, ...permissions: (keyof typeof PERMISSION_NAMES)[]): void {
    const bits = permissions.reduce((all, name) => all | PERMISSION_NAMES[name]!, this.world.grants.get(user.id) ?? 0n);
    this.world.grants.set(user.id, bits);
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What the bot takes as `rest.api` (DISCORD_API_URL); discord.js adds `/v10` itself. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Everything the bot did that Discord would refuse (or our house rules forbid), in order. */
  get violations(): readonly Violation[] {
    return this.state.violations;
  }

  /** Returns the violations so far and forgets them, so each test can assert on its own. */
  takeViolations(): Violation[] {
    return this.state.violations.splice(0);
  }

  get gatewayStats() {
    const { connected, identifies, resumes, shards, dispatched } = this.gateway;
    /** `shards`: the shard ids connected now; `dispatched`: events sent on each shard so far. */
    return { connected, identifies, resumes, shards, dispatched: [...dispatched] };
  }

  /** Commands the bot registered, globally or for one guild. */
  commands(guildId?: string): RegisteredCommand[] {
    return this.state.commands.list(guildId ?? null);
  }

  messages(channelId: string): Message[] {
    return this.state.store.inChannel(channelId);
  }

  message(id: string): Message | undefined {
    return this.state.store.get(id);
  }

  /** The messages the bot sent to this person's DMs, oldest first (none if it never opened them). */
  dmsOf(user: ApiUser): Message[] {
    const channel = dmChannelWith(this.state, user.id);
    return channel ? this.state.store.inChannel(channel.id) : [];
  }

  /** From now on, the bot's messages to this person's DMs are refused (403, code 50007), as when they closed them. */
  closeDms(user: ApiUser): void {
    closeDms(this.state, user);
  }

  /** Moves the emulator's clock, to reach the 3 s and 15 min token limits without waiting. */
  advanceTime(ms: number): void {
    this.state.ids.advance(ms);
  }

  disconnectBot(code = 4000): void {
    this.gateway.disconnectAll(code);
  }

  /**
   * Runs a slash command as `user` would. Throws, sending nothing, when Discord would not offer the command
   * to them there (its default member permissions or contexts), as Discord's client never sends it.
   */
  async slash(user: ApiUser, channel: ApiChannel, name: string, options: Record<string, OptionValue> = {}): Promise<InteractionResult> {
    this.offered(user, channel, name);
    const pending = this.open(InteractionType.Command, user, channel);
    const command = this.state.commands.find(name.split(' ')[0] ?? name, pending.guildId);
    return this.run(pending, commandData(name, options, command, this.state.ids.next()));
  }

  /** Sends what Discord sends while `focusedName` is being typed; resolves with the bot's choices. */
  async autocomplete(
    user: ApiUser, channel: ApiChannel, name: string, options: Record<string, OptionValue>, focusedName: string,
  ): Promise<Choice[]> {
    this.offered(user, channel, name);
    const pending = this.open(InteractionType.Autocomplete, user, channel);
    const command = this.state.commands.find(name.split(' ')[0] ?? name, pending.guildId);
    const result = await this.run(pending, commandData(name, options, command, this.state.ids.next(), focusedName));
    if (result.callback?.type !== 8) {
      throw new Error(`autocomplete for /${name} got ${result.callback ? `callback type ${result.callback.type}` : 'no answer'}`);
    }
    return (result.callback.data?.['choices'] as Choice[] | undefined) ?? [];
  }

  async click(user: ApiUser, message: Message | string, labelOrCustomId: string): Promise<InteractionResult> {
    const current = this.current(message);
    return this.component(user, current, buttonData(current, labelOrCustomId));
  }

  /** A click carrying a custom_id the message does not show: a client holding a stale or forged message. */
  async forgedClick(user: ApiUser, message: Message | string, customId: string): Promise<InteractionResult> {
    return this.component(user, this.current(message), { custom_id: customId, component_type: 2 });
  }

  async select(user: ApiUser, message: Message | string, customId: string, values: string[]): Promise<InteractionResult> {
    const current = this.current(message);
    return this.component(user, current, selectData(current, customId, values));
  }

  /**
   * Submits the modal the bot opened in answer to `opened`, as the person it was shown to: `values` by text
   * input custom_id. The submit carries the message the modal was opened from, when it came from a button.
   */
  async submitModal(opened: InteractionResult, values: Readonly<Record<string, string>>): Promise<InteractionResult> {
    const opener = this.state.interactions.byId(opened.id);
    if (!opener?.modal) throw new Error(`the bot opened no modal on interaction ${opened.id} (callback ${JSON.stringify(opened.callback?.type ?? null)})`);
    if (opener.modalSubmitted) throw new Error(`the modal of interaction ${opened.id} was already submitted; Discord closed it`);
    const data = modalSubmitData(opener.modal, values);
    opener.modalSubmitted = true;
    const message = opener.sourceMessageId ? this.current(opener.sourceMessageId) : undefined;
    const pending = this.open(InteractionType.ModalSubmit, opener.user, opener.channel, opener.sourceMessageId ?? undefined);
    return this.run(pending, data, message);
  }

  async stop(): Promise<void> {
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private offered(user: ApiUser, channel: ApiChannel, name: string): void {
    const guildId = (channel['guild_id'] as string | undefined) ?? null;
    const command = this.state.commands.find(name.split(' ')[0] ?? name, guildId);
    const owner = user.id === this.world.users.alice.id;
    const why = notOffered(command, { guildId, permissions: permissionsOf(this.world, user), owner });
    if (why) throw new Error(`Discord does not offer /${name} to ${user.username} in ${channel['name'] ?? channel.id}: ${why}`);
  }

  /** The stored version of a message: a test may hold a copy from before later edits. */
  private current(message: Message | string): Message {
    const id = typeof message === 'string' ? message : message.id;
    const found = this.state.store.get(id);
    if (!found) throw new Error(`message ${id} is not in any channel (deleted, or never sent)`);
    return found;
  }

  private component(user: ApiUser, message: Message, data: Record<string, unknown>): Promise<InteractionResult> {
    const channel = findChannel(this.world, message.channel_id);
    if (!channel) throw new Error(`message ${message.id} is in unknown channel ${message.channel_id}`);
    const pending = this.open(InteractionType.Component, user, channel, message.id);
    return this.run(pending, data, message);
  }

  private open(type: number, user: ApiUser, channel: ApiChannel, sourceMessageId?: string): Pending {
    return this.state.interactions.open({ type, user, channel, ...(sourceMessageId ? { sourceMessageId } : {}) });
  }

  private async run(pending: Pending, data: Record<string, unknown>, message?: Message): Promise<InteractionResult> {
    pending.sentAt = performance.now();
    this.gateway.dispatch('INTERACTION_CREATE', interactionPayload(this.world, pending, data, message));
    await settle(this.state.interactions, pending, this.options);
    if (!pending.callback && !pending.dead) this.recordNoResponse(pending);
    return this.result(pending);
  }

  private recordNoResponse(pending: Pending): void {
    this.state.violations.push({
      kind: 'no-response', message: `interaction ${pending.id} got no response within 3 s`,
      method: 'GATEWAY', path: 'INTERACTION_CREATE', response: null,
    });
  }

  private result(pending: Pending): InteractionResult {
    const message = pending.originalMessageId ? this.state.store.get(pending.originalMessageId) ?? null : null;
    const followUps = pending.followUpIds
      .map((id) => this.state.store.get(id))
      .filter((m): m is Message => m !== undefined);
    return {
      id: pending.id, token: pending.token, callback: pending.callback,
      answeredInMs: pending.answeredAt !== null && pending.sentAt !== null ? pending.answeredAt - pending.sentAt : null,
      message, ephemeral: message ? (message.flags & FLAG_EPHEMERAL) !== 0 : false, followUps,
    };
  }
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const ids = new Snowflakes();
  const world = createWorld();
  const server = createServer();
  // The bot's REST client (undici) keeps a socket only while the server's Keep-Alive timeout is more than its
  // threshold of a few seconds ahead: with 1 s it opened a connection per request, as Discord never makes it.
  // stop() closes idle sockets itself.
  server.keepAliveTimeout = 30_000;
  const state: EmulatorState = {
    // Shaped like a real bot token (id.timestamp.hmac), so the bot's config check accepts it.
    world, ids, token: [Buffer.from(world.application.id).toString('base64url'), randomBytes(4).toString('base64url'), randomBytes(27).toString('base64url')].join('.'),
    store: new MessageStore(world.bot, world.application.id, ids),
    interactions: new InteractionRegistry(ids), commands: new CommandRegistry(world.application.id, ids),
    violations: [], gatewayUrl: () => `ws://127.0.0.1:${(server.address() as AddressInfo).port}/gateway`,
    shardCount: options.shards ?? 1, maxConcurrency: options.maxConcurrency ?? 1,
  };
  const emulator = new Emulator(server, state, { quietMs: options.quietMs ?? 50, deferredMs: options.deferredMs ?? 5_000 });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return emulator;
}
