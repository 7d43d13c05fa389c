// Proposer/solver dual play (spec 7): each round the proposer writes a problem with a ground-truth answer
// (a dialogue turn on the `problems` channel, the answer kept private in the state), then k solvers answer
// in a sealed simultaneous phase. Scoring uses the PasoDoble formulas of ../rewards: solver reward = answer
// agreement, pass rate p, validity checks, diversity against the history of accepted questions, proposer reward.
import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import { scorePasodobleProposal } from '../rewards/pasodoble.js';
import { mean } from '../metrics/mean.js';
import type { AgentId, ApplyResult, Game, GameMetadata, Outcome, Phase } from '../game.js';
import type { DualPlayParams } from './params.js';
import { updatingSides } from './schedule.js';
import type { DualPlayAction, DualPlayObservation, DualPlayRound, DualPlayState, ProposerAction, SolverAction } from './types.js';

export const dualPlayMetadata: GameMetadata = {
  name: 'dual-play',
  version: '1',
  description: 'A proposer writes problems with ground-truth answers; k solvers answer; PasoDoble rewards (pass rate, validity, diversity).',
  source: 'PasoDoble, arXiv 2511.11881; HCY123902/PasoDoble@16dae4f3cd8f; spec 7',
};

/** The channel problems are posed on (proposer to every solver). */
export const PROBLEM_CHANNEL = 'problems';

export const proposerActionSchema = z.object({
  problem: z.string().describe('The problem statement only; never its answer.'),
  answer: z.string().describe('The ground-truth final answer, e.g. 42 or \\frac{3}{4}.'),
}).strict();

export const solverActionSchema = z.object({
  reasoning: z.string().optional().describe('Your working, optional.'),
  answer: z.string().describe('Your final answer only, e.g. 42 or \\frac{3}{4}.'),
}).strict();

