import type { CommandName } from './definitions.js';
import type { CommandHandler } from '../src/discord/context.js';
import { excerpt } from './excerpt.js';
import { progress } from './progress.js';
import { read } from './read.js';
import { resume } from './resume.js';
import { works } from './works.js';

export const commandHandlers: Record<CommandName, CommandHandler> = { works, read, resume, progress, excerpt };
