import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { RerunDivergedError } from '../../../src/core/errors/rerun-diverged-error.js';
import type { ModelRequest } from '../../../src/models/model.js';
import { ReplayClient } from '../../../src/models/replay/replay-client.js';
import { ScriptedClient } from '../../../src/models/scripted/scripted-client.js';
import { withRecording } from '../../../src/models/wrappers/with-recording.js';
import { recordCalls } from '../../../src/testing/index.js';
import { conformanceObject, conformanceRequests, describeModelClientConformance } from '../conformance.js';

async function recordRun(requests: ModelRequest[]) {
  const { records, onCall } = recordCalls();
  const live = withRecording(new ScriptedClient({ rules: [{ when: (r) => !!r.output, reply: { object: conformanceObject } }], respond: (r, i) => `answer ${i} to ${r.messages.at(-1)!.content}` }), { onCall });
  for (const r of requests) await live.generate(r);
  return records.map((r, seq) => ({ ...r, seq, time: 0 }));
}

describeModelClientConformance('replay', async () => {
  const records = await recordRun(Object.values(conformanceRequests));
  // The suite sends the plain request several times; let each key serve more than once.
  return { client: new ReplayClient([...records, ...records, ...records, ...records]) };
});

const turn = (agentId: string, t: number, content: string): ModelRequest => ({
  messages: [{ role: 'system', content: `You are ${agentId}.` }, { role: 'user', content }],
  call: { agentId, turn: t, purpose: 'act' },
  sampling: { temperature: 0.7 },
});

describe('ReplayClient', () => {
  const script = [turn('alice', 0, 'round 0'), turn('bob', 0, 'round 0'), turn('alice', 1, 'round 1'), turn('bob', 1, 'round 1')];

  it('serves the recorded answers, matched by position not by order, and counts them', async () => {
    const records = await recordRun(script);
    const replay = new ReplayClient(records);
    const answers = await Promise.all([...script].reverse().map((r) => replay.generate(r)));
    expect(answers.reverse().map((a) => a.text)).toEqual(records.map((r) => r.response.text));
    expect(replay.served).toBe(4);
    expect(replay.remaining).toBe(0);
  });

  it('names the first differing call and message when a prompt changed', async () => {
    const replay = new ReplayClient(await recordRun(script));
    await replay.generate(script[0]!);
    const error = await replay.generate(turn('bob', 0, 'round zero')).catch((e) => e);
    expect(error).toBeInstanceOf(RerunDivergedError);
    expect(error.divergence).toMatchObject({ agent: 'bob', turn: 0, purpose: 'act', recordedSeq: 1, part: 'messages', messageIndex: 1 });
    expect(error.message).toMatch(/agent bob, turn 0, purpose act, recorded seq 1: messages differ/);
  });

  it('names sampling and schema changes', async () => {
    const replay = new ReplayClient(await recordRun([...script, { ...turn('carol', 0, 'x'), output: { schema: z.object({ a: z.number() }) } }]));
    const sampling = await replay.generate({ ...script[0]!, sampling: { temperature: 0 } }).catch((e) => e);
    expect(sampling.divergence.part).toBe('sampling');
    const schema = await replay.generate({ ...turn('carol', 0, 'x'), output: { schema: z.object({ a: z.string() }) } }).catch((e) => e);
    expect(schema.divergence.part).toBe('schema');
  });

  it('treats a request with no recording as a divergence', async () => {
    const replay = new ReplayClient(await recordRun(script));
    const error = await replay.generate(turn('alice', 2, 'round 2')).catch((e) => e);
    expect(error).toBeInstanceOf(RerunDivergedError);
    expect(error.divergence).toMatchObject({ agent: 'alice', turn: 2, part: 'missing' });
  });
});
