import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidActionError } from '../../src/core/errors/invalid-action-error.js';
import { runGame } from '../../src/engine/run-game.js';
import { MemorySink } from '../../src/engine/trace-sink.js';
import type { TraceEvent } from '../../src/traces/event.js';
import { fnAgent } from '../helpers/agents.js';
import { pickGame, type PickObservation } from '../helpers/pick-game.js';

async function play(n: number, rounds: number, mode: 'simultaneous' | 'sequential', seed: number, badRate: number) {
  const ids = Array.from({ length: n }, (_, i) => `a${i}`);
  const agents = ids.map((id) =>
    fnAgent<PickObservation, number>(id, (input) => {
      const r = input.context.rng.next();
      if (r < badRate / 2) throw new InvalidActionError('unparsable', 'garbled');
      if (r < badRate) return { action: 1000 };
      return { action: input.context.rng.int(0, 10) };
    }),
  );
  const sink = new MemorySink();
  const result = await runGame({ game: pickGame({ agents: ids, rounds, mode }), agents, runId: 'p', seed, sink, maxRepairs: 1, clock: { now: () => 0 } });
  return { sink, result, ids };
}

describe('engine invariants (property-based)', () => {
  it('holds for random populations, modes, seeds and invalid-answer rates', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 1, max: 6 }),
        fc.constantFrom('simultaneous' as const, 'sequential' as const),
        fc.integer(),
        fc.double({ min: 0, max: 0.6, noNaN: true }),
        async (n, rounds, mode, seed, badRate) => {
          const { sink, result, ids } = await play(n, rounds, mode, seed, badRate);
          const events: TraceEvent[] = sink.events;
          // seq is dense from 0
          events.forEach((e, i) => expect(e.seq).toBe(i));
          expect(events[0]!.type).toBe('run-start');
          expect(events.at(-1)!.type).toBe('run-end');
          // every phase gets exactly one action from each listed agent, in seat order
          let pending: string[] = [];
          for (const e of events) {
            if (e.type === 'phase-start') {
              expect(pending).toEqual([]);
              pending = [...e.phase.agents];
            } else if (e.type === 'action') {
              expect(e.agent).toBe(pending.shift());
              expect(Number.isInteger(e.action) && (e.action as number) >= 0 && (e.action as number) <= 10).toBe(true);
            }
          }
          expect(pending).toEqual([]);
          // one checkpoint per round; payoffs in outcomes add up to the final payoffs
          expect(events.filter((e) => e.type === 'checkpoint').length).toBe(rounds);
          const sums: Record<string, number> = Object.fromEntries(ids.map((id) => [id, 0]));
          for (const e of events) if (e.type === 'outcome' && e.outcome.type === 'payoff') sums[e.outcome.agent as string]! += e.outcome.value as number;
          expect(result.payoffs).toEqual(sums);
          // invalid answers are all accounted for
          const invalid = events.filter((e) => e.type === 'action-invalid').length;
          expect(invalid).toBe(result.invalid.unparsable + result.invalid.illegal);
          expect(events.filter((e) => e.type === 'action' && e.defaulted).length).toBe(result.invalid.defaulted);
          // determinism: the same seed gives the same events
          const again = await play(n, rounds, mode, seed, badRate);
          expect(again.sink.events).toEqual(events);
        },
      ),
      { numRuns: 60 },
    );
  });
});
