// The limits Discord enforces on what a bot sends, plus our house rule on mentions. Each broken rule is a
// Problem; the REST layer turns them into Discord's "Invalid Form Body" answer and records a violation.
import { FLAG_COMPONENTS_V2, type Message, type MessageBody } from './messages.js';
import { walkComponents } from './text.js';

export type ViolationKind =
  | 'content-length' | 'embed-limits' | 'too-many-embeds' | 'components-v2' | 'custom-id' | 'action-rows'
  | 'button-label' | 'select-options' | 'autocomplete-choices' | 'allowed-mentions' | 'late-response'
  | 'already-acknowledged' | 'unknown-interaction' | 'invalid-callback' | 'malformed-request'
  | 'unknown-route' | 'unauthorized' | 'no-response' | 'unknown-attachment' | 'sharding';

export interface Problem {
  kind: ViolationKind;
  /** Dotted path into the body, as Discord reports it: `embeds.0.description`. */
  path: string;
  code: string;
  message: string;
}

type Json = Record<string, unknown>;
const SELECT_TYPES = new Set([3, 5, 6, 7, 8]);
// Link and premium buttons carry no custom_id.
const BUTTON_STYLES_WITHOUT_ID = new Set([5, 6]);

const SURROGATE_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** Discord counts characters as code points: a pair of UTF-16 surrogates is one (counted without a copy). */
export const length = (v: unknown): number => (typeof v === 'string' ? v.length - (v.match(SURROGATE_PAIR)?.length ?? 0) : 0);

