import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { runGame } from '../../src/engine/run-game.js';
import { MemorySink } from '../../src/engine/trace-sink.js';
import type { TraceEvent } from '../../src/traces/event.js';
import { fnAgent } from '../helpers/agents.js';
import { pickGame, type PickObservation } from '../helpers/pick-game.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) => events.filter((e) => e.type === type) as Extract<TraceEvent, { type: T }>[];

describe('simultaneous phases are sealed', () => {
  it('no agent sees another action of the same round, even when it answers last', async () => {
    const seen: Record<string, number>[] = [];
    const fast = fnAgent<PickObservation, number>('fast', () => ({ action: 7 }));
    const slow = fnAgent<PickObservation, number>('slow', async (input) => {
      await sleep(20); // `fast` has long answered by now
      seen.push(input.observation.picksThisRound);
      return { action: 3 };
    });
    const sink = new MemorySink();
    const result = await runGame({ game: pickGame({ agents: ['fast', 'slow'], rounds: 3, mode: 'simultaneous' }), agents: [fast, slow], runId: 'r', seed: 1, sink });
    expect(result.status).toBe('completed');
    expect(seen).toEqual([{}, {}, {}]);
    for (const o of ofType(sink.events, 'observation')) expect((o.observation as PickObservation).picksThisRound).toEqual({});
    expect(result.payoffs).toEqual({ fast: 9, slow: 21 });
  });

  it('writes a phase in seat order whatever the order of answers', async () => {
    const a = fnAgent('a', async () => (await sleep(15), { action: 1 }));
    const b = fnAgent('b', () => ({ action: 2 }));
    const sink = new MemorySink();
    await runGame({ game: pickGame({ agents: ['a', 'b'], rounds: 1, mode: 'simultaneous' }), agents: [a, b], runId: 'r', seed: 1, sink });
    expect(ofType(sink.events, 'action').map((e) => e.agent)).toEqual(['a', 'b']);
  });
});

describe('sequential phases', () => {
  it('show each mover what its predecessors did this round', async () => {
    const seen: Record<string, Record<string, number>> = {};
    const mk = (id: string, pick: number) =>
      fnAgent<PickObservation, number>(id, (input) => {
        if (input.observation.round === 0) seen[id] = input.observation.picksThisRound;
        return { action: pick };
      });
    await runGame({ game: pickGame({ agents: ['x', 'y', 'z'], rounds: 2, mode: 'sequential' }), agents: [mk('x', 1), mk('y', 2), mk('z', 3)], runId: 'r', seed: 1, sink: new MemorySink() });
    expect(seen).toEqual({ x: {}, y: { x: 1 }, z: { x: 1, y: 2 } });
  });
});

describe('invalid actions', () => {
  it('are classified, repaired with the error shown, then defaulted, and counted', async () => {
    const feedback: Array<string | undefined> = [];
    // Answers: round 0 -> "unparsable" then 4 (illegal: even) then 5 (ok); round 1 -> always 2 (illegal) -> default.
    let calls = 0;
    const agent = fnAgent<PickObservation, number>('p', (input) => {
      feedback.push(input.feedback?.error);
      calls++;
      if (input.observation.round === 0) {
        if (input.context.attempt === 0) throw new InvalidActionError('unparsable', 'no number in "hello"', 'hello');
        return { action: input.context.attempt === 1 ? 4 : 5, raw: String(input.context.attempt === 1 ? 4 : 5) };
      }
      return { action: 2 };
    });
    const sink = new MemorySink();
    const result = await runGame({ game: pickGame({ agents: ['p'], rounds: 2, mode: 'simultaneous', oddOnly: true }), agents: [agent], runId: 'r', seed: 1, sink, maxRepairs: 2 });
    expect(calls).toBe(6);
    expect(feedback.slice(0, 3)).toEqual([undefined, 'no number in "hello"', '4 is even; only odd numbers are allowed']);
    expect(result.invalid).toMatchObject({ unparsable: 1, illegal: 4, defaulted: 1, repaired: 1 });
    const invalid = ofType(sink.events, 'action-invalid');
    expect(invalid.map((e) => [e.kind, e.attempt, e.resolution])).toEqual([
      ['unparsable', 1, 'repair'],
      ['illegal', 2, 'repair'],
      ['illegal', 1, 'repair'],
      ['illegal', 2, 'repair'],
      ['illegal', 3, 'default'],
    ]);
    const actions = ofType(sink.events, 'action');
    expect(actions.map((a) => [a.action, a.defaulted ?? false])).toEqual([[5, false], [1, true]]);
    expect(result.metrics['invalid.defaulted']).toBe(1);
  });

  it('rejects actions that do not match the schema as illegal', async () => {
    const agent = fnAgent('p', () => ({ action: 99 }));
    const result = await runGame({ game: pickGame({ agents: ['p'], rounds: 1, mode: 'simultaneous' }), agents: [agent], runId: 'r', seed: 1, sink: new MemorySink(), maxRepairs: 0 });
    expect(result.invalid.illegal).toBe(1);
    expect(result.invalid.defaulted).toBe(1);
  });
});

