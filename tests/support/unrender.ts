/** The plain text a rendered body shows: drops our markers and backslashes. Inverse of renderRange (src/reading/markdown.ts). */
export function unrenderPage(body: string): string {
  return body.replace(/\\([\s\S])|[*_~]/g, (_, escaped: string | undefined) => escaped ?? '');
}
