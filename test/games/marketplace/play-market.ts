// Test helper: steps a MarketplaceGame with scripted strategies, the way any driver may.
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import type { MarketplaceGame } from '../../../src/games/marketplace/marketplace-game.js';
import type { MarketAction, MarketState } from '../../../src/games/marketplace/index.js';

export function playMarket(game: MarketplaceGame, pick: (agent: string) => Strategy, seed = 1): { state: MarketState; ticks: number } {
  const rng = Rng.fromSeed(seed);
  let state = game.init(rng.derive('game'));
  let ticks = 0;
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    const actions = new Map<string, MarketAction>();
    for (const agent of phase.agents) actions.set(agent, pick(agent).decide(game.observe(state, agent), rng.derive(agent)) as MarketAction);
    state = game.apply(state, actions, rng).state;
    ticks += 1;
  }
  return { state, ticks };
}