const tooLong = (kind: ViolationKind, path: string, max: number): Problem => ({
  kind, path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.`,
});

function maxLength(kind: ViolationKind, path: string, value: unknown, max: number): Problem[] {
  return length(value) > max ? [tooLong(kind, path, max)] : [];
}

/** House rule: no message may ping anyone, so every create and edit must say so explicitly. */
export function checkAllowedMentions(body: MessageBody): Problem[] {
  const am = body.allowed_mentions as Json | undefined | null;
  const problem = (message: string): Problem[] => [
    { kind: 'allowed-mentions', path: 'allowed_mentions', code: 'HOUSE_RULE_ALLOWED_MENTIONS', message },
  ];
  if (am === undefined || am === null || typeof am !== 'object') {
    return problem('allowed_mentions is required and must be { parse: [] }.');
  }
  if (!Array.isArray(am['parse']) || am['parse'].length > 0) return problem('allowed_mentions.parse must be [].');
  for (const key of ['users', 'roles'] as const) {
    const listed = am[key];
    if (Array.isArray(listed) && listed.length > 0) return problem(`allowed_mentions.${key} must be empty.`);
  }
  if (am['replied_user'] === true) return problem('allowed_mentions.replied_user must not be true.');
  return [];
}

function embedProblems(embed: Json, i: number): Problem[] {
  const at = (field: string) => `embeds.${i}.${field}`;
  const fields = Array.isArray(embed['fields']) ? (embed['fields'] as Json[]) : [];
  const footer = embed['footer'] as Json | undefined;
  const author = embed['author'] as Json | undefined;
  return [
    ...maxLength('embed-limits', at('title'), embed['title'], 256),
    ...maxLength('embed-limits', at('description'), embed['description'], 4096),
    ...maxLength('embed-limits', at('footer.text'), footer?.['text'], 2048),
    ...maxLength('embed-limits', at('author.name'), author?.['name'], 256),
    ...(fields.length > 25 ? [tooLong('embed-limits', at('fields'), 25)] : []),
    ...fields.flatMap((f, j) => [
      ...maxLength('embed-limits', at(`fields.${j}.name`), f['name'], 256),
      ...maxLength('embed-limits', at(`fields.${j}.value`), f['value'], 1024),
    ]),
  ];
}

function embedTextLength(embed: Json): number {
  const fields = Array.isArray(embed['fields']) ? (embed['fields'] as Json[]) : [];
  const footer = embed['footer'] as Json | undefined;
  const author = embed['author'] as Json | undefined;
  return length(embed['title']) + length(embed['description']) + length(footer?.['text']) +
    length(author?.['name']) + fields.reduce((n, f) => n + length(f['name']) + length(f['value']), 0);
}

function embedsProblems(embeds: Json[]): Problem[] {
  if (embeds.length > 10) return [tooLong('too-many-embeds', 'embeds', 10)];
  const total = embeds.reduce((n, e) => n + embedTextLength(e), 0);
  const totalProblem: Problem[] = total > 6000
    ? [{ kind: 'embed-limits', path: 'embeds', code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' }]
    : [];
  return [...embeds.flatMap(embedProblems), ...totalProblem];
}

function rowProblems(row: Json, path: string): Problem[] {
  const children = Array.isArray(row['components']) ? (row['components'] as Json[]) : [];
  const selects = children.filter((c) => SELECT_TYPES.has(Number(c['type'])));
  const bad = (message: string): Problem[] => [{ kind: 'action-rows', path: `${path}.components`, code: 'COMPONENT_LAYOUT_WIDTH_EXCEEDED', message }];
  if (children.length === 0) return bad('An action row needs at least one component.');
  if (selects.length > 0 && children.length > 1) return bad('A select menu must be alone in its action row.');
  if (children.length > 5) return bad('An action row holds at most 5 buttons.');
  return children.flatMap((c, i) => (Number(c['type']) === 2 ? buttonProblems(c, `${path}.components.${i}`) : []));
}

function buttonProblems(button: Json, path: string): Problem[] {
  return maxLength('button-label', `${path}.label`, button['label'], 80);
}

function selectProblems(select: Json): Problem[] {
  const options = select['options'];
  if (Number(select['type']) !== 3 || !Array.isArray(options) || options.length <= 25) return [];
  return [tooLong('select-options', 'components.options', 25)];
}

function customIdProblems(all: Json[]): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  const bad = (message: string) => problems.push({ kind: 'custom-id', path: 'components.custom_id', code: 'COMPONENT_CUSTOM_ID_INVALID', message });
  for (const c of all) {
    const id = c['custom_id'];
    const needsId = SELECT_TYPES.has(Number(c['type'])) ||
      (Number(c['type']) === 2 && !BUTTON_STYLES_WITHOUT_ID.has(Number(c['style'])));
    if (id === undefined && !needsId) continue;
    if (typeof id !== 'string' || id.length < 1) bad('custom_id is required (1-100 characters).');
    else if (length(id) > 100) bad(`custom_id "${id.slice(0, 20)}…" is longer than 100 characters.`);
    else if (seen.has(id)) bad(`custom_id "${id}" is used twice in one message.`);
    else seen.add(id);
  }
  return problems;
}

function v2Problems(message: Message, all: Json[]): Problem[] {
  const bad = (path: string, text: string): Problem => ({ kind: 'components-v2', path, code: 'COMPONENTS_V2_INVALID', message: text });
  const text = all.filter((c) => c['type'] === 10).reduce((n, c) => n + length(c['content']), 0);
  return [
    ...(message.content.length > 0 ? [bad('content', 'content cannot be used with the IS_COMPONENTS_V2 flag.')] : []),
    ...(message.embeds.length > 0 ? [bad('embeds', 'embeds cannot be used with the IS_COMPONENTS_V2 flag.')] : []),
    ...(text > 4000 ? [bad('components', `Text displays total ${text} characters; the limit is 4000.`)] : []),
    ...(all.length > 40 ? [bad('components', `${all.length} components; the limit is 40.`)] : []),
  ];
}

function layoutProblems(message: Message, isV2: boolean): Problem[] {
  const top = message.components as Json[];
  const rows = walkComponents(top).filter((c) => c['type'] === 1);
  if (!isV2 && top.some((c) => c['type'] !== 1)) {
    return [{ kind: 'components-v2', path: 'components', code: 'COMPONENTS_V2_REQUIRED', message: 'Only action rows are allowed at the top level without the IS_COMPONENTS_V2 flag.' }];
  }
  const count: Problem[] = !isV2 && rows.length > 5 ? [{ ...tooLong('action-rows', 'components', 5), message: 'At most 5 action rows.' }] : [];
  return [...count, ...rows.flatMap((row, i) => rowProblems(row, `components.${i}`))];
}

/** Everything Discord would refuse in a message as it would be stored (after an edit is applied). */
export function checkMessage(message: Message): Problem[] {
  const isV2 = (message.flags & FLAG_COMPONENTS_V2) !== 0;
  const all = walkComponents(message.components);
  return [
    ...maxLength('content-length', 'content', message.content, 2000),
    ...embedsProblems(message.embeds as Json[]),
    ...(isV2 ? v2Problems(message, all) : []),
    ...layoutProblems(message, isV2),
    ...all.flatMap(selectProblems),
    ...customIdProblems(all),
  ];
}

export function checkChoices(choices: unknown): Problem[] {
  if (!Array.isArray(choices)) {
    return [{ kind: 'malformed-request', path: 'data.choices', code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }];
  }
  const bad = choices.length > 25 ? [tooLong('autocomplete-choices', 'data.choices', 25)] : [];
  return [
    ...bad,
    ...(choices as Json[]).flatMap((c, i) => [
      ...maxLength('autocomplete-choices', `data.choices.${i}.name`, c['name'], 100),
      ...(length(c['name']) < 1 ? [{ kind: 'autocomplete-choices' as const, path: `data.choices.${i}.name`, code: 'BASE_TYPE_MIN_LENGTH', message: 'Must be 1 or more in length.' }] : []),
      ...maxLength('autocomplete-choices', `data.choices.${i}.value`, c['value'], 100),
    ]),
  ];
}

/** Nested `errors` object in Discord's shape: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export function formBodyError(problems: Problem[]): Json {
  const errors: Json = {};
  for (const p of problems) {
    let node = errors;
    for (const key of p.path.split('.')) node = (node[key] ??= {}) as Json;
    ((node['_errors'] ??= []) as unknown[]).push({ code: p.code, message: p.message });
  }
  return { code: 50035, message: 'Invalid Form Body', errors };
}

/** The body is an object and its fields have the types Discord expects. */
export function checkShape(body: unknown): Problem[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [{ kind: 'malformed-request', path: '_root', code: 'DICT_TYPE_CONVERT', message: 'Only dictionaries may be used in a DictType' }];
  }
  const b = body as Json;
  const wrong = (key: string, ok: (v: unknown) => boolean, code: string, message: string): Problem[] =>
    b[key] === undefined || b[key] === null || ok(b[key]) ? [] : [{ kind: 'malformed-request', path: key, code, message }];
  return [
    ...wrong('content', (v) => typeof v === 'string', 'BASE_TYPE_STRING', 'Must be a string.'),
    ...wrong('embeds', Array.isArray, 'BASE_TYPE_ARRAY', 'Must be an array.'),
    ...wrong('components', Array.isArray, 'BASE_TYPE_ARRAY', 'Must be an array.'),
    ...wrong('flags', Number.isInteger, 'NUMBER_TYPE_COERCE', 'Value is not int.'),
  ];
}
