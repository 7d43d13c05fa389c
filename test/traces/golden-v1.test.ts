// The v1 golden trace is a frozen contract: every later version must keep reading it (see
// test/fixtures/traces/README.md). If this test fails after a change, the change broke old traces.
import { afterAll, describe, expect, it } from 'vitest';
import { readTrace } from '../../src/traces/trace-reader.js';
import { goldenContract } from './helpers/golden.js';
import { fixture, tempDir } from './helpers/trace-files.js';

const tmp = tempDir();
afterAll(tmp.cleanup);
const file = fixture('golden-v1.jsonl');

describe('golden trace v1', () => {
  it('reads, with every event type and the interned texts resolved', async () => {
    const { header, events, torn } = await readTrace(file);
    expect(torn).toBeUndefined();
    expect(header).toMatchObject({ schemaVersion: 1, runId: 'golden-v1-run', seeds: { root: 42 } });
    expect(new Set(events.map((e) => e.type))).toEqual(
      new Set(['run-start', 'phase-start', 'observation', 'model-call', 'action', 'action-invalid', 'message',
        'outcome', 'metric', 'checkpoint', 'judge-score', 'reward', 'run-end', 'text']),
    );
    const call = events.find((e) => e.type === 'model-call')!;
    const obs = events.find((e) => e.type === 'observation')!;
    expect(call.type === 'model-call' && call.request.messages[1]!.content).toMatch(/^Round 1 of 5\. Current lake stock/);
    expect(obs.type === 'observation' && obs.observation).toMatchObject({ text: expect.stringMatching(/^Round 1 of 5/) });
  });

  goldenContract(file, tmp.file('golden-copy.jsonl'), (trace) => {
    expect(trace.rewards).toEqual({ solver: 0.5, 'judge:fairness.cooperation': 0.8, 'judge:fairness.honesty': 1, team: 11 });
  });
});
