// The other half of "may this interaction show this work": a work a server uploaded (under
// servers/<guildId>/, src/library/server-files.ts) is shown only in that server, never in another nor in DMs.
// Pure, like policy.ts; interaction.ts applies both at once.
import type { Work } from '../library/model.js';
import { serverOfFile } from '../library/server-files.js';

/** `guildId` is the interaction's server, null in DMs. */
export function mayShowInServer(guildId: string | null, work: Work): boolean {
  const owner = serverOfFile(work.file);
  return owner === undefined || owner === guildId;
}

/** Why a server's work cannot be shown here; the title is not said, since it is that server's to share. */
export function serverRefusal(guildId: string | null): string {
  return guildId === null
    ? 'That work is in a server\'s own library, and can be read only in the server that added it.'
    : 'That work is not in this server\'s library. Use /works to see what is.';
}
