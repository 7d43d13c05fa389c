// A fast pure loop over the social-learning game (no engine, no schema parsing): thousands of seeded runs
// of scripted agents in well under a second, for the statistical checks against the closed form.
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import type { AgentId } from '../../../src/games/game.js';
import { createSocialLearningGame, type SocialLearningAction, type SocialLearningParamsInput, type SocialLearningState } from '../../../src/games/social-learning/index.js';

export function playSeeds(
  params: SocialLearningParamsInput,
  strategyFor: (agent: AgentId) => Strategy,
  seeds: number,
): { states: SocialLearningState[]; metrics: Record<string, number>[] } {
  const learners = params.learners ?? 8;
  const ids = [...(params.planner === 'none' ? [] : ['planner']), ...Array.from({ length: learners }, (_, i) => `learner-${i + 1}`)];
  const game = createSocialLearningGame(params, ids);
  const states: SocialLearningState[] = [];
  const metrics: Record<string, number>[] = [];
  for (let seed = 1; seed <= seeds; seed++) {
    const rng = Rng.fromSeed(seed);
    const gameRng = rng.derive('game');
    const agentRng = rng.derive('agents');
    let state: SocialLearningState = game.init(gameRng);
    for (let phase = game.phase(state); phase; phase = game.phase(state)) {
      const agent = phase.agents[0] as AgentId;
      const action = strategyFor(agent).decide(game.observe(state, agent), agentRng) as SocialLearningAction;
      state = game.apply(state, new Map([[agent, action]]), gameRng).state;
    }
    states.push(state);
    metrics.push(game.metrics(state));
  }
  return { states, metrics };
}

/** Mean of one metric over runs. */
export const meanOf = (runs: Record<string, number>[], name: string): number => runs.reduce((s, m) => s + (m[name] ?? 0), 0) / runs.length;
