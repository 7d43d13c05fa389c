// A large simultaneous phase streams: each agent starts acting once its own observation exists (not after
// all of them), and each agent's events are written as soon as it and every seat before it have decided,
// always in seat order whatever order the answers arrive in.
import { describe, expect, it } from 'vitest';
import { runGame } from '../../src/engine/run-game.js';
import { MemorySink } from '../../src/engine/trace-sink.js';
import { fnAgent } from '../helpers/agents.js';
import { pickGame, type PickObservation } from '../helpers/pick-game.js';

const ids = ['a', 'b', 'c', 'd'];

describe('a simultaneous phase streams', () => {
  it('starts the first agent before the last observation is built', async () => {
    const game = pickGame({ agents: ids, rounds: 1, mode: 'simultaneous' });
    let observed = 0;
    const observe = game.observe.bind(game);
    game.observe = (s, a) => (observed++, observe(s, a));
    const seenAtStart: number[] = [];
    const agents = ids.map((id) => fnAgent<PickObservation, number>(id, () => (seenAtStart.push(observed), { action: 1 })));
    await runGame({ game, agents, runId: 's', seed: 1, sink: new MemorySink() });
    expect(seenAtStart).toEqual([1, 2, 3, 4]);
  });

  it("writes a decided prefix of seats while later seats are still thinking, in seat order", async () => {
    const game = pickGame({ agents: ids, rounds: 1, mode: 'simultaneous' });
    const sink = new MemorySink();
    let releaseC!: () => void;
    const cGate = new Promise<void>((r) => (releaseC = r));
    const writtenWhenCWaited: string[] = [];
    const agents = ids.map((id) =>
      fnAgent<PickObservation, number>(id, async () => {
        if (id === 'c') {
          // a, b and d have answered by now (d before c: out of seat order)
          await new Promise((r) => setTimeout(r, 20));
          writtenWhenCWaited.push(...sink.events.filter((e) => e.type === 'action').map((e) => (e.type === 'action' ? e.agent : '')));
          await cGate;
        }
        return { action: ids.indexOf(id) };
      }),
    );
    const run = runGame({ game, agents, runId: 's', seed: 1, sink });
    await new Promise((r) => setTimeout(r, 40));
    releaseC();
    await run;
    expect(writtenWhenCWaited).toEqual(['a', 'b']);
    expect(sink.events.filter((e) => e.type === 'action').map((e) => (e.type === 'action' ? e.agent : ''))).toEqual(ids);
  });
});
