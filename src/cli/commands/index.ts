// Every CLI command, in help order: its name and one-line description, and how to import it. `polis
// --help` lists these without importing any command; a command's module is imported only when it runs
// or shows its own help (see main.ts). Add a command: write src/cli/commands/<name>.ts exporting
// `register: RegisterCommand`, then add a line here (test/cli/commands.test.ts checks that each
// entry's name and description match what its module registers).
import type { RegisterCommand } from '../command.js';

export interface CommandEntry {
  /** The word after `polis`. */
  readonly name: string;
  /** The one line `polis --help` shows; the same text the module passes to `.description()`. */
  readonly description: string;
  /** Imports the command's module (a literal `import()` so compilers and bundlers see the file). */
  readonly load: () => Promise<{ register: RegisterCommand }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'run', description: 'run an experiment from a config (YAML, JSON or TypeScript); writes DIR/trace.jsonl and DIR/summary.json', load: () => import('./run.js') },
  {
    name: 'sweep',
    description:
      'run every cell (condition x seed) of a sweep config as a run directory DIR/<condition>/seed-<n>/; write results.csv, results.jsonl and comparison.json; a rerun skips finished cells and resumes or retries the rest',
    load: () => import('./sweep.js'),
  },
  {
    name: 'worker',
    description:
      'run sweep cells from a BullMQ queue in Redis (submitted by `polis sweep --queue`) until stopped; the sweep directories must be on storage this machine reaches at the same path',
    load: () => import('./worker.js'),
  },
  { name: 'replay', description: 'view a trace (read only) or rerun it with zero model calls and compare', load: () => import('./replay.js') },
  { name: 'fork', description: 'copy a trace up to round STEP, then continue live with overrides', load: () => import('./fork.js') },
  { name: 'resume', description: 'continue a killed, failed or budget-stopped run from its last checkpoint without repeating recorded model calls', load: () => import('./resume.js') },
  { name: 'diff', description: 'first divergence of two traces and their metric deltas', load: () => import('./diff.js') },
  {
    name: 'report',
    description: 'write one self-contained HTML report (charts, transcripts, comparison) of a run, a sweep, or two runs side by side',
    load: () => import('./report.js'),
  },
  {
    name: 'view',
    description: 'serve the report views live from disk on 127.0.0.1 (pages large traces, tails a running one); two runs side by side',
    load: () => import('./view.js'),
  },
  { name: 'trace', description: 'validate, import and export traces', load: () => import('./trace.js') },
  { name: 'config-schema', description: 'print the JSON Schema of run configs, or with --sweep of sweep configs (for editors)', load: () => import('./config.js') },
  { name: 'match', description: 'play one match between two strategies', load: () => import('./match.js') },
  { name: 'tournament', description: 'round-robin tournament of strategies (self-play excluded from scores)', load: () => import('./tournament.js') },
  { name: 'games', description: 'registered games', load: () => import('./games.js') },
  { name: 'model', description: 'local GGUF models: generate tiny test models, inspect files', load: () => import('./model.js') },
  { name: 'judge', description: 'score a trace with judges and rewards; probe reference judges', load: () => import('./judge.js') },
];
