import type { Command } from 'commander';
import { z } from 'zod';
import { runConfigSchema } from '../../engine/config/config-schema.js';
import type { CliIo } from '../command.js';

/** The JSON Schema of run configs, for editors (`$schema: ./schema/polis-config.schema.json`). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(runConfigSchema, { io: 'input', unrepresentable: 'any' });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('config-schema')
    .description('print the JSON Schema of run configs (for editors)')
    .action(() => {
      io.stdout(`${JSON.stringify(configJsonSchema(), null, 2)}\n`);
    });
}
