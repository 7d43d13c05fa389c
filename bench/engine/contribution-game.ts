// The benchmarks' lean public-goods round (O(agents) state, so memory measures the engine, not the game)
// and its scripted agents, who each draw a contribution from their own rng stream.
import { z } from 'zod';
import { FullMemory } from '../../src/agents/memory/full-memory.js';
import type { Agent } from '../../src/agents/agent.js';
import { scriptedPolicy } from '../../src/agents/scripted-policy.js';
import type { Game } from '../../src/games/game.js';

/** A lean public-goods round: O(agents) state, so memory measures the engine, not the game. */
export function contributionGame(n: number, rounds: number): Game<{ round: number; totals: number[] }, number, { round: number }> {
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const schema = z.number().int().min(0).max(10);
  return {
    metadata: { name: 'bench-contribution', version: '1', description: 'bench' },
    agents: ids,
    init: () => ({ round: 0, totals: new Array(n).fill(0) }),
    phase: (s) => (s.round >= rounds ? null : { kind: 'simultaneous', agents: ids, round: s.round }),
    observe: (s) => ({ round: s.round }),
    actionSchema: () => schema,
    defaultAction: () => 0,
    apply(s, actions) {
      let pot = 0;
      for (const a of actions.values()) pot += a;
      const share = (1.6 * pot) / n;
      const totals = s.totals.slice();
      let i = 0;
      for (const a of actions.values()) { totals[i] = totals[i]! + 10 - a + share; i++; }
      return { state: { round: s.round + 1, totals }, outcomes: [{ type: 'metric', name: 'pot', value: pot }] };
    },
    isOver: (s) => s.round >= rounds,
    payoffs: (s) => Object.fromEntries(ids.map((id, i) => [id, s.totals[i]!])),
    metrics: (s) => ({ rounds: s.round }),
  };
}

export function contributionAgents(n: number): Agent[] {
  const policy = scriptedPolicy({ metadata: { name: 'half', stochastic: true, memoryDepth: 0, source: 'bench' }, decide: (_o: unknown, rng) => rng.int(0, 10) });
  return Array.from({ length: n }, (_, i) => ({ id: `a${i}`, role: 'contributor', memory: new FullMemory(), policy }));
}

