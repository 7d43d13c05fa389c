import { describe, expect, it } from 'vitest';
import { fakeSleep, recordCalls, ScriptedClient, scriptedModel } from '../../src/testing/index.js';
import { withRecording } from '../../src/models/wrappers/with-recording.js';

describe('polis/testing model helpers', () => {
  it('scriptedModel answers in order and recordCalls collects one record per call', async () => {
    const { records, onCall } = recordCalls();
    const model = withRecording(scriptedModel(['C', 'D']), { onCall });
    await model.generate({ messages: [{ role: 'user', content: 'move 1' }], call: { agentId: 'a', turn: 0 } });
    await model.generate({ messages: [{ role: 'user', content: 'move 2' }], call: { agentId: 'a', turn: 1 } });
    expect(records.map((r) => [r.call.turn, r.response.text])).toEqual([[0, 'C'], [1, 'D']]);
  });

  it('fakeSleep resolves at once and remembers the delays', async () => {
    const sleep = fakeSleep();
    const model = new ScriptedClient({ fallback: 'x', latencyMs: (i) => 10 * (i + 1), sleep });
    await model.generate({ messages: [{ role: 'user', content: 'a' }] });
    await model.generate({ messages: [{ role: 'user', content: 'b' }] });
    expect(sleep.calls).toEqual([10, 20]);
    expect(sleep.total).toBe(30);
  });
});
