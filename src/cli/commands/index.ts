// Every CLI command, in help order. Add a command: write src/cli/commands/<name>.ts exporting
// `register: RegisterCommand`, then list it here.
import type { RegisterCommand } from '../command.js';
import { register as model } from './model.js';

export const commands: RegisterCommand[] = [model];
