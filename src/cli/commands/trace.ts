import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors/input-error.js';
import { toOrchestrationTrace } from '../../traces/orchestration/to-orchestration-trace.js';
import { validateOrchestrationTrace } from '../../traces/orchestration/validate-orchestration-trace.js';
import { readTrace } from '../../traces/trace-reader.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { refuseExisting } from '../output-path.js';

export function register(program: Command, io: CliIo): void {
  const trace = program.command('trace').description('validate and export traces');
  trace
    .command('validate')
    .description('validate a Polis trace (default) or an orchestration trace (JSON)')
    .argument('<file>')
    .option('--format <format>', 'polis | orchestration', 'polis')
    .option('--json', 'print a machine-readable result')
    .action(async (file: string, opts: { format: string; json?: boolean }) => {
      const path = resolve(io.cwd, file);
      if (opts.format === 'polis') {
        const { events, torn } = await readTrace(path); // throws InputError naming line and field
        const result = { valid: true, events: events.length, ...(torn ? { tornLastLine: torn.line } : {}) };
        io.stdout(opts.json ? `${JSON.stringify(result)}\n` : `valid: ${events.length} events${torn ? ` (torn last line ${torn.line} ignored)` : ''}\n`);
        return;
      }
      if (opts.format !== 'orchestration') throw new CliExit(EXIT.usage, `--format must be polis or orchestration, got "${opts.format}"`);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new InputError(`not valid JSON: ${(error as Error).message}`, { file: path });
      }
      const errors = validateOrchestrationTrace(json);
      if (opts.json) io.stdout(`${JSON.stringify({ valid: errors.length === 0, errors })}\n`);
      else if (errors.length === 0) io.stdout('valid orchestration trace\n');
      else for (const e of errors) io.stdout(`${JSON.stringify(e)}\n`);
      if (errors.length) throw new CliExit(EXIT.failed, `${path}: ${errors.length} schema error(s)`);
    });
  trace
    .command('export')
    .description('convert a Polis trace to the public orchestration-trace schema')
    .argument('<trace>')
    .requiredOption('--format <format>', 'orchestration')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing --out file')
    .action(async (file: string, opts: { format: string; out?: string; force?: boolean }) => {
      if (opts.format !== 'orchestration') throw new CliExit(EXIT.usage, `--format must be orchestration, got "${opts.format}"`);
      const input = resolve(io.cwd, file);
      if (opts.out) {
        const out = resolve(io.cwd, opts.out);
        if (out === input) throw new CliExit(EXIT.usage, `${out}: --out is the trace being exported; choose another file`);
        refuseExisting(out, opts.force);
      }
      const { header, events } = await readTrace(input);
      const exported = toOrchestrationTrace(header, events);
      const errors = validateOrchestrationTrace(exported);
      if (errors.length) throw new CliExit(EXIT.failed, `export produced an invalid trace: ${JSON.stringify(errors[0])}`);
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (opts.out) writeFileSync(resolve(io.cwd, opts.out), text);
      else io.stdout(text);
    });
}
