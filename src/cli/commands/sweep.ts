import { resolve } from 'node:path';
import type { Command } from 'commander';
import { modelSpecs, prepareProviders } from '../../engine/default-models.js';
import { estimateRun, type ModelEstimate } from '../../engine/estimate-run.js';
import { assertPricedBudget, specIdentity } from '../../engine/price-check.js';
import { cellConfig } from '../../experiments/cell-config.js';
import { formatComparison } from '../../experiments/format-comparison.js';
import { loadSweep } from '../../experiments/resolve-sweep.js';
import { runSweep } from '../../experiments/run-sweep.js';
import type { SweepManifest } from '../../experiments/sweep-directory.js';
import { COMPARISON_FILE, RESULTS_CSV, RESULTS_JSONL } from '../../experiments/sweep-files.js';
import type { GameDefinition } from '../../games/definition.js';
import { gameRegistry } from '../../games/registry.js';
import { SweepChangedError } from '../../core/errors/sweep-changed-error.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { addEstimates, printEstimate } from '../estimate-table.js';
import { sweepProgress } from '../sweep-progress.js';
import { parseIntStrict } from './run.js';

const games = gameRegistry as ReadonlyMap<string, GameDefinition<unknown>>;

export function register(program: Command, io: CliIo): void {
  program
    .command('sweep')
    .description('run every cell (condition x seed) of a sweep config as a run directory DIR/<condition>/seed-<n>/; write results.csv, results.jsonl and comparison.json; a rerun skips finished cells and resumes or retries the rest')
    .argument('<config>', 'sweep config file (YAML, JSON or TypeScript)')
    .requiredOption('--out <dir>', 'the sweep directory')
    .option('--concurrency <n>', 'cells run at once', (v) => parseIntStrict(v, '--concurrency'), 4)
    .option('--force', 'go on in a directory that holds another sweep config (changed cells are rerun; old files kept)')
    .option('--dry-run', 'print the number of model calls and estimated tokens and dollars per model; call no model')
    .option('--json', 'print a machine-readable result')
    .option('--quiet', 'no progress output')
    .action(async (file: string, opts: { out: string; concurrency: number; force?: boolean; dryRun?: boolean; json?: boolean; quiet?: boolean }) => {
      if (opts.concurrency < 1) throw new CliExit(EXIT.usage, '--concurrency must be at least 1');
      const sweep = await loadSweep(resolve(io.cwd, file), { games });
      if (opts.dryRun) return dryRun(io, file, sweep, Boolean(opts.json));
      await prepareProviders([...new Set(sweep.conditions.flatMap((c) => modelSpecs(cellConfig(sweep, { condition: c.name, seed: sweep.seeds[0]! }))))]);
      const out = resolve(io.cwd, opts.out);
      const progress = opts.quiet || opts.json ? undefined : sweepProgress(io);
      let result;
      try {
        result = await runSweep({ sweep, out, concurrency: opts.concurrency, force: Boolean(opts.force), games, ...(progress ? { hooks: progress } : {}) });
      } catch (error) {
        if (error instanceof SweepChangedError) throw new CliExit(EXIT.usage, `error [${error.code}]: ${error.message}`);
        throw error;
      } finally {
        progress?.end();
      }
      const statuses = result.rows.reduce<Record<string, number>>((t, r) => ((t[r.status] = (t[r.status] ?? 0) + 1), t), {});
      if (opts.json) {
        io.stdout(`${JSON.stringify({ status: result.status, ...(result.reason ? { reason: result.reason } : {}), dir: out, cells: result.rows.length, statuses, counts: result.counts, usage: result.usage, comparison: result.comparison })}\n`);
      } else {
        io.stdout(`${result.status}${result.reason ? ` (${result.reason})` : ''}: ${result.rows.length} cells (${Object.entries(statuses).map(([s, n]) => `${n} ${s}`).join(', ')}); this run: ${result.counts.ran} ran, ${result.counts.resumed} resumed, ${result.counts.retried} retried, ${result.counts.replaced} replaced, ${result.counts.skipped} already done\n`);
        io.stdout(`${result.usage.calls} model calls, ${result.usage.inputTokens + result.usage.outputTokens} tokens, $${result.usage.costUsd.toFixed(4)}\n`);
        io.stdout(`results: ${resolve(out, RESULTS_CSV)}\n         ${resolve(out, RESULTS_JSONL)}\n         ${resolve(out, COMPARISON_FILE)}\n\n`);
        io.stdout(formatComparison(result.comparison));
      }
      if (result.status === 'stopped') throw new CliExit(EXIT.budget, '');
      if (result.status === 'failed') throw new CliExit(EXIT.failed, '');
    });
}

async function dryRun(io: CliIo, file: string, sweep: SweepManifest, json: boolean): Promise<void> {
  const total = new Map<string, ModelEstimate>();
  let calls = 0;
  for (const cell of sweep.cells) {
    const estimate = await estimateRun({ config: cellConfig(sweep, cell), games });
    addEstimates(total, estimate.models);
    calls += estimate.calls;
  }
  const models = [...total.values()];
  if (json) io.stdout(`${JSON.stringify({ cells: sweep.cells.length, calls, models })}\n`);
  else printEstimate(io, `dry run of ${file}: ${sweep.cells.length} cells (${sweep.conditions.length} conditions x ${sweep.seeds.length} seeds), ${calls} model calls`, models, 'each cell\'s offline play: every prompt rendered, tokens = characters / 4, output tokens are the offline answers\'');
  const identities = models.map((m) => specIdentity(m.model));
  for (const c of sweep.conditions) {
    const config = cellConfig(sweep, { condition: c.name, seed: sweep.seeds[0]! });
    assertPricedBudget(config.budget?.dollars, config, identities);
    assertPricedBudget(sweep.budget?.dollars, config, identities);
  }
}
