// Every CLI command, in help order. Add a command: write src/cli/commands/<name>.ts exporting
// `register: RegisterCommand`, then list it here.
import type { RegisterCommand } from '../command.js';
import { register as games } from './games.js';
import { register as match } from './match.js';
import { register as tournament } from './tournament.js';
import { register as model } from './model.js';
import { register as judge } from './judge.js';

export const commands: RegisterCommand[] = [match, tournament, games, model, judge];
