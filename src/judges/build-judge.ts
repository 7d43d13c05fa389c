// Turns one judge config entry into a Judge over trace targets (for target-by-target kinds).
import type { ModelClient } from '../models/model.js';
import type { JudgeEntry, ScorerJudgeEntry } from './judge-config.js';
import type { Judge, JudgeResult, JudgeTarget, ReferenceJudge } from './judge.js';
import { createLlmReferenceJudge } from './llm/reference-judge.js';
import { SOTOPIA_RUBRIC, createRubricJudge } from './llm/rubric-judge.js';
import { createPanel } from './panel/panel-judge.js';
import { guardReferenceJudge, type GuardedReferenceJudge } from './robustness/guard.js';
import { createRuleVerifier } from './robustness/rule-verifier.js';

/** A reference judge seen as a target judge: the target's text is the candidate answer. */
function overTargets(judge: ReferenceJudge, question: string, reference: string): Judge<JudgeTarget> {
  return {
    metadata: judge.metadata,
    async judge(target, options) {
      const r = await judge.judge({ question, reference, candidate: target.text }, options);
      const out: JudgeResult = { scores: r.scores, calls: r.calls, cost: r.cost };
      const why = r.guarded ? `guard: ${r.guarded}` : r.rationale;
      if (why) out.rationale = why;
      return out;
    },
  };
}

export interface BuiltJudge {
  judge: Judge<JudgeTarget>;
  client?: ModelClient;
  guard?: GuardedReferenceJudge;
}

/** Build a per-target judge; `client` is required for model kinds (subgoals is handled by judge-trace). */
/** Model-judged kinds; subgoals and susceptibility (whole trace) and the scorer kinds (src/judges/scorer) are built elsewhere. */
export type ModelJudgeEntry = Exclude<JudgeEntry, { kind: 'subgoals' | 'susceptibility' } | ScorerJudgeEntry>;

export function buildTargetJudge(entry: ModelJudgeEntry, client: ModelClient | undefined): BuiltJudge {
  const need = (): ModelClient => {
    if (!client) throw new Error(`judge "${entry.name}" needs a model client`);
    return client;
  };
  let single: Judge<JudgeTarget>;
  let guard: GuardedReferenceJudge | undefined;
  switch (entry.kind) {
    case 'rubric':
      single = createRubricJudge({ client: need(), name: entry.name, dimensions: entry.dimensions, ...(entry.rubric ? { rubric: entry.rubric } : {}) });
      break;
    case 'sotopia':
      single = createRubricJudge({ client: need(), name: entry.name, dimensions: SOTOPIA_RUBRIC, rubric: entry.rubric ?? 'Evaluate this utterance of a social interaction on the SOTOPIA dimensions.' });
      break;
    case 'reference': {
      const llm = createLlmReferenceJudge({ client: need(), name: entry.name });
      guard = entry.guard ? guardReferenceJudge(llm) : undefined;
      single = overTargets(guard ?? llm, entry.question, entry.reference);
      break;
    }
    case 'rule':
      single = overTargets(createRuleVerifier({ name: entry.name, mode: entry.mode, ...(entry.relTol ? { relTol: entry.relTol } : {}) }), entry.question, entry.reference);
      break;
  }
  const judge = entry.panel.replicates > 1 ? createPanel({ judges: [single], replicates: entry.panel.replicates, aggregate: entry.panel.aggregate, name: entry.name }) : single;
  return { judge, ...(client ? { client } : {}), ...(guard ? { guard } : {}) };
}
