import { describe, expect, it } from 'vitest';
import { sha256 } from '../../../src/core/hash.js';
import { toOrchestrationTrace } from '../../../src/traces/orchestration/to-orchestration-trace.js';
import { validateOrchestrationTrace } from '../../../src/traces/orchestration/validate-orchestration-trace.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { fixture, header } from '../helpers/trace-files.js';

const golden = async () => {
  const { header: h, events } = await readTrace(fixture('golden-v1.jsonl'));
  return toOrchestrationTrace(h, events);
};

describe('toOrchestrationTrace (golden v1)', () => {
  it('maps each Polis event onto the public event types', async () => {
    const t = await golden();
    expect(t.events.map((e) => `${e.id} ${e.type} ${e.agent}`)).toEqual([
      'e0 orchestrator_decision orchestrator',
      'e0.spawn.alice spawn orchestrator',
      'e0.spawn.bob spawn orchestrator',
      'e1 orchestrator_decision orchestrator',
      'e3 message orchestrator',
      'e5.call tool_call alice',
      'e5.result tool_result openai/gpt-4o-mini-2024-07-18',
      'e6 safety_event bob',
      'e7 return bob',
      'e8 return alice',
      'e9 message alice',
      'e10 aggregate orchestrator',
      'e11 aggregate orchestrator',
      'e15.despawn.alice despawn orchestrator',
      'e15.despawn.bob despawn orchestrator',
    ]);
    const call = t.events.find((e) => e.id === 'e5.call')!;
    expect(call).toMatchObject({ content_ref: '5b1d0f3e9a7c2846e1b0d9c8a7f6e5d4c3b2a1908f7e6d5c4b3a29180f7e6d5c', t: 1 });
    // Raw text is never exported: the result carries only the hash of the response.
    const result = t.events.find((e) => e.id === 'e5.result')!;
    expect(result.content_ref).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(t)).not.toContain('Round 1 of 5');
  });

  it('links events by time, cause, spawn, message delivery, tool use, return and aggregation', async () => {
    const { edges } = await golden();
    const has = (src: string, dst: string, type: string) => expect(edges).toContainEqual({ src, dst, type });
    has('e0', 'e0.spawn.alice', 'spawn');
    has('e0.spawn.bob', 'e1', 'temporal');
    has('e0', 'e1', 'causal'); // phase-start's parents: [0]
    has('e3', 'e5.call', 'message'); // alice's observation reaches her model call
    has('e5.call', 'e5.result', 'tool_dependency');
    has('e5.result', 'e8', 'return');
    has('e6', 'e7', 'safety_flow'); // bob's illegal move resolved by the default action
    has('e7', 'e10', 'aggregate');
    has('e8', 'e10', 'aggregate');
    // Alice's chat to bob is delivered to bob's next event; bob does not act again, so no edge.
    expect(edges.filter((e) => e.src === 'e9' && e.type === 'message')).toEqual([]);
  });

  it('sums rewards per channel, takes team from the payoffs, counts costs and copies the final metrics', async () => {
    const t = await golden();
    expect(t.rewards).toEqual({ solver: 0.5, 'judge:fairness.cooperation': 0.8, 'judge:fairness.honesty': 1, team: 11 });
    // tokens 187 + 61; wall clock from the first (…200000) to the last (…203000) stamped event.
    expect(t.costs).toEqual({ tokens: 248, wall_clock_s: 3, tool_calls: 1, messages: 1 });
    expect(t.metrics).toEqual({ totalCatch: 11, finalStock: 89, invalidActions: 1 });
    expect(t).toMatchObject({ trace_id: 'golden-v1-run', task_id: 'cpr-harvest@1.0.0', topology: 'centralized' });
  });
});

describe('toOrchestrationTrace (edge cases)', () => {
  it('a header-only trace still exports a valid trace', () => {
    const t = toOrchestrationTrace(header(), []);
    expect(validateOrchestrationTrace(t)).toEqual([]);
    expect(t.costs).toEqual({ tokens: 0, wall_clock_s: 0, tool_calls: 0, messages: 0 });
  });

  it('a message to all reaches every other agent', () => {
    const t = toOrchestrationTrace(header(), [
      { seq: 0, type: 'run-start', time: 0, game: { name: 'g', version: '1' }, agents: ['a', 'b', 'c'].map((id) => ({ id, role: 'r', policy: 'p', usesModel: false })) },
      { seq: 1, type: 'message', time: 0, from: 'a', to: 'all', channel: 'public', content: 'hi' },
      { seq: 2, type: 'action', time: 0, agent: 'b', action: 1 },
      { seq: 3, type: 'action', time: 0, agent: 'c', action: 2 },
      { seq: 4, type: 'action', time: 0, agent: 'a', action: 3 },
    ]);
    expect(t.edges.filter((e) => e.type === 'message')).toEqual([
      { src: 'e1', dst: 'e2', type: 'message' },
      { src: 'e1', dst: 'e3', type: 'message' },
    ]);
    expect(t.events[4]).toMatchObject({ type: 'message', from: 'a', to: 'all', content_ref: sha256('hi'), channel: 'public' });
    expect(validateOrchestrationTrace(t)).toEqual([]);
  });
});
