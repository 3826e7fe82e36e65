// STORE_URL's parts: config.ts checks them, the store opens its backend by them.

/** `sqlite:` of sqlite://x; not URL parsing, which rejects sqlite://:memory: and reads sqlite://data/x as a host. */
export function storeProtocol(storeUrl: string): string {
  return /^[a-z]+:/i.exec(storeUrl)?.[0].toLowerCase() ?? '';
}

/** The file path of a sqlite:// URL, relative paths kept relative (sqlite://data/x.sqlite -> data/x.sqlite). */
export function sqlitePath(storeUrl: string): string {
  return storeUrl.replace(/^sqlite:\/\//, '');
}
