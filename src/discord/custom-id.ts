// All state a click needs lives in the component's custom_id, `kind:v1:field:field…`, so buttons keep working
// after a restart and no collector is ever needed. The version lets old messages still decode (or be
// recognised as stale) after a control's fields change. Controls (controls.ts) build and read their ids here.

/** Discord's limit on a custom_id. */
export const CUSTOM_ID_LIMIT = 100;

const VERSION = 'v1';
const WORK_ID = /^[a-z0-9][a-z0-9-]*$/;

export function joinCustomId(kind: string, fields: readonly string[]): string {
  const id = [kind, VERSION, ...fields].join(':');
  if (id.length > CUSTOM_ID_LIMIT) throw new RangeError(`custom_id over ${CUSTOM_ID_LIMIT} characters: ${id}`);
  return id;
}

/** The kind and fields of a custom_id of this version, or undefined for anything garbled, stale or not ours. */
export function splitCustomId(customId: string): { kind: string; fields: string[] } | undefined {
  if (customId.length > CUSTOM_ID_LIMIT) return undefined;
  const [kind, version, ...fields] = customId.split(':');
  return kind !== undefined && version === VERSION ? { kind, fields } : undefined;
}

// Each field codec throws a RangeError on what it cannot encode or read; the control that called it is then
// taken as garbled.

export function workIdField(id: string | undefined): string {
  if (!id || !WORK_ID.test(id)) throw new RangeError(`not a work id: ${id}`);
  return id;
}

export function numberField(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a non-negative integer: ${n}`);
  return n.toString(36);
}

export function readNumber(s: string | undefined): number {
  if (!s || !/^[0-9a-z]{1,10}$/.test(s)) throw new RangeError(`not base 36: ${s}`);
  return parseInt(s, 36);
}

// Snowflakes need 17-20 digits; in base 36 they take 12-13 characters, leaving room for long work ids.
export function snowflakeField(id: string): string {
  if (!/^\d{1,20}$/.test(id)) throw new RangeError(`not a snowflake: ${id}`);
  return BigInt(id).toString(36);
}

export function readSnowflake(s: string | undefined): string {
  if (!s || !/^[0-9a-z]{1,13}$/.test(s)) throw new RangeError(`not a snowflake: ${s}`);
  return [...s].reduce((n, c) => n * 36n + BigInt(parseInt(c, 36)), 0n).toString();
}

/** The key of the choice whose wire tag a field holds, for fields that stand for one of a few words. */
export function readChoice<K extends string>(choices: Readonly<Record<K, { tag: string }>>, tag: string | undefined): K {
  const key = (Object.keys(choices) as K[]).find((k) => choices[k].tag === tag);
  if (key === undefined) throw new RangeError(`not one of ${Object.values<{ tag: string }>(choices).map((c) => c.tag).join(', ')}: ${tag}`);
  return key;
}
