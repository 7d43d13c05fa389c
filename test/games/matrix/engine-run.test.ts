// The matrix game driven by the team's engine: an LLM-style agent (scripted model + matrix-player role)
// against tit for tat, including an unparsable answer that the engine repairs. Checks that the game, the
// role and the strategies fit the engine's contracts end to end.
import { describe, expect, it } from 'vitest';
import { FullMemory } from '../../../src/agents/memory/full-memory.js';
import { modelPolicy } from '../../../src/agents/model-policy.js';
import { scriptedPolicy } from '../../../src/agents/scripted-policy.js';
import type { Agent } from '../../../src/agents/agent.js';
import { runGame } from '../../../src/engine/run-game.js';
import { MemorySink } from '../../../src/engine/trace-sink.js';
import { prisonersDilemmaAkata } from '../../../src/games/matrix/matrix-definitions.js';
import { titForTat } from '../../../src/games/strategies/classic.js';
import { matrixPlayer } from '../../../src/roles/matrix-player.js';
import { scriptedModel } from '../../../src/testing/index.js';

describe('a matrix game run by the engine', () => {
  it('plays the study PD between a model agent and tit for tat', async () => {
    const params = prisonersDilemmaAkata.params.parse({ rounds: 3 });
    const game = prisonersDilemmaAkata.create(params, ['llm', 'tft']);
    const model = scriptedModel(['Option F', 'no idea', 'J', 'J']);
    const llm: Agent = { id: 'llm', role: 'matrix-player', memory: new FullMemory(), policy: modelPolicy({ model, role: matrixPlayer }) as Agent['policy'] };
    const tft: Agent = { id: 'tft', role: 'matrix-player', memory: new FullMemory(), policy: scriptedPolicy(titForTat) as Agent['policy'] };
    const result = await runGame({ game, agents: [llm, tft], runId: 'matrix', seed: 3, sink: new MemorySink() });
    expect(result.status).toBe('completed');
    // llm: F, (unparsable -> repaired) J, J; tft: J, F, J. Payoffs 8/0/10/5: (10,0) (0,10) (8,8).
    expect(result.payoffs).toEqual({ llm: 18, tft: 18 });
    expect(result.invalid).toMatchObject({ unparsable: 1, repaired: 1, defaulted: 0 });
    expect(result.metrics['cooperation-rate:tft']).toBeCloseTo(2 / 3, 12);
  });
});
