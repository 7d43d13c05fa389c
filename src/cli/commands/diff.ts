import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffTraces } from '../../traces/trace-diff.js';
import { readTrace } from '../../traces/trace-reader.js';
import type { CliIo } from '../command.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('first divergence of two traces and their metric deltas')
    .argument('<traceA>')
    .argument('<traceB>')
    .option('--json', 'print a machine-readable result')
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      const diff = diffTraces(await readTrace(resolve(io.cwd, a)), await readTrace(resolve(io.cwd, b)));
      if (opts.json) {
        io.stdout(`${JSON.stringify(diff)}\n`);
        return;
      }
      const d = diff.firstDivergence;
      io.stdout(diff.identical ? 'identical (wall-clock fields aside)\n' : `first divergence at seq ${d!.seq}: ${d!.type.a} vs ${d!.type.b}, field ${d!.path || '(event)'}: ${d!.a} vs ${d!.b}\n`);
      for (const m of diff.metrics) if (m.delta !== 0) io.stdout(`  ${m.name}: ${m.a} -> ${m.b} (${m.delta === null ? 'n/a' : m.delta > 0 ? `+${m.delta}` : m.delta})\n`);
    });
}
