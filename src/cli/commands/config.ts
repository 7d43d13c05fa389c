import type { Command } from 'commander';
import { z } from 'zod';
import { runConfigSchema } from '../../engine/config/config-schema.js';
import { sweepConfigSchema } from '../../experiments/sweep-config.js';
import type { CliIo } from '../command.js';

/** The JSON Schema of run configs, for editors (`$schema: ./schema/polis-config.schema.json`). */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(runConfigSchema, { io: 'input', unrepresentable: 'any' });
}

/** The JSON Schema of sweep configs (`$schema: ./schema/polis-sweep.schema.json`); `base` inlines the run config's. */
export function sweepJsonSchema(): unknown {
  return z.toJSONSchema(sweepConfigSchema, { io: 'input', unrepresentable: 'any' });
}

export function register(program: Command, io: CliIo): void {
  program
    .command('config-schema')
    .description('print the JSON Schema of run configs, or with --sweep of sweep configs (for editors)')
    .option('--sweep', 'the schema of sweep configs (polis sweep)')
    .action((opts: { sweep?: boolean }) => {
      io.stdout(`${JSON.stringify(opts.sweep ? sweepJsonSchema() : configJsonSchema(), null, 2)}\n`);
    });
}
