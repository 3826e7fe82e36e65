/** "1 work", "3 works": a count and its noun, as people write them. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
