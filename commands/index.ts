// Every slash command, each in its own file with its definition, handlers and controls. The composition
// root (src/app.ts) hands this list to the router; `npm run deploy-commands` registers their `data`.
import type { Command } from '../src/discord/command.js';
import { bookmarks } from './bookmarks.js';
import { excerpt } from './excerpt.js';
import { library } from './library.js';
import { follow } from './follow.js';
import { progress } from './progress.js';
import { read } from './read.js';
import { resume } from './resume.js';
import { search } from './search.js';
import { unfollow } from './unfollow.js';
import { works } from './works.js';

export const commands: readonly Command[] = [works, read, resume, progress, excerpt, search, bookmarks, follow, unfollow, library];

export const commandDefinitions = commands.map((command) => command.data);
