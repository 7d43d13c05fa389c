import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { forkTrace } from '../../engine/replay-modes.js';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { applyOverrides, validateConfig } from '../../engine/config/load-config.js';
import { readTrace } from '../../traces/trace-reader.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { exitForRun, printRun, runContext } from '../run-context.js';
import { parseIntStrict } from './run.js';
import { freshPath, refuseExisting } from '../output-path.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('fork')
    .description('copy a trace up to round STEP, then continue live with overrides')
    .argument('<trace>', 'trace.jsonl')
    .requiredOption('--at <step>', 'round to fork at', (v) => parseIntStrict(v, '--at'))
    .option('--set <path=value...>', 'config overrides from the fork on (e.g. agents[0].policy.model=openai:gpt-4o)', [])
    .option('--inject <agent=text...>', "add a message to an agent's memory at the fork", [])
    .option('--out <dir>', 'output directory (default: <trace dir>/fork-<step>, or fork-<step>-2, ... when taken)')
    .option('--force', 'replace a trace already in the output directory')
    .option('--json', 'print a machine-readable result')
    .action(async (file: string, opts: { at: number; set: string[]; inject: string[]; out?: string; force?: boolean; json?: boolean }) => {
      const path = resolve(io.cwd, file);
      const inject: Record<string, string> = {};
      for (const i of opts.inject) {
        const eq = i.indexOf('=');
        if (eq <= 0) throw new CliExit(EXIT.usage, `--inject expects agent=text, got "${i}"`);
        inject[i.slice(0, eq)] = i.slice(eq + 1);
      }
      const { header } = await readTrace(path);
      await prepareProviders(modelSpecs(validateConfig(applyOverrides(header.config, opts.set), '--set')));
      const out = opts.out ? resolve(io.cwd, opts.out) : freshPath(join(dirname(path), `fork-${opts.at}`));
      if (join(out, 'trace.jsonl') === path) throw new CliExit(EXIT.usage, `${path}: a fork cannot write over the trace it forks; choose another --out`);
      refuseExisting(join(out, 'trace.jsonl'), opts.force, 'trace');
      const result = await forkTrace(path, { ...runContext(io, { quiet: opts.json }), out, at: opts.at, set: opts.set, inject, overwrite: Boolean(opts.force) });
      printRun(io, result, Boolean(opts.json), { forkedFrom: header.runId, at: opts.at });
      exitForRun(io, result);
    });
}
