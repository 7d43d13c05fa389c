// How the discussion game (spec 10) is offered to configs: params → problems, seats → the discussion-agent role.
import type { Rng } from '../../core/rng.js';
import type { GameDefinition, Strategy } from '../definition.js';
import { generateArithmetic } from './arithmetic.js';
import { createDiscussionGame, discussionMetadata } from './discussion-game.js';
import { discussionParamsSchema, type DiscussionParams } from './params.js';
import { discussionStrategies } from './strategies.js';
import type { DiscussionProblem } from './types.js';

/** Inline problems (each with the game's domain unless it names one), or the generator drawing from the game rng. */
export function problemsOf(params: DiscussionParams): DiscussionProblem[] | ((rng: Rng) => DiscussionProblem[]) {
  if (params.problems) {
    return params.problems.map((p) => ({ question: p.question, domain: p.domain ?? params.domain, ...(p.answer === undefined ? {} : { answer: p.answer }) }));
  }
  const generator = params.generate ?? { count: 2, terms: 3, maxOperand: 20 };
  return (rng) => generateArithmetic(generator, rng);
}

/** The CoMAS discussion for registries and configs; every seat plays the `discussion-agent` role. */
export const discussionDefinition: GameDefinition<DiscussionParams> = {
  metadata: discussionMetadata,
  params: discussionParamsSchema,
  agentCount: () => ({ min: 3, max: 64 }),
  create: (params, agents) => createDiscussionGame({ problems: problemsOf(params), rounds: params.rounds, references: params.references }, agents),
  roleFor: () => 'discussion-agent',
  strategies: discussionStrategies as Readonly<Record<string, Strategy>>,
};