/** The solver's text as PasoDoble scores it: its last `\boxed{}`, so a bare answer is boxed first. */
export function solverText(action: SolverAction): string {
  return /\\(?:boxed|fbox)\s*\{/.test(action.answer) ? action.answer : `\\boxed{${action.answer}}`;
}

export function createDualPlayGame(params: DualPlayParams, agents: readonly AgentId[]): Game<DualPlayState, DualPlayAction, DualPlayObservation> {
  if (agents.length !== params.solvers + 1) throw new RangeError(`dual-play needs 1 proposer + ${params.solvers} solvers, got ${agents.length} agents`);
  const proposer = agents[0] as AgentId;
  const solvers = agents.slice(1);
  const drawPassage = (rng: Rng) => (params.passages.length ? rng.pick(params.passages) : '');

  return {
    metadata: dualPlayMetadata,
    agents,
    init: (rng) => ({
      params,
      round: 0,
      stage: 'propose',
      passage: drawPassage(rng),
      pending: null,
      history: [],
      log: [],
      totals: Object.fromEntries(agents.map((a) => [a, 0])),
    }),
    phase(state): Phase | null {
      if (state.stage === 'over') return null;
      if (state.stage === 'propose') return { kind: 'dialogue', agents: [proposer], round: state.round, label: 'propose', channel: PROBLEM_CHANNEL };
      return { kind: 'simultaneous', agents: [...solvers], round: state.round, label: 'solve' };
    },
    observe(state, agent): DualPlayObservation {
      const updating = updatingSides(params, state.round);
      if (agent === proposer) {
        if (state.stage !== 'propose') return { kind: 'wait', name: agent, round: state.round };
        const past = state.log.map(({ round, problem, answer, passRate, diversity, proposerReward, invalidReasons }) => ({ round, problem, answer, passRate, diversity, proposerReward, invalidReasons }));
        return { kind: 'propose', name: agent, round: state.round, rounds: params.rounds, solvers: params.solvers, passage: state.passage, tauLow: params.tauLow, updating, past };
      }
      if (state.stage !== 'solve' || !state.pending) return { kind: 'wait', name: agent, round: state.round };
      const seat = solvers.indexOf(agent);
      const past = state.log.map((r) => ({ round: r.round, problem: r.problem, ownAnswer: r.solverAnswers[seat] ?? '', correct: (r.solverRewards[seat] ?? 0) > 0 }));
      return { kind: 'solve', name: agent, round: state.round, rounds: params.rounds, problem: state.pending.problem, updating, past };
    },
    actionSchema: (state) => (state.stage === 'propose' ? proposerActionSchema : solverActionSchema) as z.ZodType<DualPlayAction>,
    defaultAction: (state) => (state.stage === 'propose' ? { problem: '', answer: '' } : { answer: '' }),
    apply(state, actions, rng): ApplyResult<DualPlayState> {
      if (state.stage === 'propose') {
        const proposal = actions.get(proposer) as ProposerAction;
        const pending = { problem: proposal.problem, answer: proposal.answer };
        // Only the problem travels to the solvers; the answer stays in the state.
        const outcomes: Outcome[] = [{ type: 'message', from: proposer, to: [...solvers], channel: PROBLEM_CHANNEL, content: proposal.problem }];
        return { state: { ...state, stage: 'solve', pending }, outcomes };
      }
      return scoreRound(state, actions, rng);
    },
    isOver: (state) => state.stage === 'over',
    payoffs: (state) => ({ ...state.totals }),
    metrics: (state) => dualPlayMetrics(state.log),
  };

  function scoreRound(state: DualPlayState, actions: ReadonlyMap<AgentId, DualPlayAction>, rng: Rng): ApplyResult<DualPlayState> {
    const pending = state.pending as ProposerAction;
    const answers = solvers.map((s) => actions.get(s) as SolverAction);
    const scored = scorePasodobleProposal({
      question: pending.problem,
      answer: pending.answer,
      solverTexts: answers.map(solverText),
      history: state.history,
      options: { tauLow: params.tauLow, minDiversity: params.minDiversity, window: params.historyWindow, threshold: params.similarityThreshold },
    });
    const updating = updatingSides(params, state.round);
    const record: DualPlayRound = {
      round: state.round,
      problem: pending.problem,
      answer: pending.answer,
      solverAnswers: answers.map((a) => a.answer),
      invalidReasons: scored.invalid,
      solverRewards: scored.solverRewards,
      passRate: scored.passingRate,
      diversity: scored.diversity,
      proposerReward: scored.proposerReward,
      trainable: scored.invalid.length === 0 && scored.passingRate > params.tauLow && scored.passingRate < params.tauHigh,
      updating,
    };
    const totals = { ...state.totals, [proposer]: (state.totals[proposer] ?? 0) + record.proposerReward };
    solvers.forEach((s, i) => (totals[s] = (totals[s] ?? 0) + (record.solverRewards[i] ?? 0)));
    const outcomes: Outcome[] = [
      { type: 'payoff', agent: proposer, value: record.proposerReward, detail: { updating: updating.includes('proposer') } },
      ...solvers.map((s, i): Outcome => ({ type: 'payoff', agent: s, value: record.solverRewards[i] ?? 0, detail: { updating: updating.includes('solver') } })),
      { type: 'event', name: 'dual-play-round', data: { ...record } },
      { type: 'metric', name: 'pass-rate', value: record.passRate },
    ];
    const round = state.round + 1;
    const over = round >= params.rounds;
    const next: DualPlayState = { ...state, round, stage: over ? 'over' : 'propose', pending: null, history: scored.history, log: [...state.log, record], totals, passage: over ? state.passage : drawPassage(rng) };
    return { state: next, outcomes };
  }
}

/** Round-level metrics: pass rate, mean rewards, invalid problems, diversity, trainable rounds, schedule counts. */
export function dualPlayMetrics(log: readonly DualPlayRound[]): Record<string, number> {
  return {
    rounds: log.length,
    'pass-rate': mean(log.map((r) => r.passRate)),
    'proposer-mean-reward': mean(log.map((r) => r.proposerReward)),
    'solver-mean-reward': mean(log.flatMap((r) => r.solverRewards)),
    'invalid-problems': log.filter((r) => r.invalidReasons.length > 0).length,
    'mean-diversity': mean(log.map((r) => r.diversity)),
    'trainable-rounds': log.filter((r) => r.trainable).length,
    'proposer-update-rounds': log.filter((r) => r.updating.includes('proposer')).length,
    'solver-update-rounds': log.filter((r) => r.updating.includes('solver')).length,
  };
}
