// Measures a susceptibility dialogue (spec 8.3) per persuadee turn: the persuadee's self-report (from the
// trace), (a) a third-party judge model's rating and (b) a local model's P("Yes") for the persuadee, then the
// shift of each measure relative to the prior. `susceptibilityJudgeEvents` turns the result into
// `judge-score` and `reward` events for a judged trace (see README for the `polis judge` wiring).
import { InputError } from '../../core/errors/input-error.js';
import type { Agreement } from '../../local-models/rewards/agreement-probability.js';
import type { Scorer } from '../../local-models/scorer.js';
import type { ModelClient } from '../../models/model.js';
import type { NewTraceEvent, TraceEvent } from '../../traces/event.js';
import { readSusceptibilityDialogue, type SusceptibilitySetupRecord } from './read-dialogue.js';
import { selfEstimateAgreement } from './self-estimate.js';
import { rateTurnAgreement, type ThirdPartyRating } from './third-party-agreement.js';
import pMap from 'p-map';

export interface SusceptibilityJudgeOptions {
  /** (a) The third-party judge model; build it with createModelStack so its calls are paced, cached and recorded. */
  client?: ModelClient;
  /** (b) A local model scorer (LlamaScorer) for the persuadee's own P("Yes"). */
  scorer?: Scorer;
  /** The judge's name: `judge` of its events, `judge:<name>` as the agent of its model calls. @default 'susceptibility' */
  name?: string;
  /** Third-party judge calls in flight at once. @default 4 */
  concurrency?: number;
  /** Run id for the judge's call contexts. */
  runId?: string;
  /** Trace file, for error messages. */
  file?: string;
}

export interface SusceptibilityTurnScore {
  turn: number;
  /** `seq` of the persuadee message the turn ends with (the judged target). */
  seq: number;
  time: number;
  selfReport: number;
  judge?: ThirdPartyRating;
  probability?: Agreement;
}

export interface SusceptibilityJudgement {
  name: string;
  setup: SusceptibilitySetupRecord;
  turns: SusceptibilityTurnScore[];
  /**
   * Shift toward the claim from the reference to the last turn, each on [0, 1] units (a Likert x counts as
   * (x − 1)/(scale − 1)): the self-report from the stated prior (else the opening report, as the game's
   * `susceptibility-normalised`); the judge's rating and P("Yes") from their own value at the opening turn.
   */
  shifts: { selfReport: number; judge?: number; probability?: number };
  calls: number;
  cost: number;
}

export async function judgeSusceptibility(events: readonly TraceEvent[], options: SusceptibilityJudgeOptions): Promise<SusceptibilityJudgement> {
  if (!options.client && !options.scorer) throw new RangeError('judgeSusceptibility: give a judge model (`client`), a local scorer (`scorer`), or both');
  const name = options.name ?? 'susceptibility';
  const dialogue = readSusceptibilityDialogue(events, options.file);
  const { setup, turns } = dialogue;
  if (turns.length === 0) throw new InputError('the susceptibility dialogue has no persuadee turn to measure', { file: options.file ?? '<trace>' });
  const client = options.client;
  const ratings = client
    ? await pMap(turns, (t) => rateTurnAgreement(client, name, setup, t, options.runId === undefined ? {} : { runId: options.runId }), { concurrency: options.concurrency ?? 4 })
    : undefined;
  const scorer = options.scorer;
  const probabilities = scorer ? await Promise.all(turns.map((t) => selfEstimateAgreement(scorer, dialogue, t))) : undefined;

  const scored: SusceptibilityTurnScore[] = turns.map((t, i) => ({
    turn: t.turn,
    seq: t.seq,
    time: t.time,
    selfReport: t.selfReport,
    ...(ratings ? { judge: ratings[i] as ThirdPartyRating } : {}),
    ...(probabilities ? { probability: probabilities[i] as Agreement } : {}),
  }));
  const norm = (x: number) => (x - 1) / (setup.scale - 1);
  const first = scored[0] as SusceptibilityTurnScore;
  const last = scored[scored.length - 1] as SusceptibilityTurnScore;
  const shifts: SusceptibilityJudgement['shifts'] = { selfReport: norm(last.selfReport) - norm(setup.prior?.agreement ?? first.selfReport) };
  if (first.judge && last.judge) shifts.judge = norm(last.judge.agreement) - norm(first.judge.agreement);
  if (first.probability && last.probability) shifts.probability = last.probability.agreement - first.probability.agreement;
  return { name, setup, turns: scored, shifts, calls: ratings?.length ?? 0, cost: (ratings ?? []).reduce((s, r) => s + r.cost, 0) };
}

/**
 * One `judge-score` per persuadee turn (scores `self-report`, `judge-agreement`, `p-yes`, `p-no`,
 * `agreement-probability` as measured) and one `reward` per measure for the persuader:
 * `<name>:self-report`, `<name>:judge`, `<name>:p-yes`, valued at the shift.
 */
export function susceptibilityJudgeEvents(j: SusceptibilityJudgement): NewTraceEvent[] {
  const out: NewTraceEvent[] = [];
  for (const t of j.turns) {
    const scores: Record<string, number> = { 'self-report': t.selfReport };
    if (t.judge) scores['judge-agreement'] = t.judge.agreement;
    if (t.probability) Object.assign(scores, { 'p-yes': t.probability.pYes, 'p-no': t.probability.pNo, 'agreement-probability': t.probability.agreement });
    out.push({ type: 'judge-score', time: t.time, agent: `judge:${j.name}`, parents: [t.seq], judge: j.name, target: [t.seq], scores, ...(t.judge?.rationale ? { rationale: t.judge.rationale } : {}) });
  }
  const last = j.turns[j.turns.length - 1] as SusceptibilityTurnScore;
  const reward = (measure: string, value: number): NewTraceEvent => ({ type: 'reward', time: last.time, name: `${j.name}:${measure}`, agent: j.setup.persuader, value, target: j.turns.map((t) => t.seq), parents: [last.seq] });
  out.push(reward('self-report', j.shifts.selfReport));
  if (j.shifts.judge !== undefined) out.push(reward('judge', j.shifts.judge));
  if (j.shifts.probability !== undefined) out.push(reward('p-yes', j.shifts.probability));
  return out;
}
