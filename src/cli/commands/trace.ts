import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../core/errors/input-error.js';
import { toOrchestrationTrace } from '../../traces/orchestration/to-orchestration-trace.js';
import { validateOrchestrationTrace } from '../../traces/orchestration/validate-orchestration-trace.js';
import { readCheckpointState } from '../../engine/checkpoint.js';
import { readTrace } from '../../traces/trace-reader.js';
import { importTraceFile } from '../../traces/import/import-trace.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../traces/import/imported.js';
import { toOtlpJson } from '../../traces/export/to-otel.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { refuseExisting } from '../output-path.js';

export function register(program: Command, io: CliIo): void {
  const trace = program.command('trace').description('validate, import and export traces');
  trace
    .command('import')
    .description('convert a trace recorded elsewhere (orchestration JSON, OTLP JSON GenAI spans, chat JSONL) to a Polis trace DIR/trace.jsonl')
    .argument('<file>')
    .option('--from <format>', `${IMPORT_FORMATS.join(' | ')} (default: detected)`)
    .option('--out <dir>', 'output directory (default: <file dir>/<file name>.polis)')
    .option('--force', 'replace an existing DIR/trace.jsonl')
    .option('--json', 'print a machine-readable result')
    .action((file: string, opts: { from?: string; out?: string; force?: boolean; json?: boolean }) => {
      if (opts.from !== undefined && !(IMPORT_FORMATS as readonly string[]).includes(opts.from)) {
        throw new CliExit(EXIT.usage, `--from must be ${IMPORT_FORMATS.join(', ')}, got "${opts.from}"`);
      }
      const path = resolve(io.cwd, file);
      const out = resolve(io.cwd, opts.out ?? join(dirname(path), `${basename(path).replace(/\.[^.]*$/, '')}.polis`));
      const result = importTraceFile(path, { out, force: Boolean(opts.force), ...(opts.from ? { from: opts.from as ImportFormat } : {}) });
      if (opts.json) io.stdout(`${JSON.stringify(result)}\n`);
      else io.stdout(`imported ${result.events} events from ${result.format} (${result.recordedRequests} recorded model requests)\ntrace: ${result.trace}\n`);
    });
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
        // A checkpoint a run could not continue from is an error here, not a TypeError in a later fork.
        for (const e of events) if (e.type === 'checkpoint') readCheckpointState(e, path);
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
    .description('convert a Polis trace to the public orchestration-trace schema or to OTLP JSON (OpenTelemetry GenAI spans)')
    .argument('<trace>')
    .requiredOption('--format <format>', 'orchestration | otel')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--force', 'replace an existing --out file')
    .option('--content', 'otel: include prompts and completions (gen_ai.input.messages / gen_ai.output.messages)')
    .action(async (file: string, opts: { format: string; out?: string; force?: boolean; content?: boolean }) => {
      if (opts.format !== 'orchestration' && opts.format !== 'otel') throw new CliExit(EXIT.usage, `--format must be orchestration or otel, got "${opts.format}"`);
      const input = resolve(io.cwd, file);
      const outFile = opts.out ? resolve(io.cwd, opts.out) : undefined;
      if (outFile) {
        if (outFile === input) throw new CliExit(EXIT.usage, `${outFile}: --out is the trace being exported; choose another file`);
        refuseExisting(outFile, opts.force);
      }
      const { header, events } = await readTrace(input);
      if (opts.format === 'otel') {
        const text = `${JSON.stringify(toOtlpJson(header, events, { content: Boolean(opts.content) }))}\n`;
        if (outFile) writeFileSync(outFile, text);
        else io.stdout(text);
        return;
      }
      const exported = toOrchestrationTrace(header, events);
      const errors = validateOrchestrationTrace(exported);
      if (errors.length) throw new CliExit(EXIT.failed, `export produced an invalid trace: ${JSON.stringify(errors[0])}`);
      const text = `${JSON.stringify(exported, null, 2)}\n`;
      if (outFile) writeFileSync(outFile, text);
      else io.stdout(text);
    });
}
