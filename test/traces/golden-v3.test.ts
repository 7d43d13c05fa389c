// The v3 golden trace (schema 3: scripted decisions as `decisions` lines, checkpoints of version 2 with
// agents' streams as draw counts) is a frozen contract like v1 and v2 (see test/fixtures/traces/README.md).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ActionEvent, CheckpointEvent, ModelCallEvent, ObservationEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { goldenContract } from './helpers/golden.js';
import { fixture, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const file = fixture('golden-v3.jsonl');

describe('golden trace v3', () => {
  it('holds decisions lines and draw-count checkpoints, and reads them back as whole events', async () => {
    const raw = readFileSync(file, 'utf8');
    expect(raw.match(/"type":"decisions"/g)).toHaveLength(6);
    expect(raw).toContain('"agentDraws":{"seed":7,"draws":[0,0]}');
    const { header, events, torn } = await readTrace(file);
    expect(torn).toBeUndefined();
    expect(header).toMatchObject({ schemaVersion: 3, config: { game: 'prisoners-dilemma', params: { rounds: 6 } } });
    // bob (scripted, random) decides inside decisions lines; alice (a model) in events of her own
    const bob = events.filter((e): e is ActionEvent => e.type === 'action' && e.agent === 'bob');
    const bobSeen = events.filter((e): e is ObservationEvent => e.type === 'observation' && e.agent === 'bob');
    expect(bob).toHaveLength(6);
    for (const action of bob) expect(action.parents).toEqual([expect.any(Number), action.seq - 1]);
    expect(bobSeen.map((o) => o.seq)).toEqual(bob.map((a) => a.seq - 1));
    expect(events.filter((e): e is ModelCallEvent => e.type === 'model-call')).toHaveLength(6);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i));
    const checkpoints = events.filter((e): e is CheckpointEvent => e.type === 'checkpoint');
    const draws = checkpoints.map((c) => (c.state as { agentDraws: { draws: number[] } }).agentDraws.draws);
    expect(draws[0]).toEqual([0, 0]);
    // bob's stream advances as he draws; alice (whose answers come from her model) never draws from hers
    expect(draws.at(-1)![0]).toBe(0);
    expect(draws.at(-1)![1]).toBeGreaterThan(draws[1]![1]!);
  });

  goldenContract(file, tmp.file('golden-v3-copy.jsonl'));

});
