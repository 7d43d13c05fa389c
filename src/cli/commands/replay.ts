import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { rerunTrace } from '../../engine/replay-modes.js';
import { iterateTrace } from '../../traces/trace-reader.js';
import { EXIT, CliExit, type CliIo } from '../command.js';
import { runContext } from '../run-context.js';
import { freshPath, refuseExisting } from '../output-path.js';

export function register(program: Command, io: CliIo): void {
  program
    .command('replay')
    .description('view a trace (read only) or rerun it with zero model calls and compare')
    .argument('<trace>', 'trace.jsonl')
    .requiredOption('--mode <mode>', 'view | rerun')
    .option('--out <dir>', 'rerun output directory (default: <trace dir>/rerun, or rerun-2, ... when taken)')
    .option('--force', 'replace a trace already in the rerun output directory')
    .option('--json', 'print a machine-readable result')
    .action(async (file: string, opts: { mode: string; out?: string; force?: boolean; json?: boolean }) => {
      const path = resolve(io.cwd, file);
      if (opts.mode === 'view') return view(io, path, Boolean(opts.json));
      if (opts.mode !== 'rerun') throw new CliExit(EXIT.usage, `--mode must be view or rerun, got "${opts.mode}"`);
      const out = opts.out ? resolve(io.cwd, opts.out) : freshPath(join(dirname(path), 'rerun'));
      if (join(out, 'trace.jsonl') === path) throw new CliExit(EXIT.usage, `${path}: a rerun cannot write over the trace it reruns; choose another --out`);
      refuseExisting(join(out, 'trace.jsonl'), opts.force, 'trace');
      const { run, diff } = await rerunTrace(path, { ...runContext(io, { quiet: true }), out, overwrite: Boolean(opts.force) });
      const ok = run.status !== 'failed' && diff.identical;
      if (opts.json) {
        io.stdout(`${JSON.stringify({ identical: diff.identical, status: run.status, ...(run.reason ? { reason: run.reason } : {}), modelCalls: run.modelCalls, replayed: run.replayed, trace: run.traceFile, firstDivergence: diff.firstDivergence ?? null })}\n`);
      } else if (ok) {
        io.stdout(`rerun reproduced the trace: ${run.replayed} recorded model calls served, ${run.modelCalls} made\ntrace: ${run.traceFile}\n`);
      } else {
        io.stdout(`rerun diverged${run.reason ? `: ${run.reason}` : ''}\n`);
        if (diff.firstDivergence) io.stdout(`first difference at seq ${diff.firstDivergence.seq} (${diff.firstDivergence.type.a}), field ${diff.firstDivergence.path || '(event)'}: ${diff.firstDivergence.a} -> ${diff.firstDivergence.b}\n`);
      }
      if (!ok) throw new CliExit(EXIT.failed, '');
    });
}

/** Streams the trace: one event in memory at a time, whatever the trace's size. */
async function view(io: CliIo, path: string, json: boolean): Promise<void> {
  let count = 0;
  for await (const e of iterateTrace(path)) {
    if (e.type === 'header') {
      io.stdout(json ? `{"header":${JSON.stringify(e)},"events":[` : `run ${e.runId} · ${(e.config as { game?: string }).game ?? '?'} · seed ${e.seeds.root}\n`);
      continue;
    }
    count++;
    if (json) {
      io.stdout(`${count > 1 ? ',' : ''}\n${JSON.stringify(e)}`);
      continue;
    }
    const who = e.agent ? ` ${e.agent}` : '';
    let what = '';
    switch (e.type) {
      case 'phase-start': what = `${e.phase.kind} ${e.phase.label ?? ''} [${e.phase.agents.join(', ')}]`; break;
      case 'action': what = JSON.stringify(e.action) + (e.defaulted ? ' (default)' : ''); break;
      case 'action-invalid': what = `${e.kind}: ${e.error} -> ${e.resolution}`; break;
      case 'model-call': what = `${e.provider}:${e.modelId} ${e.usage.inputTokens}+${e.usage.outputTokens} tok $${e.cost.toFixed(5)} ${e.cache}`; break;
      case 'message': what = `-> ${Array.isArray(e.to) ? e.to.join(',') : e.to} [${e.channel}]: ${e.content}`; break;
      case 'outcome': what = JSON.stringify(e.outcome); break;
      case 'metric': what = `${e.name} = ${e.value}`; break;
      case 'run-end': what = `${e.status} payoffs ${JSON.stringify(e.payoffs)}`; break;
      case 'observation': case 'checkpoint': case 'text': continue;
      default: what = '';
    }
    io.stdout(`${String(e.seq).padStart(6)} t${e.time} ${e.type}${who} ${what}\n`);
  }
  io.stdout(json ? ']}\n' : `${count} events\n`);
}
