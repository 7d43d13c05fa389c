// A scripted policy: plain code (a classic strategy, a rational baseline) behind the same `Policy`
// interface as a model, so the engine treats both alike.
import type { Strategy } from '../core/strategy.js';
import type { ActInput, ActResult, Policy, PolicyMetadata, AgentView } from './agent.js';

export function scriptedPolicy<Observation, Action>(strategy: Strategy<Observation, Action>): Policy<Observation, Action> {
  const metadata: PolicyMetadata = { ...strategy.metadata, usesModel: false };
  return {
    metadata,
    async act(_agent: AgentView, input: ActInput<Observation, Action>): Promise<ActResult<Action>> {
      return { action: strategy.decide(input.observation, input.context.rng) };
    },
  };
}
