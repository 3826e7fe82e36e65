// Attachments on slash commands: a test makes one (`emu.attach`), passes it as an option's value, and the
// interaction carries it as Discord does (option type 11 whose value is the attachment's id, the attachment
// itself in `data.resolved.attachments`). Its `url` is on the emulator's own HTTP server, which serves the bytes
// as Discord's CDN would, with a content-length; a test may make the attachment lie about its size, or
// leave the content-length out, to see the bot stop a download itself.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Snowflakes } from './snowflake.js';
import type { Violation } from './state.js';

export interface AttachmentSpec {
  filename: string;
  bytes: Uint8Array | string;
  content_type?: string;
  /** The size the attachment claims (Discord's `size`), when a test makes it lie; the real size otherwise. */
  claimedSize?: number;
  /** Serve the bytes without a content-length, so only counting them shows how many there are. */
  withoutLength?: boolean;
}

/** An attachment as it appears in `resolved.attachments`. */
export interface Attachment {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

export const ATTACHMENT_OPTION = 11;
const PATH = /^\/attachments\/(\d+)\/([^/?]+)$/;

export function isAttachment(value: unknown): value is Attachment {
  return typeof value === 'object' && value !== null && 'url' in value && 'filename' in value;
}

export class AttachmentHost {
  private readonly files = new Map<string, { spec: AttachmentSpec; bytes: Buffer; downloads: number }>();

  constructor(private readonly ids: Snowflakes, private readonly origin: () => string, private readonly violations: Violation[]) {}

  add(spec: AttachmentSpec): Attachment {
    const id = this.ids.next();
    const bytes = Buffer.from(spec.bytes);
    this.files.set(id, { spec, bytes, downloads: 0 });
    const url = `${this.origin()}/attachments/${id}/${encodeURIComponent(spec.filename)}`;
    return {
      id, filename: spec.filename, size: spec.claimedSize ?? bytes.length, url, proxy_url: url,
      ...(spec.content_type ? { content_type: spec.content_type } : {}),
    };
  }

  /** How many times the bot fetched this attachment. */
  downloads(attachment: Attachment): number {
    return this.files.get(attachment.id)?.downloads ?? 0;
  }

  /** Serves GET /attachments/:id/:filename; false for any other request, which the API routes take. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://emulator').pathname);
    if (!match) return false;
    const file = this.files.get(match[1]!);
    if (req.method !== 'GET' || !file || encodeURIComponent(file.spec.filename) !== match[2]) {
      this.violations.push({ kind: 'unknown-attachment', message: `no attachment at ${req.method} ${req.url}`, method: req.method ?? '', path: req.url ?? '', response: null });
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return true;
    }
    file.downloads += 1;
    const type = file.spec.content_type ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, ...(file.spec.withoutLength ? {} : { 'content-length': file.bytes.length }) });
    // In pieces, as a network would deliver them, so a reader that stops early can be seen to.
    const pieces = Math.max(1, Math.ceil(file.bytes.length / 65_536));
    for (let i = 0; i < pieces; i++) res.write(file.bytes.subarray(i * 65_536, (i + 1) * 65_536));
    res.end();
    return true;
  }
}

/** `data.resolved.attachments` for the attachment options among `values`, or nothing when there are none. */
export function resolvedAttachments(values: Record<string, unknown>): Record<string, unknown> {
  const attachments = Object.values(values).filter(isAttachment);
  return attachments.length === 0 ? {} : { resolved: { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } };
}
