// What a person sees in a message, pulled out of the raw JSON so tests can assert on it.
import type { Message } from './messages.js';

type Json = Record<string, unknown>;

export interface Button {
  label: string | null;
  customId: string | null;
  disabled: boolean;
  style: number;
  url: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

function embedText(embed: Json): string[] {
  const author = embed['author'] as Json | undefined;
  const footer = embed['footer'] as Json | undefined;
  const fields = (embed['fields'] as Json[] | undefined) ?? [];
  return [
    str(author?.['name']),
    str(embed['title']),
    str(embed['description']),
    ...fields.flatMap((f) => [str(f['name']), str(f['value'])]),
    str(footer?.['text']),
  ].filter((s): s is string => s !== null);
}

/** Every component, depth first, through rows, containers, sections and their accessories. */
export function walkComponents(components: unknown): Json[] {
  if (!Array.isArray(components)) return [];
  return (components as Json[]).flatMap((c) => [
    c,
    ...walkComponents(c['components']),
    ...(c['accessory'] ? walkComponents([c['accessory']]) : []),
  ]);
}

/** Content, embed text and Components V2 text displays, in reading order, one block per line. */
export function textOf(message: Pick<Message, 'content' | 'embeds' | 'components'>): string {
  const texts = walkComponents(message.components)
    .filter((c) => c['type'] === 10)
    .map((c) => str(c['content']));
  return [str(message.content), ...(message.embeds as Json[]).flatMap(embedText), ...texts]
    .filter((s): s is string => s !== null)
    .join('\n');
}

export function buttonsOf(message: Pick<Message, 'components'>): Button[] {
  return walkComponents(message.components)
    .filter((c) => c['type'] === 2)
    .map((c) => ({
      label: str(c['label']),
      customId: str(c['custom_id']),
      disabled: c['disabled'] === true,
      style: Number(c['style']),
      url: str(c['url']),
    }));
}
