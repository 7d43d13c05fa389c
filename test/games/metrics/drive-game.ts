// A minimal test driver: steps a pure Game with scripted strategies, checking every action against the
// game's schema and legality, and collecting outcomes and population changes.
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import type { AgentId, AnyGame, Outcome, PopulationChange } from '../../../src/games/game.js';

export interface DriveResult<State> {
  state: State;
  outcomes: Outcome[];
  changes: PopulationChange[];
  phases: number;
}

export function driveGame<State>(
  game: AnyGame,
  strategyFor: (agent: AgentId) => Strategy,
  seed = 1,
  maxPhases = 100_000,
): DriveResult<State> {
  const rng = Rng.fromSeed(seed);
  const gameRng = rng.derive('game');
  let state = game.init(gameRng);
  const outcomes: Outcome[] = [];
  const changes: PopulationChange[] = [];
  let phases = 0;
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    if (++phases > maxPhases) throw new Error('game did not end');
    const actions = new Map<AgentId, unknown>();
    for (const agent of phase.agents) {
      const observation = game.observe(state, agent);
      const action = game.actionSchema(state, agent).parse(strategyFor(agent).decide(observation, rng.derive(`agent:${agent}:${phase.round}`)));
      const illegal = game.legality?.(state, agent, action);
      if (illegal) throw new Error(`illegal action by ${agent}: ${illegal}`);
      actions.set(agent, action);
    }
    const result = game.apply(state, actions, gameRng);
    state = result.state;
    outcomes.push(...result.outcomes);
    if (result.population) changes.push(result.population);
  }
  return { state: state as State, outcomes, changes, phases };
}
