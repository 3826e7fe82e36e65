// Modals: what Discord refuses in a modal the bot opens (callback type 9), and what a person can type into
// one and submit (MODAL_SUBMIT, interaction type 5). A modal holds 1-5 text inputs, each in an action row
// (the older shape) or in a label component (type 18); the submit sends each back in the shape it came in.
import { length, type Problem } from './checks.js';

type Json = Record<string, unknown>;

const TEXT_INPUT = 4;
const ACTION_ROW = 1;
const LABEL = 18;
const TEXT_LIMIT = 4000;

interface TextInput {
  input: Json;
  /** The label the person sees: the label component's, or the text input's own in an action row. */
  label: unknown;
  inLabel: boolean;
}

function textInputs(modal: Json): TextInput[] | string {
  const top = Array.isArray(modal['components']) ? (modal['components'] as Json[]) : [];
  const inputs: TextInput[] = [];
  for (const c of top) {
    if (c['type'] === LABEL && (c['component'] as Json | undefined)?.['type'] === TEXT_INPUT) {
      inputs.push({ input: c['component'] as Json, label: c['label'], inLabel: true });
      continue;
    }
    const children = Array.isArray(c['components']) ? (c['components'] as Json[]) : [];
    if (c['type'] !== ACTION_ROW || children.length !== 1 || children[0]!['type'] !== TEXT_INPUT) {
      return 'Each component of a modal must be a label or an action row holding one text input.';
    }
    inputs.push({ input: children[0]!, label: children[0]!['label'], inLabel: false });
  }
  return inputs;
}

const minOf = (input: Json) => Number(input['min_length'] ?? 0);
const maxOf = (input: Json) => Number(input['max_length'] ?? TEXT_LIMIT);
const requiredOf = (input: Json) => input['required'] !== false;

/** What Discord answers Invalid Form Body to in a modal's data. */
export function modalProblems(data: Json | null): Problem[] {
  const problems: Problem[] = [];
  const bad = (path: string, message: string, code = 'BASE_TYPE_BAD_LENGTH') =>
    problems.push({ kind: 'malformed-request', path: `data.${path}`, code, message });
  if (!data) {
    bad('_root', 'A modal needs data.', 'BASE_TYPE_REQUIRED');
    return problems;
  }
  if (length(data['title']) < 1 || length(data['title']) > 45) bad('title', 'Must be between 1 and 45 in length.');
  if (length(data['custom_id']) < 1 || length(data['custom_id']) > 100) bad('custom_id', 'Must be between 1 and 100 in length.');
  const inputs = textInputs(data);
  if (typeof inputs === 'string') {
    bad('components', inputs, 'COMPONENT_TYPE_INVALID');
    return problems;
  }
  if (inputs.length < 1 || inputs.length > 5) bad('components', 'Must be between 1 and 5 in length.');
  const seen = new Set<unknown>();
  inputs.forEach(({ input, label }, i) => {
    const at = (field: string) => `components.${i}.${field}`;
    const id = input['custom_id'];
    if (length(id) < 1 || length(id) > 100) bad(at('custom_id'), 'Must be between 1 and 100 in length.');
    else if (seen.has(id)) bad(at('custom_id'), `custom_id "${String(id)}" is used twice in one modal.`, 'COMPONENT_CUSTOM_ID_DUPLICATED');
    seen.add(id);
    if (length(label) < 1 || length(label) > 45) bad(at('label'), 'Must be between 1 and 45 in length.');
    if (input['style'] !== 1 && input['style'] !== 2) bad(at('style'), 'Value must be one of (1, 2).', 'BASE_TYPE_CHOICES');
    if (minOf(input) < 0 || minOf(input) > TEXT_LIMIT) bad(at('min_length'), `Must be between 0 and ${TEXT_LIMIT}.`);
    if (maxOf(input) < 1 || maxOf(input) > TEXT_LIMIT || maxOf(input) < minOf(input)) bad(at('max_length'), `Must be between 1 and ${TEXT_LIMIT}, and at least min_length.`);
    if (length(input['placeholder']) > 100) bad(at('placeholder'), 'Must be 100 or fewer in length.');
    if (length(input['value']) > maxOf(input)) bad(at('value'), 'Must not be longer than max_length.');
  });
  return problems;
}

/**
 * The data of a MODAL_SUBMIT for `values` typed into `modal`, by text input custom_id; an input left out
 * is sent empty, as Discord does. Throws for what the person could not submit.
 */
export function modalSubmitData(modal: Json, values: Readonly<Record<string, string>>): Json {
  const inputs = textInputs(modal);
  if (typeof inputs === 'string') throw new Error(`the modal cannot be shown: ${inputs}`);
  const ids = inputs.map(({ input }) => input['custom_id']);
  for (const key of Object.keys(values)) {
    if (!ids.includes(key)) throw new Error(`the modal has no text input "${key}" (inputs: ${ids.join(', ')})`);
  }
  const components = inputs.map(({ input, inLabel }, i) => {
    const id = String(input['custom_id']);
    const value = values[id] ?? '';
    if (requiredOf(input) && value === '') throw new Error(`text input "${id}" is required; Discord will not submit the modal without it`);
    if (value !== '' && (length(value) < minOf(input) || length(value) > maxOf(input))) {
      throw new Error(`text input "${id}" takes ${minOf(input)}-${maxOf(input)} characters; a person cannot type ${length(value)}`);
    }
    const sent = { type: TEXT_INPUT, id: i * 2 + 2, custom_id: id, value };
    return inLabel ? { type: LABEL, id: i * 2 + 1, component: sent } : { type: ACTION_ROW, id: i * 2 + 1, components: [sent] };
  });
  return { custom_id: modal['custom_id'], components };
}
