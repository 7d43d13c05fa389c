import { dirname, join, resolve } from 'node:path';
import { refuseExisting } from '../output-path.js';
import type { Command } from 'commander';
import { applyOverrides, inConfigFile, loadConfig, validateConfig } from '../../engine/config/load-config.js';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { runExperiment } from '../../engine/experiment.js';
import { estimateRun } from '../../engine/estimate-run.js';
import { assertPricedBudget, specIdentity } from '../../engine/price-check.js';
import type { GameDefinition } from '../../games/definition.js';
import { gameRegistry } from '../../games/registry.js';
import { printEstimate } from '../estimate-table.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { exitForRun, printRun, runContext } from '../run-context.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('run')
    .description('run an experiment from a config (YAML, JSON or TypeScript); writes DIR/trace.jsonl and DIR/summary.json')
    .argument('<config>', 'config file')
    .option('--out <dir>', 'output directory', 'runs/latest')
    .option('--seed <n>', 'override the root seed', (v) => parseIntStrict(v, '--seed'))
    .option('--model <spec>', 'override the default model (e.g. openai:gpt-4o-mini, local:./model.gguf)')
    .option('--set <path=value...>', 'override config values', [])
    .option('--json', 'print a machine-readable result')
    .option('--quiet', 'no progress output')
    .option('--force', 'replace an existing trace in the output directory')
    .option('--dry-run', 'print the model calls and estimated tokens and dollars per model; call no model')
    .action(async (file: string, opts: { out: string; seed?: number; model?: string; set: string[]; json?: boolean; quiet?: boolean; force?: boolean; dryRun?: boolean }) => {
      await inConfigFile(file, async () => {
        let config = await loadConfig(resolve(io.cwd, file));
        const sets = [...opts.set];
        if (opts.seed !== undefined) sets.push(`seed=${opts.seed}`);
        if (opts.model) sets.push(`models.default=${opts.model}`);
        if (sets.length) config = validateConfig(applyOverrides(config, sets), file);
        if (opts.dryRun) {
          const estimate = await estimateRun({ config, games: gameRegistry as ReadonlyMap<string, GameDefinition<unknown>> });
          if (opts.json) io.stdout(`${JSON.stringify(estimate)}\n`);
          else printEstimate(io, `dry run of ${file}: ${estimate.calls} model calls over ${estimate.rounds} rounds`, estimate.models, estimate.method);
          // The same refusal as a real start, so a dry run tells whether the run could start.
          assertPricedBudget(config.budget?.dollars, config, estimate.models.map((m) => specIdentity(m.model)));
          return;
        }
        await prepareProviders(modelSpecs(config));
        refuseExisting(join(resolve(io.cwd, opts.out), 'trace.jsonl'), opts.force, 'trace');
        const result = await runExperiment({
          ...runContext(io, { quiet: opts.quiet || opts.json, baseDir: dirname(resolve(io.cwd, file)) }),
          config,
          out: resolve(io.cwd, opts.out),
          overwrite: Boolean(opts.force),
      });
      printRun(io, result, Boolean(opts.json));
      exitForRun(io, result);
      });
    });
}

export function parseIntStrict(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value)) throw new CliExit(EXIT.usage, `${flag} expects an integer, got "${value}"`);
  return Number(value);
}
