// `polis judge <trace> --config judge.yaml` writes a judged copy of a trace (default
// `<trace dir>/judged.jsonl`); `polis judge probe --judge SPEC` runs the master-key probe against a
// reference judge. `judge <trace>` is shorthand for the default subcommand `judge run <trace>`.
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { importPeer } from '../../core/optional-peer.js';
import { resolveJudgeModel } from '../../judges/builtin-models.js';
import { loadJudgeConfig } from '../../judges/judge-config.js';
import { judgeTrace } from '../../judges/judge-trace.js';
import type { ReferenceJudge } from '../../judges/judge.js';
import { createLlmReferenceJudge } from '../../judges/llm/reference-judge.js';
import { guardReferenceJudge } from '../../judges/robustness/guard.js';
import { probeReferenceJudge } from '../../judges/robustness/probe.js';
import { createRuleVerifier } from '../../judges/robustness/rule-verifier.js';
import { createModelStack } from '../../models/wrappers/create-model-stack.js';
import type { UsageLedger } from '../../models/wrappers/usage-ledger.js';
import type { Scorer } from '../../local-models/scorer.js';
import type { CliIo, RegisterCommand } from '../command.js';

interface RunFlags {
  config?: string;
  out?: string;
  overwrite?: boolean;
  json?: boolean;
}

interface ProbeFlags {
  judge: string;
  guard?: boolean;
  json?: boolean;
}

/** Every judge model goes through the standard stack (pacing, retry, usage/cost; one shared ledger). */
function stackResolver(ledger: { current?: UsageLedger }) {
  return (spec: string, path: string) => {
    const client = createModelStack(resolveJudgeModel(spec, path), { usage: ledger.current ? { ledger: ledger.current } : {} });
    if (client.ledger) ledger.current ??= client.ledger;
    return client;
  };
}

/**
 * Scorers for the log-probability judge kinds: remote (`openai-compatible:<model>@<url>`) or local; node-llama-cpp
 * is imported only when a config uses a local one.
 */
function scorerResolver(cwd: string) {
  return async (spec: string, path: string): Promise<Scorer> => {
    if (spec.startsWith('openai-compatible:')) {
      const { OpenAICompatibleScorer, parseOpenAICompatibleSpec } = await import('../../local-models/openai-compatible-scorer.js');
      return new OpenAICompatibleScorer(parseOpenAICompatibleSpec(spec, path));
    }
    const { LlamaScorer } = await importPeer({ peer: 'node-llama-cpp', feature: 'local scorers', load: () => import('../../local-models/llama-scorer.js') });
    return LlamaScorer.create({ model: resolve(cwd, spec.slice('local:'.length)) });
  };
}

export const register: RegisterCommand = (program: Command, io: CliIo) => {
  const judge = program.command('judge').description('score a trace with judges and rewards; probe reference judges');

  judge
    .command('run <trace>', { isDefault: true })
    .description('write a judged copy of <trace> (judge-score and reward events added)')
    .requiredOption('--config <file>', 'judge config (YAML)')
    .option('--out <file>', 'output trace (default: <trace dir>/judged.jsonl)')
    .option('--overwrite', 'replace the output file if it exists')
    .option('--json', 'print one JSON document')
    .action(async (trace: string, f: RunFlags) => {
      const configFile = resolve(io.cwd, f.config as string);
      const config = loadJudgeConfig(configFile);
      const ledger: { current?: UsageLedger } = {};
      const result = await judgeTrace({
        input: resolve(io.cwd, trace),
        config,
        configFile,
        resolveModel: stackResolver(ledger),
        resolveScorer: scorerResolver(io.cwd),
        ...(f.out ? { out: resolve(io.cwd, f.out) } : {}),
        ...(f.overwrite ? { overwrite: true } : {}),
      });
      const summary = { ...result, usage: ledger.current?.toJSON().total ?? null };
      if (f.json) io.stdout(`${JSON.stringify(summary)}\n`);
      else io.stdout(`wrote ${result.out}: ${result.judgeScores} judge scores, ${result.rewards} rewards, ${result.calls} model calls, $${result.cost.toFixed(4)}\n`);
    });

  judge
    .command('probe')
    .description('send the master keys (spec 11) to a reference judge and report its false-positive rate per key')
    .requiredOption('--judge <spec>', "'rule' (rule verifier), a built-in model (always-yes, always-no) or a model spec (openai:gpt-4o-mini)")
    .option('--guard', 'put the degenerate-answer guard in front of the judge')
    .option('--json', 'print one JSON document')
    .action(async (f: ProbeFlags) => {
      let reference: ReferenceJudge;
      if (f.judge === 'rule') reference = createRuleVerifier();
      else {
        const client = createModelStack(resolveJudgeModel(f.judge, '--judge'));
        reference = createLlmReferenceJudge({ client, name: f.judge.replace(/[^\w.-]/g, '-') });
      }
      if (f.guard) reference = guardReferenceJudge(reference);
      const report = await probeReferenceJudge(reference);
      if (f.json) {
        io.stdout(`${JSON.stringify(report)}\n`);
        return;
      }
      io.stdout(`master-key probe of ${report.judge}: false-positive rate ${(report.falsePositiveRate * 100).toFixed(1)}% over ${report.trials} trials\n`);
      for (const k of report.perKey) io.stdout(`  ${JSON.stringify(k.key).padEnd(44)} ${(k.falsePositiveRate * 100).toFixed(0)}%\n`);
    });
};
