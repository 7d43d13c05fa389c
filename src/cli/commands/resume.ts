import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { resumeRun } from '../../engine/replay-modes.js';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { validateConfig } from '../../engine/config/load-config.js';
import { prepareResume } from '../../traces/resume.js';
import type { CliIo } from '../command.js';
import { exitForRun, printRun, runContext } from '../run-context.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('resume')
    .description('finish a killed run from its last checkpoint without repeating recorded model calls')
    .argument('<dir>', 'the run directory (holding trace.jsonl)')
    .option('--json', 'print a machine-readable result')
    .action(async (dir: string, opts: { json?: boolean }) => {
      const path = resolve(io.cwd, dir);
      await prepareProviders(modelSpecs(validateConfig(prepareResume(join(path, 'trace.jsonl')).header.config)));
      const result = await resumeRun(path, runContext(io, { quiet: opts.json }));
      printRun(io, result, Boolean(opts.json));
      exitForRun(io, result);
    });
}
