// Checkpoints of version 2 write each agent's rng stream as its count of draws (and leave empty memories
// out). A run continued from one must be the run that never stopped, and so must one continued from a
// version-1 checkpoint holding every stream whole; a checkpoint whose counts do not fit is named.
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/core/rng.js';
import { checkpointStateProblem, type CheckpointState } from '../../src/engine/checkpoint.js';
import { runGame } from '../../src/engine/run-game.js';
import { MemorySink } from '../../src/engine/trace-sink.js';
import type { CheckpointEvent, TraceEvent } from '../../src/traces/event.js';
import { fnAgent } from '../helpers/agents.js';
import { pickGame, type PickObservation } from '../helpers/pick-game.js';

const ids = ['a', 'b', 'c'];
// Each agent draws a different number of values per round, so the counts differ.
const agents = () => ids.map((id, k) => fnAgent<PickObservation, number>(id, (input) => {
  let pick = 0;
  for (let i = 0; i <= k; i++) pick = input.context.rng.int(0, 10);
  return { action: pick };
}));
const game = () => pickGame({ agents: ids, rounds: 6, mode: 'simultaneous' });
const actions = (events: TraceEvent[], from: number) => events.filter((e) => e.type === 'action' && e.time >= from).map((e) => [e.agent, (e as { action: unknown }).action]);

async function continueFrom(state: CheckpointState): Promise<TraceEvent[]> {
  const sink = new MemorySink();
  await runGame({ game: game(), agents: agents(), runId: 'r', seed: 11, sink, resumeFrom: structuredClone(state) });
  return sink.events;
}

describe('checkpoints of version 2', () => {
  it('continue a run exactly, from draw counts or from whole streams (version 1)', async () => {
    const sink = new MemorySink();
    await runGame({ game: game(), agents: agents(), runId: 'r', seed: 11, sink });
    const cut = sink.events.find((e): e is CheckpointEvent => e.type === 'checkpoint' && e.time === 3)!;
    const state = cut.state as CheckpointState;
    expect(state.version).toBe(2);
    expect(state.agentRngs).toEqual({});
    expect(state.agentDraws).toEqual({ seed: 11, draws: [3, 6, 9] });
    expect(state.memories).toEqual({}); // scripted agents' memories stay empty, and are left out
    expect(actions(await continueFrom(state), 3)).toEqual(actions(sink.events, 3));

    // the same point as version 1 wrote it: every stream whole, no counts
    const whole = Object.fromEntries(ids.map((id, i) => [id, Rng.fromSeed(11).derive(`agent:${id}`).skip(state.agentDraws!.draws[i]!).getState()]));
    const { agentDraws: _, ...rest } = state;
    const v1: CheckpointState = { ...rest, version: 1, agentRngs: whole };
    expect(checkpointStateProblem(v1)).toBeNull();
    const fromV1 = await continueFrom(v1);
    expect(actions(fromV1, 3)).toEqual(actions(sink.events, 3));
    // streams restored whole have no count: they stay whole in the checkpoints that follow
    const next = fromV1.find((e): e is CheckpointEvent => e.type === 'checkpoint')!.state as CheckpointState;
    expect(next.agentDraws!.draws).toEqual([null, null, null]);
    expect(Object.keys(next.agentRngs)).toEqual(ids);
  });

  it('a fork with a new seed keeps the streams it continues and counts none it cannot', async () => {
    const sink = new MemorySink();
    await runGame({ game: game(), agents: agents(), runId: 'r', seed: 11, sink });
    const state = sink.events.find((e): e is CheckpointEvent => e.type === 'checkpoint' && e.time === 3)!.state as CheckpointState;
    const other = new MemorySink();
    await runGame({ game: game(), agents: agents(), runId: 'r', seed: 99, sink: other, resumeFrom: structuredClone(state) });
    expect(actions(other.events, 3)).toEqual(actions(sink.events, 3));
    const next = other.events.find((e): e is CheckpointEvent => e.type === 'checkpoint')!.state as CheckpointState;
    expect(next.agentDraws).toEqual({ seed: 11, draws: [4, 8, 12] });
  });

  it('a checkpoint whose counts do not fit its population is named', () => {
    const base = { version: 2, round: 1, rounds: 1, turns: 1, game: {}, gameRng: Rng.fromSeed(1).getState(), agentRngs: {}, memories: {}, population: [{ id: 'a' }, { id: 'b' }], invalid: {}, usage: {}, usageByAgent: {}, usageByRole: {} };
    expect(checkpointStateProblem({ ...base, agentDraws: { seed: 1, draws: [1] } })).toMatch(/state\.agentDraws\.draws: expected 2 entries .* found 1/);
    expect(checkpointStateProblem({ ...base, agentDraws: { seed: 1, draws: [1, null] } })).toMatch(/state\.agentDraws\.draws\.1: null .* agent "b"/);
    expect(checkpointStateProblem({ ...base, agentDraws: { seed: 1, draws: [1, -2] } })).toMatch(/state\.agentDraws\.draws\.1/);
    expect(checkpointStateProblem({ ...base, agentDraws: { seed: 1, draws: [1, 2] } })).toBeNull();
  });
});
