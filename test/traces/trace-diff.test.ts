import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../src/traces/event.js';
import { diffTraces } from '../../src/traces/trace-diff.js';
import { header } from './helpers/trace-files.js';

const play = (round: number, alice: string, bob: string, wall: number): TraceEvent[] => [
  { seq: round * 2, type: 'action', time: round, agent: 'alice', action: { move: alice }, wall },
  { seq: round * 2 + 1, type: 'action', time: round, agent: 'bob', action: { move: bob }, wall: wall + 5 },
];
const end = (seq: number, payoffs: Record<string, number>, metrics: Record<string, number>): TraceEvent => ({
  seq, type: 'run-end', time: 2, status: 'completed', payoffs, metrics,
});

describe('diffTraces', () => {
  it('finds no divergence between reruns that differ only in wall clock, run id and creation time', () => {
    const a = { header: header({ runId: 'a' }), events: [...play(0, 'C', 'C', 100), end(2, { alice: 3 }, {})] };
    const b = {
      header: header({ runId: 'b', createdAt: '2027-01-01T00:00:00.000Z' }),
      events: [...play(0, 'C', 'C', 999), end(2, { alice: 3 }, {})],
    };
    expect(diffTraces(a, b)).toEqual({ identical: true, metrics: [{ name: 'payoffs.alice', a: 3, b: 3, delta: 0 }] });
  });

  it('names the first differing event, its agent and field, and the final payoff and metric deltas', () => {
    // A fork where bob defects in round 1: the payoffs follow the prisoner's dilemma (T=5, R=3, S=0).
    const a = { events: [...play(0, 'C', 'C', 0), ...play(1, 'C', 'C', 0), end(4, { alice: 6, bob: 6 }, { cooperation: 1 })] };
    const b = { events: [...play(0, 'C', 'C', 0), ...play(1, 'C', 'D', 0), end(4, { alice: 3, bob: 8 }, { cooperation: 0.75 })] };
    const diff = diffTraces(a, b);
    expect(diff.identical).toBe(false);
    expect(diff.firstDivergence).toEqual({
      seq: 3, type: { a: 'action', b: 'action' }, agent: { a: 'bob', b: 'bob' }, path: 'action.move', a: '"C"', b: '"D"',
    });
    expect(diff.metrics).toEqual([
      { name: 'payoffs.alice', a: 6, b: 3, delta: -3 },
      { name: 'payoffs.bob', a: 6, b: 8, delta: 2 },
      { name: 'metrics.cooperation', a: 1, b: 0.75, delta: -0.25 },
    ]);
  });

  it('reports a trace that ends early and a payoff only one side has', () => {
    const a = { events: [...play(0, 'C', 'C', 0), end(2, { alice: 3, bob: 3 }, {})] };
    const b = { events: [...play(0, 'C', 'C', 0)] };
    const diff = diffTraces(a, b);
    expect(diff.firstDivergence).toMatchObject({ seq: 2, type: { a: 'run-end', b: '(none)' }, path: '', b: '(missing)' });
    expect(diff.metrics[0]).toEqual({ name: 'payoffs.alice', a: 3, b: null, delta: null });
  });

  it('reports a header difference (another seed) apart from the first differing event', () => {
    const diff = diffTraces({ header: header(), events: [] }, { header: header({ seeds: { root: 8 } }), events: [] });
    expect(diff.identical).toBe(false);
    expect(diff.header).toMatchObject({ seq: -1, path: 'seeds.root', a: '7', b: '8' });
    expect(diff.firstDivergence).toBeUndefined();
    // A fork's header differs by design: the first divergence is still the first differing event.
    const forked = diffTraces({ header: header(), events: play(0, 'C', 'C', 0) }, { header: header({ seeds: { root: 8 } }), events: play(0, 'C', 'D', 0) });
    expect(forked.firstDivergence).toMatchObject({ seq: 1, path: 'action.move' });
  });

  it('ignores timing fields at any depth (attempts[0].durationMs) and rounds floats it shows', () => {
    const call = (durationMs: number, delayMs: number, cost: number): TraceEvent =>
      ({ seq: 0, type: 'model-call', time: 0, agent: 'a', attempts: [{ attempt: 1, ok: false, delayMs, durationMs }, { attempt: 2, ok: true, durationMs }], cost }) as unknown as TraceEvent;
    expect(diffTraces({ events: [call(12.5, 300, 0.1)] }, { events: [call(813.25, 1250, 0.1)] }).identical).toBe(true);
    const d = diffTraces({ events: [call(1, 1, 0.1 + 0.2)] }, { events: [call(1, 1, 0.3000001234567)] }).firstDivergence!;
    expect(d).toMatchObject({ path: 'cost', a: '0.3', b: '0.3000001235' });
    const ends = diffTraces({ events: [end(0, {}, { share: 0.1 })] }, { events: [end(0, {}, { share: 0.3 })] });
    expect(ends.metrics[0]!.delta).toBe(0.2);
  });

  it('summarises long values', () => {
    const long = (c: string): TraceEvent => ({ seq: 0, type: 'action', time: 0, agent: 'a', action: c.repeat(500) });
    const d = diffTraces({ events: [long('x')] }, { events: [long('y')] }).firstDivergence!;
    expect(d.a.length).toBe(80);
    expect(d.a.endsWith('…')).toBe(true);
  });
});

describe('diffTraceFiles', () => {
  const write = async (file: string, runId: string, moves: string[], wall: number) => {
    const { TraceWriter } = await import('../../src/traces/trace-writer.js');
    const w = TraceWriter.create(file, header({ runId }));
    moves.forEach((m, round) => {
      w.append({ type: 'observation', time: round, agent: 'alice', observation: { round, history: moves.slice(0, round) } });
      w.append({ type: 'action', time: round, agent: 'alice', action: m, wall: wall + round });
    });
    w.append({ type: 'run-end', time: moves.length, status: 'completed', payoffs: { alice: moves.length }, metrics: {} });
    w.close();
  };

  it('streams two files: equal but for wall clock and run id is identical; otherwise names the first differing event', async () => {
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { diffTraceFiles } = await import('../../src/traces/trace-diff.js');
    const dir = mkdtempSync(join(tmpdir(), 'polis-diff-'));
    await write(join(dir, 'a.jsonl'), 'a', ['C', 'D', 'C', 'C'], 100);
    await write(join(dir, 'b.jsonl'), 'b', ['C', 'D', 'C', 'C'], 900);
    await write(join(dir, 'c.jsonl'), 'c', ['C', 'D', 'D', 'C'], 100);
    expect(await diffTraceFiles(join(dir, 'a.jsonl'), join(dir, 'b.jsonl'))).toMatchObject({ identical: true, metrics: [{ name: 'payoffs.alice', delta: 0 }] });
    const diff = await diffTraceFiles(join(dir, 'a.jsonl'), join(dir, 'c.jsonl'));
    expect(diff.firstDivergence).toMatchObject({ seq: 5, type: { a: 'action', b: 'action' }, path: 'action', a: '"C"', b: '"D"' });
  });
});
