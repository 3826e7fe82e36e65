// What a person can do to a message: find the button or select menu they mean, refusing what they couldn't.
import type { Message } from './messages.js';
import { walkComponents } from './text.js';

type Json = Record<string, unknown>;

export interface ComponentData extends Json {
  custom_id: string;
  component_type: number;
}

export function buttonData(message: Message, labelOrCustomId: string): ComponentData {
  const buttons = walkComponents(message.components).filter((c) => c['type'] === 2);
  const button = buttons.find((b) => b['custom_id'] === labelOrCustomId) ?? buttons.find((b) => b['label'] === labelOrCustomId);
  const names = buttons.map((b) => String(b['label'] ?? b['custom_id'])).join(', ');
  if (!button) throw new Error(`no button "${labelOrCustomId}" on message ${message.id} (buttons: ${names || 'none'})`);
  if (button['disabled'] === true) throw new Error(`button "${labelOrCustomId}" is disabled; a person cannot click it`);
  if (typeof button['custom_id'] !== 'string') throw new Error(`button "${labelOrCustomId}" is a link; it sends no interaction`);
  return { custom_id: button['custom_id'], component_type: 2 };
}

export function selectData(message: Message, customId: string, values: string[]): ComponentData & { values: string[] } {
  const select = walkComponents(message.components).find((c) => c['custom_id'] === customId);
  if (!select || select['type'] !== 3) throw new Error(`no string select "${customId}" on message ${message.id}`);
  if (select['disabled'] === true) throw new Error(`select "${customId}" is disabled`);
  const offered = new Set(((select['options'] as Json[] | undefined) ?? []).map((o) => o['value']));
  const unknown = values.filter((v) => !offered.has(v));
  if (unknown.length > 0) throw new Error(`select "${customId}" offers no ${unknown.join(', ')}`);
  const min = Number(select['min_values'] ?? 1);
  const max = Number(select['max_values'] ?? 1);
  if (values.length < min || values.length > max) throw new Error(`select "${customId}" takes ${min}-${max} values`);
  return { custom_id: customId, component_type: 3, values };
}
