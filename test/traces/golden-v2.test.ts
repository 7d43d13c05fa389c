// The v2 golden trace (schema 2: payloads as deltas) is a frozen contract like v1: every later version must
// keep reading it, and resolve each delta to the same payloads (see test/fixtures/traces/README.md).
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { ModelCallEvent, ObservationEvent } from '../../src/traces/event.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { goldenContract } from './helpers/golden.js';
import { fixture, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const file = fixture('golden-v2.jsonl');

describe('golden trace v2', () => {
  it('holds deltas, and reads them back as whole payloads', async () => {
    const raw = readFileSync(file, 'utf8');
    for (const op of ['"$d"', '"$o"', '"$a"', '"$e"', '"$l"', '"$v"', '"$text"']) expect(raw).toContain(op);
    const { header, events, torn } = await readTrace(file);
    expect(torn).toBeUndefined();
    expect(header).toMatchObject({ schemaVersion: 2, config: { game: 'prisoners-dilemma', params: { rounds: 6 } } });
    const observations = events.filter((e): e is ObservationEvent => e.type === 'observation' && e.agent === 'alice');
    expect(observations.map((o) => (o.observation as { history: unknown[] | null }).history?.length ?? 0)).toEqual([0, 1, 2, 3, 4, 5]);
    const last = observations.at(-1)!.observation as { round: number; rules: unknown; history: Array<{ ta: number }> };
    expect(last).toMatchObject({ round: 6, rules: [[[3, 3], [0, 5]], [[5, 0], [1, 1]]] });
    const calls = events.filter((e): e is ModelCallEvent => e.type === 'model-call');
    expect(calls).toHaveLength(6);
    const prompt = calls.at(-1)!.request.messages[1]!.content;
    expect(prompt).toContain('history (5 rows): # | a | b | pa | pb | ta | tb | da | db');
    expect(prompt.match(/^- turn \d+: You chose/gm)).toHaveLength(5);
    expect(calls.at(-1)!.request.schema).toMatchObject({ json: { $schema: expect.any(String) } });
    const checkpoints = events.filter((e) => e.type === 'checkpoint');
    expect(checkpoints.map((c) => c.type === 'checkpoint' && (c.state as { round: number }).round)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  goldenContract(file, tmp.file('golden-v2-copy.jsonl'));

});
