// Structured logs (pino, JSON lines). The token is scrubbed from every line written, whatever logged it:
// redaction by field path would miss a token inside an error message or a URL.
import pino, { type Logger } from 'pino';
import type { LogLevel } from './config.js';

export type { Logger };

export function createLogger(level: LogLevel, secrets: string[], out: NodeJS.WritableStream = process.stdout): Logger {
  const hidden = secrets.filter((s) => s.length > 0);
  return pino(
    { level, base: { app: 'story-bot' } },
    { write: (line: string) => out.write(scrub(line, hidden)) },
  );
}

export function scrub(text: string, secrets: readonly string[]): string {
  return secrets.reduce((t, secret) => t.replaceAll(secret, '[redacted]'), text);
}
