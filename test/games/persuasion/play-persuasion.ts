// Test helpers: a synthetic scenario with hand-countable content words, and a driver that steps the game
// with scripted seats the way any driver may.
import { Rng } from '../../../src/core/rng.js';
import type { Strategy } from '../../../src/games/definition.js';
import { PersuasionGame, type PersuasionAction, type PersuasionScenario, type PersuasionState } from '../../../src/games/persuasion/index.js';

/**
 * Content words (mental-state-similarity.ts): preventive belief [trail, quiet, weekday], preventive desire
 * [get, fresh, air], generative belief [museum, crowded], generative desire [learn, something, new].
 */
export const hikeScenario: PersuasionScenario = {
  id: 'hike-or-museum',
  tag: 'Weekend plans',
  background: 'Tom and David are choosing how to spend Saturday.',
  persuader: 'Tom',
  persuadee: 'David',
  goal: 'persuade David to visit the museum',
  domain: ['Lifestyle'],
  preventive: { content: 'go hiking', belief: 'Persuadee believes that the trail is quiet on weekdays.', desire: 'Persuadee wants to get fresh air.' },
  generative: { content: 'visit the museum', belief: 'Persuadee believes that the museum is crowded.', desire: 'Persuadee wants to learn something new.' },
};

export const SEATS = ['tom', 'david', 'coach'] as const;

export function hikeGame(options: { cycles?: number; threshold?: number } = {}): PersuasionGame {
  return new PersuasionGame({ scenario: hikeScenario, agents: [...SEATS], ...options });
}

export interface Played {
  state: PersuasionState;
  /** [agent, step label, channel] per phase. */
  phases: Array<[string, string, string]>;
}

export function playPersuasion(game: PersuasionGame, seats: Record<string, Strategy>, seed = 1): Played {
  const rng = Rng.fromSeed(seed);
  let state = game.init(rng.derive('game'));
  const phases: Played['phases'] = [];
  for (let phase = game.phase(state); phase; phase = game.phase(state)) {
    const agent = phase.agents[0] as string;
    const action = seats[agent]!.decide(game.observe(state, agent), rng.derive(agent)) as PersuasionAction;
    const illegal = game.legality(state, agent, game.actionSchema(state).parse(action));
    if (illegal) throw new Error(`${agent} at ${phase.label}: ${illegal}`);
    phases.push([agent, phase.label ?? '', phase.channel ?? '']);
    state = game.apply(state, new Map([[agent, action]]), rng).state;
  }
  return { state, phases };
}
