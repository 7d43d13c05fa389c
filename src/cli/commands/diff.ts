import { resolve } from 'node:path';
import type { Command } from 'commander';
import { diffTraces, type TraceDivergence } from '../../traces/trace-diff.js';
import { readTrace } from '../../traces/trace-reader.js';
import { CliExit, EXIT, type CliIo } from '../command.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('diff')
    .description('first divergence of two traces and their metric deltas')
    .argument('<traceA>')
    .argument('<traceB>')
    .option('--json', 'print a machine-readable result')
    .action(async (a: string, b: string, opts: { json?: boolean }) => {
      const diff = diffTraces(await readTrace(resolve(io.cwd, a)), await readTrace(resolve(io.cwd, b)));
      if (opts.json) io.stdout(`${JSON.stringify(diff)}\n`);
      else {
        if (diff.identical) io.stdout('identical (wall-clock fields aside)\n');
        if (diff.header) io.stdout(`headers differ, field ${field(diff.header)}\n`);
        const d = diff.firstDivergence;
        if (d) io.stdout(`first divergence at seq ${d.seq}: ${d.type.a} vs ${d.type.b}, field ${field(d)}\n`);
        else if (!diff.identical) io.stdout('events identical (wall-clock fields aside)\n');
        for (const m of diff.metrics) if (m.delta !== 0) io.stdout(`  ${m.name}: ${num(m.a)} -> ${num(m.b)} (${m.delta === null ? 'n/a' : m.delta > 0 ? `+${num(m.delta)}` : num(m.delta)})\n`);
      }
      // As diff(1): 1 when the traces differ.
      if (!diff.identical) throw new CliExit(EXIT.failed, '');
    });
}

const field = (d: TraceDivergence): string => `${d.path || '(event)'}: ${d.a} vs ${d.b}`;

/** Four decimals at most: figures for a person, not a float dump. */
const num = (v: number | null): string => (v === null ? 'n/a' : Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4))));
