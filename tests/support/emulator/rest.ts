// The HTTP side: parse a request the way Discord would, route it, and always answer (never hang).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordError, unauthorized, type EmulatorState } from './state.js';

export interface ApiRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

export interface ApiReply {
  status: number;
  body?: unknown;
}

export interface Route {
  method: string;
  /** Segments after `/api/v10`; `:name` captures one (URL-decoded, so `%40original` arrives as `@original`). */
  pattern: string;
  /** Interaction callbacks and webhooks are authorised by their token, not the bot's. */
  auth: boolean;
  handle: (req: ApiRequest, state: EmulatorState) => ApiReply | Promise<ApiReply>;
}

const PREFIX = '/api/v10';
const MAX_BODY = 25 * 1024 * 1024;

function match(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i] ?? '';
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return null;
  }
  return params;
}

function decodeSegments(path: string): string[] | null {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return null;
  }
}

async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new DiscordError(413, { message: 'Request entity too large', code: 40005 }, ['malformed-request']);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const invalidJson = () =>
  new DiscordError(400, { message: 'The request body contains invalid JSON.', code: 50109 }, ['malformed-request']);

/** JSON, or multipart with `payload_json` (what discord.js sends when files are attached). */
async function parseBody(raw: Buffer, type: string): Promise<unknown> {
  if (raw.length === 0) return undefined;
  if (type.startsWith('multipart/form-data')) return parseMultipart(raw, type);
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw invalidJson();
  }
}

async function parseMultipart(raw: Buffer, type: string): Promise<unknown> {
  let form: FormData;
  try {
    form = await new Response(raw, { headers: { 'content-type': type } }).formData();
  } catch {
    throw invalidJson();
  }
  const json = form.get('payload_json');
  let body: Record<string, unknown> = {};
  try {
    if (typeof json === 'string') body = JSON.parse(json) as Record<string, unknown>;
  } catch {
    throw invalidJson();
  }
  const files = new Map<string, Record<string, unknown>>();
  for (const [key, value] of form.entries()) {
    if (!key.startsWith('files[') || typeof value === 'string') continue;
    files.set(key.slice(6, -1), { filename: value.name, size: value.size, content_type: value.type,
      url: `https://cdn.example/${value.name}`, proxy_url: `https://media.example/${value.name}` });
  }
  return files.size > 0 ? withFiles(body, files) : body;
}

/** Fills the `attachments` entries (top level, or in `data` for a callback) with what was uploaded. */
function withFiles(body: Record<string, unknown>, files: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const fill = (list: unknown) => Array.isArray(list)
    ? list.map((a: Record<string, unknown>) => ({ ...a, ...files.get(String(a['id'])) }))
    : [...files].map(([id, file]) => ({ id, ...file }));
  const data = body['data'];
  if (typeof data === 'object' && data !== null) {
    return { ...body, data: { ...data, attachments: fill((data as Record<string, unknown>)['attachments']) } };
  }
  return { ...body, attachments: fill(body['attachments']) };
}

function send(res: ServerResponse, reply: ApiReply): void {
  if (reply.status === 204 || reply.body === undefined) {
    res.writeHead(reply.status === 200 ? 204 : reply.status).end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

function record(state: EmulatorState, req: IncomingMessage, error: DiscordError): void {
  for (const kind of error.kinds) {
    state.violations.push({ kind, message: error.message, method: req.method ?? '', path: req.url ?? '', response: error.body });
  }
}

async function route(req: IncomingMessage, routes: Route[], state: EmulatorState): Promise<ApiReply> {
  const url = new URL(req.url ?? '/', 'http://emulator');
  const raw = await readRaw(req);
  const segments = url.pathname.startsWith(`${PREFIX}/`) ? decodeSegments(url.pathname.slice(PREFIX.length)) : null;
  const found = segments && routes
    .filter((r) => r.method === req.method)
    .map((r) => ({ r, params: match(r.pattern, segments) }))
    .find((m) => m.params !== null);
  if (!found || !found.params) {
    throw new DiscordError(404, { message: '404: Not Found', code: 0 }, ['unknown-route'], `${req.method} ${url.pathname}`);
  }
  if (found.r.auth && req.headers.authorization !== `Bot ${state.token}`) throw unauthorized();
  const body = await parseBody(raw, req.headers['content-type'] ?? '');
  return found.r.handle({ method: req.method ?? '', path: url.pathname, params: found.params, query: url.searchParams, body }, state);
}

export function restHandler(routes: Route[], state: EmulatorState) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    route(req, routes, state)
      .then((reply) => send(res, reply))
      .catch((error: unknown) => {
        if (error instanceof DiscordError) {
          record(state, req, error);
          send(res, { status: error.status, body: error.body });
          return;
        }
        // A bug in the emulator itself: say so plainly instead of blaming the bot.
        console.error('[discord emulator]', error);
        send(res, { status: 500, body: { message: `emulator error: ${String(error)}`, code: 0 } });
      });
  };
}
