// What the REST routes, the gateway and the test API share, and the error type routes throw.
import type { CommandRegistry } from './commands.js';
import { formBodyError, type Problem, type ViolationKind } from './checks.js';
import type { InteractionRegistry } from './interactions.js';
import type { MessageStore } from './messages.js';
import type { Snowflakes } from './snowflake.js';
import type { World } from './world.js';

export interface Violation {
  kind: ViolationKind;
  message: string;
  method: string;
  path: string;
  /** The Discord-like error body the bot was sent back. */
  response: unknown;
}

export interface EmulatorState {
  world: World;
  token: string;
  ids: Snowflakes;
  store: MessageStore;
  interactions: InteractionRegistry;
  commands: CommandRegistry;
  violations: Violation[];
  gatewayUrl: () => string;
  /** The shard count /gateway/bot recommends, and the only one IDENTIFY may carry. */
  shardCount: number;
  /** `session_start_limit.max_concurrency`: how many shards may identify at once. */
  maxConcurrency: number;
}

/** A refusal as Discord would send it; each of `kinds` is recorded as a violation for the tests. */
export class DiscordError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly kinds: ViolationKind[],
    detail?: string,
  ) {
    super(detail ?? String(body['message']));
  }

  static invalidForm(problems: Problem[]): DiscordError {
    const kinds = [...new Set(problems.map((p) => p.kind))];
    const detail = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    return new DiscordError(400, formBodyError(problems), kinds, detail);
  }
}

export const unknownInteraction = (kind: ViolationKind) =>
  new DiscordError(404, { message: 'Unknown interaction', code: 10062 }, [kind]);
export const unknownWebhook = (detail?: string) =>
  new DiscordError(404, { message: 'Unknown Webhook', code: 10015 }, ['unknown-interaction'], detail);
export const unknownMessage = () => new DiscordError(404, { message: 'Unknown Message', code: 10008 }, ['unknown-interaction']);
export const unauthorized = () => new DiscordError(401, { message: '401: Unauthorized', code: 0 }, ['unauthorized']);

/** Throws the Discord error for a list of problems, if there are any. */
export function refuse(problems: Problem[]): void {
  if (problems.length > 0) throw DiscordError.invalidForm(problems);
}
