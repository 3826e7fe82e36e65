// Where a server's own works live in LIBRARY_DIR (README "Per-server libraries"): `servers/<guildId>/`, one
// folder per server, loaded and watched with the rest, so every process sharing the folder sees an upload.
// A work whose file is under one belongs to that server; every other work is the shared library.

export const SERVERS_FOLDER = 'servers';
const IN_SERVER_FOLDER = /^servers\/(\d{1,20})\//;

/** The folder, relative to LIBRARY_DIR, that holds this server's uploads. */
export function serverFolder(guildId: string): string {
  if (!/^\d{1,20}$/.test(guildId)) throw new RangeError(`not a server id: ${guildId}`);
  return `${SERVERS_FOLDER}/${guildId}`;
}

/** The server a work file (a path relative to LIBRARY_DIR) belongs to, or undefined for the shared library. */
export function serverOfFile(file: string): string | undefined {
  return IN_SERVER_FOLDER.exec(file)?.[1];
}
