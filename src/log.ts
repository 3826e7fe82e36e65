// Structured logs (pino, JSON lines). Secrets are scrubbed from every line written, whatever logged it:
// redaction by field path would miss a token inside an error message or a URL. Secrets are the bot's token,
// and the interaction and webhook tokens in Discord URLs (an interaction's token answers it for 15 minutes).
// A failed Discord request is logged with its body's size only: that body is a reader's page.
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export function createLogger(level: LogLevel, secrets: string[], out: NodeJS.WritableStream = process.stdout): Logger {
  const hidden = secrets.filter((s) => s.length > 0);
  return pino(
    { level, base: { app: 'story-bot' }, serializers: { err: serializeError } },
    { write: (line: string) => out.write(scrub(line, hidden)) },
  );
}

const SNOWFLAKE = String.raw`\d{15,21}`;
const TOKEN_IN_PATH = new RegExp(String.raw`(/(?:interactions|webhooks)/${SNOWFLAKE}/)[^/?#\s"\\]+`, 'g');
/** @discordjs/rest names a webhook's queue `<id>/<token>`, without the path, in debug events and rate-limit errors. */
const TOKEN_AFTER_ID = new RegExp(String.raw`(${SNOWFLAKE}/)[\w.-]{30,}`, 'g');

export function scrub(text: string, secrets: readonly string[]): string {
  return secrets
    .reduce((t, secret) => t.replaceAll(secret, '[redacted]'), text)
    .replace(TOKEN_IN_PATH, '$1[redacted]')
    .replace(TOKEN_AFTER_ID, '$1[redacted]');
}

type SerializedError = Record<string, unknown>;

/** pino's error serializer, with discord.js's `requestBody` (DiscordAPIError, HTTPError) given as its size. */
function serializeError(err: unknown): unknown {
  const serialized = pino.stdSerializers.err(err as Error) as unknown;
  // Anything but an error comes back as it was; an error comes back as a new object, safe to change.
  return serialized === err ? err : measureBodies(serialized as SerializedError);
}

function measureBodies(serialized: SerializedError): SerializedError {
  if ('requestBody' in serialized) serialized['requestBody'] = bodySize(serialized['requestBody']);
  const inner = serialized['aggregateErrors'];
  if (Array.isArray(inner)) serialized['aggregateErrors'] = inner.map((e: SerializedError) => measureBodies(e));
  return serialized;
}

function bodySize(requestBody: unknown): { bytes: number; files?: number } {
  const { json, files } = (requestBody ?? {}) as { json?: unknown; files?: { data?: unknown }[] };
  const jsonBytes = json === undefined ? 0 : Buffer.byteLength(typeof json === 'string' ? json : JSON.stringify(json) ?? '');
  const attached = Array.isArray(files) ? files : [];
  const fileBytes = attached.reduce((n, file) => n + byteLength(file.data), 0);
  return attached.length > 0 ? { bytes: jsonBytes + fileBytes, files: attached.length } : { bytes: jsonBytes };
}

function byteLength(data: unknown): number {
  if (typeof data === 'string') return Buffer.byteLength(data);
  return ArrayBuffer.isView(data) || data instanceof ArrayBuffer ? data.byteLength : 0;
}
