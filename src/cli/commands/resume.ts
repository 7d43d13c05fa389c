import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { resumeRun } from '../../engine/replay-modes.js';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { applyOverrides, validateConfig } from '../../engine/config/load-config.js';
import { prepareResume } from '../../traces/resume.js';
import type { CliIo } from '../command.js';
import { exitForRun, printRun, runContext } from '../run-context.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('resume')
    .description('continue a killed, failed or budget-stopped run from its last checkpoint without repeating recorded model calls')
    .argument('<dir>', 'the run directory (holding trace.jsonl)')
    .option('--set <path=value...>', 'config overrides for the rest of the run (e.g. budget.rounds=20)', [])
    .option('--json', 'print a machine-readable result')
    .action(async (dir: string, opts: { set: string[]; json?: boolean }) => {
      const path = resolve(io.cwd, dir);
      const { header } = prepareResume(join(path, 'trace.jsonl'));
      await prepareProviders(modelSpecs(validateConfig(opts.set.length ? applyOverrides(header.config, opts.set) : header.config, '--set')));
      const result = await resumeRun(path, { ...runContext(io, { quiet: opts.json }), set: opts.set });
      printRun(io, result, Boolean(opts.json));
      exitForRun(io, result);
    });
}
