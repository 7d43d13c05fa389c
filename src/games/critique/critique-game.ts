// Actor/critic refinement (spec 9): for each problem the actor answers, the critic writes a critique with a
// verdict line, and the actor refines, all on the actor-critic private channel. The game checks both attempts
// against the reference answer (kept in the state, shown to nobody) and scores the critic with the
// Critique-RL formulas of ../rewards/critique-rl.ts.
import { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import { critiqueStageOneReward, critiqueStageTwoReward, parseCriticVerdict } from '../rewards/critique-rl.js';
import { drawArithmeticProblem } from '../tasks/arithmetic.js';
import type { AgentId, ApplyResult, Game, GameMetadata, Outcome, Phase } from '../game.js';
import { checkAnswer } from './check-answer.js';
import { critiqueMetricsOf } from './critique-metrics.js';
import type { CritiqueParams, CritiqueProblem } from './params.js';
import type { ActorAction, CriticAction, CritiqueAction, CritiqueEpisodeRecord, CritiqueObservation, CritiqueState, Transition } from './types.js';

export const critiqueMetadata: GameMetadata = {
  name: 'critique',
  version: '1',
  description: 'An actor answers, a critic writes a critique with a verdict line, the actor refines; Critique-RL discrimination and helpfulness metrics.',
  source: 'Critique-RL, Xi et al., arXiv 2510.24320; WooooDyy/Critique-RL@06283864a725; spec 9',
};

export const actorActionSchema = z.object({ solution: z.string().describe('Your solution; put the final answer in \\boxed{}.') }).strict();
export const criticActionSchema = z
  .object({ critique: z.string().describe('Your critique, ending with "Correctness of the final answer: Correct" or "Correctness of the final answer: Wrong".') })
  .strict();

/** The private channel of an actor and its critic. */
export const critiqueChannel = (actor: AgentId, critic: AgentId) => `private:${actor},${critic}`;

/** The problem set: the inline problems, or `count` arithmetic problems drawn from `rng`. */
export function critiqueProblems(params: CritiqueParams, rng: Rng): CritiqueProblem[] {
  if (params.problems) return params.problems.map((p) => ({ ...p }));
  return Array.from({ length: params.count }, () => {
    const p = drawArithmeticProblem(rng, { maxOperand: params.maxOperand, operators: params.operators });
    return { question: p.question, answer: p.answer };
  });
}

export function createCritiqueGame(params: CritiqueParams, agents: readonly AgentId[]): Game<CritiqueState, CritiqueAction, CritiqueObservation> {
  if (agents.length !== 2) throw new RangeError(`critique needs 2 agents (actor, critic), got ${agents.length}`);
  const [actor, critic] = agents as [AgentId, AgentId];
  const channel = critiqueChannel(actor, critic);

  return {
    metadata: critiqueMetadata,
    agents,
    init: (rng) => ({ params, problems: critiqueProblems(params, rng), index: 0, stage: 'answer', attempt: '', critique: '', log: [], totals: { [actor]: 0, [critic]: 0 } }),
    phase(state): Phase | null {
      if (state.stage === 'over') return null;
      const speaker = state.stage === 'critique' ? critic : actor;
      return { kind: 'dialogue', agents: [speaker], round: state.index, label: state.stage, channel };
    },
    observe(state, agent): CritiqueObservation {
      const problem = state.problems[state.index];
      const speaker = state.stage === 'critique' ? critic : actor;
      if (!problem || state.stage === 'over' || agent !== speaker) return { kind: 'wait', name: agent, index: state.index };
      const base = { name: agent, index: state.index, problems: state.problems.length, question: problem.question };
      if (state.stage === 'answer') return { ...base, kind: 'answer' };
      if (state.stage === 'critique') return { ...base, kind: 'critique', attempt: state.attempt };
      return { ...base, kind: 'refine', attempt: state.attempt, critique: state.critique };
    },
    actionSchema: (state) => (state.stage === 'critique' ? criticActionSchema : actorActionSchema) as z.ZodType<CritiqueAction>,
    defaultAction: (state) => (state.stage === 'critique' ? { critique: '' } : { solution: '' }),
    apply(state, actions): ApplyResult<CritiqueState> {
      if (state.stage === 'answer') {
        const attempt = (actions.get(actor) as ActorAction).solution;
        return { state: { ...state, stage: 'critique', attempt }, outcomes: [{ type: 'message', from: actor, to: [critic], channel, content: attempt }] };
      }
      if (state.stage === 'critique') {
        const critique = (actions.get(critic) as CriticAction).critique;
        return { state: { ...state, stage: 'refine', critique }, outcomes: [{ type: 'message', from: critic, to: [actor], channel, content: critique }] };
      }
      return finishEpisode(state, (actions.get(actor) as ActorAction).solution);
    },
    isOver: (state) => state.stage === 'over',
    payoffs: (state) => ({ ...state.totals }),
    metrics: (state) => critiqueMetricsOf(state.log),
  };

  function finishEpisode(state: CritiqueState, refinement: string): ApplyResult<CritiqueState> {
    const problem = state.problems[state.index] as CritiqueProblem;
    const verdict = parseCriticVerdict(state.critique);
    const firstAttemptCorrect = checkAnswer(state.attempt, problem.answer, params.verification);
    const refinementCorrect = checkAnswer(refinement, problem.answer, params.verification);
    const record: CritiqueEpisodeRecord = {
      index: state.index,
      question: problem.question,
      attempt: state.attempt,
      critique: state.critique,
      refinement,
      verdict,
      firstAttemptCorrect,
      refinementCorrect,
      transition: `${firstAttemptCorrect ? 'correct' : 'wrong'}->${refinementCorrect ? 'correct' : 'wrong'}` as Transition,
      stageOneReward: critiqueStageOneReward(verdict, firstAttemptCorrect),
      stageTwoReward: critiqueStageTwoReward({ verdict, firstAttemptCorrect, refinementCorrect, mode: params.helpfulness }),
    };
    const criticReward = params.stage === 'discrimination' ? record.stageOneReward : record.stageTwoReward;
    // The actor is not trained in Critique-RL; its payoff is simply whether the refinement is right.
    const actorReward = refinementCorrect ? 1 : 0;
    const outcomes: Outcome[] = [
      { type: 'message', from: actor, to: [critic], channel, content: refinement },
      { type: 'payoff', agent: critic, value: criticReward, detail: { stage: params.stage, transition: record.transition } },
      { type: 'payoff', agent: actor, value: actorReward },
      { type: 'event', name: 'critique-episode', data: { ...record, reference: problem.answer } },
    ];
    const index = state.index + 1;
    const totals = { ...state.totals, [critic]: (state.totals[critic] ?? 0) + criticReward, [actor]: (state.totals[actor] ?? 0) + actorReward };
    const next: CritiqueState = { ...state, index, stage: index >= state.problems.length ? 'over' : 'answer', attempt: '', critique: '', log: [...state.log, record], totals };
    return { state: next, outcomes };
  }
}