describe('budgets and determinism', () => {
  it('stops cleanly at the turn budget with a summary', async () => {
    const sink = new MemorySink();
    const result = await runGame({ game: pickGame({ agents: ['a'], rounds: 10, mode: 'simultaneous' }), agents: [fnAgent('a', () => ({ action: 1 }))], runId: 'r', seed: 1, sink, budget: { turns: 4 } });
    expect(result.status).toBe('stopped');
    expect(result.reason).toMatch(/turns budget exceeded/);
    expect(result.rounds).toBe(4);
    const end = ofType(sink.events, 'run-end')[0]!;
    expect(end.status).toBe('stopped');
    expect(end.metrics.rounds).toBe(4);
  });

  it('gives identical events for the same seed and different ones for another seed', async () => {
    const run = async (seed: number) => {
      const sink = new MemorySink();
      const rand = fnAgent<PickObservation, number>('r', (input) => ({ action: input.context.rng.int(0, 10) }));
      await runGame({ game: pickGame({ agents: ['r'], rounds: 5, mode: 'simultaneous' }), agents: [rand], runId: 'x', seed, sink, clock: { now: () => 0 } });
      return sink.events;
    };
    expect(await run(7)).toEqual(await run(7));
    expect(JSON.stringify(await run(7))).not.toEqual(JSON.stringify(await run(8)));
  });

  it('writes a checkpoint at the start of every round', async () => {
    const sink = new MemorySink();
    await runGame({ game: pickGame({ agents: ['a', 'b'], rounds: 3, mode: 'sequential' }), agents: [fnAgent('a', () => ({ action: 1 })), fnAgent('b', () => ({ action: 1 }))], runId: 'r', seed: 1, sink });
    expect(ofType(sink.events, 'checkpoint').map((c) => c.time)).toEqual([0, 1, 2]);
  });
});

describe('wide phases', () => {
  it('keep at most maxInFlight decisions under way, and start none after a seat fails for good', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => `w${i}`);
    let running = 0;
    let peak = 0;
    const started: string[] = [];
    const agents = ids.map((id) =>
      fnAgent<PickObservation, number>(id, async () => {
        started.push(id);
        running++;
        peak = Math.max(peak, running);
        await sleep(2);
        running--;
        return { action: 1 };
      }),
    );
    const sink = new MemorySink();
    const result = await runGame({ game: pickGame({ agents: ids, rounds: 2, mode: 'simultaneous' }), agents, runId: 'r', seed: 1, sink, maxInFlight: 5 });
    expect(result.status).toBe('completed');
    expect(peak).toBe(5);
    expect(ofType(sink.events, 'action')).toHaveLength(80);

    // w3 and w7 fail (not an invalid answer: an error); w7 fails first in time, w3 is named (first seat)
    started.length = 0;
    const failing = ids.map((id) =>
      fnAgent<PickObservation, number>(id, async () => {
        started.push(id);
        if (id === 'w7') throw new Error('w7 broke');
        await sleep(id === 'w3' ? 5 : 1);
        if (id === 'w3') throw new Error('w3 broke');
        return { action: 1 };
      }),
    );
    const failed = new MemorySink();
    await expect(runGame({ game: pickGame({ agents: ids, rounds: 1, mode: 'simultaneous' }), agents: failing, runId: 'r', seed: 1, sink: failed, maxInFlight: 5 })).rejects.toThrow('w3 broke');
    // after the first failure no new decision starts: far fewer than 40 were asked
    expect(started.length).toBeLessThan(15);
    // the seats before the failure were written
    expect(ofType(failed.events, 'action').map((e) => e.agent)).toEqual(['w0', 'w1', 'w2']);
  });
});
