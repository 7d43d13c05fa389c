// What model agents remember of a phase: their own action, and every payoff and message addressed to them,
// whether or not they acted in it (a listener in a dialogue hears what is said on its channels). Scripted
// agents keep no memory, and a phase of 10,000 of them makes no promises here.
import type { Memory } from '../agents/agent.js';
import type { AgentId, Outcome, Phase } from '../games/game.js';

export async function rememberPhase(
  phase: Phase,
  actions: ReadonlyMap<AgentId, unknown>,
  outcomes: readonly Outcome[],
  /** The agent's memory if it uses a model, else undefined. */
  memoryOf: (id: AgentId) => Memory | undefined,
  /** Everyone alive (the addressees of a message to `all`). */
  everyone: () => AgentId[],
): Promise<void> {
  for (const id of phase.agents) {
    const memory = memoryOf(id);
    if (memory) await memory.add({ turn: phase.round, kind: 'action', text: `You chose ${JSON.stringify(actions.get(id))}.` });
  }
  for (const o of outcomes) {
    if (o.type === 'payoff') {
      const memory = memoryOf(o.agent);
      if (memory) await memory.add({ turn: phase.round, kind: 'outcome', text: `You received ${o.value}.` });
    }
    if (o.type !== 'message') continue;
    for (const id of o.to === 'all' ? everyone() : o.to) {
      const memory = id === o.from ? undefined : memoryOf(id);
      if (memory) await memory.add({ turn: phase.round, kind: 'message', text: `${o.from} said: ${o.content}` });
    }
  }
}
