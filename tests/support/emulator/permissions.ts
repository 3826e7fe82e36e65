// Who may run a command, as Discord decides it on the client: a command whose `default_member_permissions`
// the member lacks (and `contexts` that leave out where they are) is never offered, so it is never sent to
// the bot. Discord checks the two fields when a command is registered, and so does the emulator.
import type { Problem } from './checks.js';
import type { RegisteredCommand } from './commands.js';

/** Server owners and members with Administrator have every permission. */
export const ADMINISTRATOR = 1n << 3n;
export const PERMISSION_NAMES: Readonly<Record<string, bigint>> = { 'Manage Server': 1n << 5n, Administrator: ADMINISTRATOR };
const CONTEXTS = new Set([0, 1, 2]);

/** The registration rules for `default_member_permissions` (a string of digits, or null) and `contexts`. */
export function checkCommandAccess(command: Record<string, unknown>, i: number): Problem[] {
  const bad = (field: string, message: string): Problem => ({ kind: 'malformed-request', path: `${i}.${field}`, code: 'BASE_TYPE_BAD_TYPE', message });
  const permissions = command['default_member_permissions'];
  const contexts = command['contexts'];
  return [
    ...(permissions !== undefined && permissions !== null && (typeof permissions !== 'string' || !/^\d{1,20}$/.test(permissions)) ? [bad('default_member_permissions', 'Value is not snowflake.')] : []),
    ...(contexts !== undefined && contexts !== null && (!Array.isArray(contexts) || !contexts.every((c) => CONTEXTS.has(c as number))) ? [bad('contexts', 'Value must be one of {0, 1, 2}.')] : []),
  ];
}

/** Why Discord would not offer this command to this person here, or undefined when it would. */
export function notOffered(command: RegisteredCommand | undefined, where: { guildId: string | null; permissions: bigint; owner: boolean }): string | undefined {
  if (!command) return undefined;
  const contexts = command['contexts'] as number[] | null | undefined;
  if (Array.isArray(contexts) && !contexts.includes(where.guildId ? 0 : 1)) return `it is not offered in ${where.guildId ? 'servers' : 'DMs with the bot'} (contexts ${JSON.stringify(contexts)})`;
  const needed = command['default_member_permissions'];
  if (typeof needed !== 'string' || !where.guildId || where.owner || (where.permissions & ADMINISTRATOR) !== 0n) return undefined;
  const bits = BigInt(needed);
  if ((where.permissions & bits) === bits && bits !== 0n) return undefined;
  const names = Object.entries(PERMISSION_NAMES).filter(([, bit]) => (bits & bit) !== 0n).map(([name]) => name);
  return `the member lacks its default member permissions (${names.join(', ') || needed})`;
}
