// The work a reading control names. A leaf module: the Go to… and Bookmark controls use it without importing
// controls.ts, which lists them (an import cycle would leave that list holding undefined).
import type { Work } from '../../library/model.js';
import type { BotContext } from '../context.js';
import { UserError } from '../user-error.js';

/** The work a control names, or a UserError when it has left the library since the control was sent. */
export function workOf(ctx: BotContext, workId: string): Work {
  const work = ctx.catalog.byId(workId);
  if (!work) throw new UserError('That work is no longer in the library. Use /works to see what is.');
  return work;
}
