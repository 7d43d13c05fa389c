import { FullMemory } from '../../src/agents/memory/full-memory.js';
import type { ActInput, ActResult, Agent, AgentView, Policy } from '../../src/agents/agent.js';

/** An agent whose policy is an async function (may throw InvalidActionError). */
export function fnAgent<O = unknown, A = unknown>(
  id: string,
  act: (input: ActInput<O, A>, agent: AgentView) => Promise<Partial<ActResult<A>> & { action: A }> | (Partial<ActResult<A>> & { action: A }),
  options: { usesModel?: boolean; role?: string } = {},
): Agent<O, A> {
  const policy: Policy<O, A> = {
    metadata: { name: `fn:${id}`, stochastic: false, memoryDepth: Infinity, usesModel: options.usesModel ?? false },
    act: async (agent, input) => act(input, agent) as ActResult<A>,
  };
  return { id, role: options.role ?? 'player', memory: new FullMemory(), policy };
}
