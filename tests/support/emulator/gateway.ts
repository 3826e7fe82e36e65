// The WebSocket gateway: HELLO, IDENTIFY -> READY + GUILD_CREATE, heartbeats, and dispatching events, each
// guild's only on the shard that owns it (shards.ts).
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket, type RawData } from 'ws';
import { identifiedShard, shardOf } from './shards.js';
import type { EmulatorState } from './state.js';
import { guildCreatePayload } from './world.js';

const Op = { Dispatch: 0, Heartbeat: 1, Identify: 2, Resume: 6, InvalidSession: 9, Hello: 10, HeartbeatAck: 11 } as const;

interface Session {
  socket: WebSocket;
  seq: number;
  ready: boolean;
  shard: number;
}

export class Gateway {
  private readonly wss: WebSocketServer;
  private readonly sessions = new Set<Session>();
  /** How often the bot identified and tried to resume; tests of reconnection read these. */
  identifies = 0;
  resumes = 0;
  /** How many events were dispatched on each shard, by shard id. */
  readonly dispatched: number[];

  constructor(server: Server, private readonly state: EmulatorState) {
    this.dispatched = Array.from({ length: state.shardCount }, () => 0);
    this.wss = new WebSocketServer({ server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.open(socket));
  }

  /** True once a bot has identified and received READY. */
  get connected(): boolean {
    return [...this.sessions].some((s) => s.ready);
  }

  /** The shards that identified and are connected, in order. */
  get shards(): number[] {
    return [...this.sessions].filter((s) => s.ready).map((s) => s.shard).sort((a, b) => a - b);
  }

  /** Sends an event on the shard that owns its guild (shard 0 for DMs). */
  dispatch(event: string, data: { guild_id?: string }): void {
    const shard = shardOf(data.guild_id, this.state.shardCount);
    const ready = [...this.sessions].filter((s) => s.ready && s.shard === shard);
    if (ready.length === 0) throw new Error(`no bot is connected to the gateway on shard ${shard} to receive ${event}`);
    this.dispatched[shard] = (this.dispatched[shard] ?? 0) + 1;
    for (const session of ready) this.send(session, { op: Op.Dispatch, t: event, d: data, s: ++session.seq });
  }

  /** Closes every bot connection with `code`, as Discord does on a restart (4000: the bot should resume). */
  disconnectAll(code: number): void {
    for (const session of this.sessions) session.socket.close(code, 'emulator asked');
  }

  close(): Promise<void> {
    for (const session of this.sessions) session.socket.terminate();
    return new Promise((resolve) => this.wss.close(() => resolve()));
  }

  private open(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, ready: false, shard: 0 };
    this.sessions.add(session);
    socket.on('close', () => this.sessions.delete(session));
    socket.on('error', () => socket.terminate());
    socket.on('message', (raw) => this.receive(session, raw));
    this.send(session, { op: Op.Hello, d: { heartbeat_interval: 41_250 }, s: null, t: null });
  }

  private receive(session: Session, raw: RawData): void {
    let payload: { op?: number; d?: Record<string, unknown> };
    try {
      payload = JSON.parse(raw.toString());
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    if (payload.op === Op.Heartbeat) this.send(session, { op: Op.HeartbeatAck, d: null, s: null, t: null });
    else if (payload.op === Op.Identify) this.identify(session, payload.d ?? {});
    else if (payload.op === Op.Resume) this.refuseResume(session);
  }

  private identify(session: Session, d: Record<string, unknown>): void {
    this.identifies += 1;
    const token = String(d['token'] ?? '').replace(/^Bot /, '');
    if (token !== this.state.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    const asked = identifiedShard(d['shard'], this.state.shardCount);
    if (session.ready) return this.refuseIdentify(session, 'identified twice on one connection', 4005);
    if ('problem' in asked) return this.refuseIdentify(session, asked.problem, 4010);
    if (this.shards.includes(asked.shard)) return this.refuseIdentify(session, `shard ${asked.shard} identified while it is already connected`, 4005);
    session.ready = true;
    session.shard = asked.shard;
    const { world } = this.state;
    const guilds = Object.values(world.guilds).filter((g) => shardOf(g.id, this.state.shardCount) === asked.shard);
    this.send(session, {
      op: Op.Dispatch, t: 'READY', s: ++session.seq,
      d: {
        v: 10, user: world.bot, guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${this.identifies}`, resume_gateway_url: this.state.gatewayUrl(),
        shard: [asked.shard, this.state.shardCount], application: { id: world.application.id, flags: world.application.flags },
        private_channels: [], relationships: [], user_settings: {}, presences: [], guild_join_requests: [],
        geo_ordered_rtc_regions: [], auth: {}, _trace: ['discord-emulator'],
      },
    });
    for (const guild of guilds) {
      this.send(session, { op: Op.Dispatch, t: 'GUILD_CREATE', s: ++session.seq, d: guildCreatePayload(world, guild) });
    }
  }

  /** As Discord closes it: 4005 Already authenticated, 4010 Invalid shard; the test sees a violation. */
  private refuseIdentify(session: Session, problem: string, code: 4005 | 4010): void {
    this.state.violations.push({ kind: 'sharding', message: problem, method: 'GATEWAY', path: 'IDENTIFY', response: { code } });
    session.socket.close(code, code === 4005 ? 'Already authenticated.' : 'Invalid shard.');
  }

  /** Sessions do not survive here; op 9 with `false` makes discord.js identify afresh. */
  private refuseResume(session: Session): void {
    this.resumes += 1;
    this.send(session, { op: Op.InvalidSession, d: false, s: null, t: null });
  }

  private send(session: Session, payload: unknown): void {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  }
}
