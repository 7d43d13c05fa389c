// Every CLI command, in help order. Add a command: write src/cli/commands/<name>.ts exporting
// `register: RegisterCommand`, then list it here.
import type { RegisterCommand } from '../command.js';
import { register as run } from './run.js';
import { register as replay } from './replay.js';
import { register as fork } from './fork.js';
import { register as resume } from './resume.js';
import { register as diff } from './diff.js';
import { register as trace } from './trace.js';
import { register as configSchema } from './config.js';
import { register as games } from './games.js';
import { register as match } from './match.js';
import { register as tournament } from './tournament.js';
import { register as model } from './model.js';
import { register as judge } from './judge.js';
import { register as sweep } from './sweep.js';

export const commands: RegisterCommand[] = [run, sweep, replay, fork, resume, diff, trace, configSchema, match, tournament, games, model, judge];
