// All state a click needs lives in the component's custom_id, so buttons keep working after a restart and
// no collector is ever needed. Each id starts with its kind and a version, so old messages still decode
// (or are recognised as stale) after the format changes.

/** Discord's limit on a custom_id. */
export const CUSTOM_ID_LIMIT = 100;

/** Which button of a page produced a position; keeps the custom_ids of one message unique. */
export type PageButton = 'prev' | 'next' | 'go';

export type ComponentAction =
  /** Turn to the page holding (chapter, offset) of a work, for the reader who opened the message. */
  | { kind: 'page'; button: PageButton; workId: string; chapter: number; offset: number; readerId: string }
  /** The chapter picker; the chosen chapter arrives as the select's value. */
  | { kind: 'chapter'; workId: string; readerId: string }
  /** Open a new reading of (chapter, offset) for whoever clicks: excerpts, and others' clicks on a page. */
  | { kind: 'open'; workId: string; chapter: number; offset: number }
  /** Another page of the /works list. */
  | { kind: 'works'; button: 'prev' | 'next'; page: number }
  /** Deleting one's stored progress: ask, then confirm or cancel. */
  | { kind: 'forget'; step: 'ask' | 'confirm' | 'cancel' };

const BUTTON_TAGS: Record<PageButton, string> = { prev: 'p', next: 'n', go: 'g' };
const WORK_ID = /^[a-z0-9][a-z0-9-]*$/;

export function encodeCustomId(action: ComponentAction): string {
  const id = fieldsOf(action).join(':');
  if (id.length > CUSTOM_ID_LIMIT) throw new RangeError(`custom_id over ${CUSTOM_ID_LIMIT} characters: ${id}`);
  return id;
}

function fieldsOf(action: ComponentAction): string[] {
  switch (action.kind) {
    case 'page':
      return ['page', 'v1', BUTTON_TAGS[action.button], checkWorkId(action.workId), b36(action.chapter), b36(action.offset), snowflake36(action.readerId)];
    case 'chapter':
      return ['chapter', 'v1', checkWorkId(action.workId), snowflake36(action.readerId)];
    case 'open':
      return ['open', 'v1', checkWorkId(action.workId), b36(action.chapter), b36(action.offset)];
    case 'works':
      return ['works', 'v1', action.button === 'prev' ? 'p' : 'n', b36(action.page)];
    case 'forget':
      return ['forget', 'v1', action.step];
  }
}

/** The action of a custom_id, or undefined for anything garbled, stale or not ours. */
export function decodeCustomId(customId: string): ComponentAction | undefined {
  if (customId.length > CUSTOM_ID_LIMIT) return undefined;
  const [kind, version, ...f] = customId.split(':');
  if (version !== 'v1') return undefined;
  try {
    return decodeV1(kind, f);
  } catch {
    return undefined;
  }
}

function decodeV1(kind: string | undefined, f: string[]): ComponentAction | undefined {
  if (kind === 'page' && f.length === 5) {
    const button = (Object.keys(BUTTON_TAGS) as PageButton[]).find((b) => BUTTON_TAGS[b] === f[0]);
    if (!button) return undefined;
    return { kind, button, workId: checkWorkId(f[1]), chapter: unb36(f[2]), offset: unb36(f[3]), readerId: unsnowflake36(f[4]) };
  }
  if (kind === 'chapter' && f.length === 2) return { kind, workId: checkWorkId(f[0]), readerId: unsnowflake36(f[1]) };
  if (kind === 'open' && f.length === 3) return { kind, workId: checkWorkId(f[0]), chapter: unb36(f[1]), offset: unb36(f[2]) };
  if (kind === 'works' && f.length === 2 && (f[0] === 'p' || f[0] === 'n')) {
    return { kind, button: f[0] === 'p' ? 'prev' : 'next', page: unb36(f[1]) };
  }
  if (kind === 'forget' && f.length === 1 && (f[0] === 'ask' || f[0] === 'confirm' || f[0] === 'cancel')) {
    return { kind, step: f[0] };
  }
  return undefined;
}

function checkWorkId(id: string | undefined): string {
  if (!id || !WORK_ID.test(id)) throw new RangeError(`not a work id: ${id}`);
  return id;
}

function b36(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  return n.toString(36);
}

function unb36(s: string | undefined): number {
  if (!s || !/^[0-9a-z]{1,10}$/.test(s)) throw new RangeError(`not base 36: ${s}`);
  return parseInt(s, 36);
}

// Snowflakes need 17-20 digits; in base 36 they take 12-13 characters, leaving room for long work ids.
function snowflake36(id: string): string {
  if (!/^\d{1,20}$/.test(id)) throw new RangeError(`not a snowflake: ${id}`);
  return BigInt(id).toString(36);
}

function unsnowflake36(s: string | undefined): string {
  if (!s || !/^[0-9a-z]{1,13}$/.test(s)) throw new RangeError(`not a snowflake: ${s}`);
  return [...s].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n).toString();
}
