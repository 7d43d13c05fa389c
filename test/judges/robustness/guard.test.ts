// The master-key attack (spec 11): a judge that says YES to anything is exposed by the probe and
// neutralised by the guard.
import { describe, expect, it } from 'vitest';
import { createLlmReferenceJudge } from '../../../src/judges/llm/reference-judge.js';
import { degenerateReason, guardReferenceJudge } from '../../../src/judges/robustness/guard.js';
import { MASTER_KEYS, probeKeys } from '../../../src/judges/robustness/master-keys.js';
import { probeReferenceJudge } from '../../../src/judges/robustness/probe.js';
import { createRuleVerifier } from '../../../src/judges/robustness/rule-verifier.js';
import { fnClient } from '../helpers/fn-client.js';

describe('degenerate candidates', () => {
  it.each(MASTER_KEYS.map((k) => [k]))('master key %j is caught', (key) => {
    expect(degenerateReason(key)).not.toBeNull();
  });
  it.each([
    ['', 'empty'],
    ['  \n', 'empty'],
    ['...', 'symbol-only'],
    ['**:**', 'symbol-only'],
    ['Thought process:', 'opener-only'],
    ['SOLUTION.', 'opener-only'],
    ['解', 'opener-only'],
  ] as const)('%j → %s', (text, reason) => {
    expect(degenerateReason(text)).toBe(reason);
  });
  it.each(['42', 'Solution: 42', 'Canberra', '解: x = 3', 'Let us see: the answer is 7.'])('%j passes to the judge', (text) => {
    expect(degenerateReason(text)).toBeNull();
  });
  // The variants a list-based guard let through (issue 15), decided by content, not by a list.
  it.each(['The answer is', '\\boxed{}', 'Step 1:', 'N/A', 'Antwort:', 'Sure, here is the solution:', 'THE FINAL ANSWER IS:', '**Therefore, the answer is**'])(
    '%j holds no answer',
    (text) => {
      expect(degenerateReason(text, '42')).toBe('no-answer');
      expect(degenerateReason(text, 'Canberra')).toBe('no-answer');
    },
  );
  it('against a numeric reference, an answer must hold a number other than a step label', () => {
    expect(degenerateReason('Step 1: add the numbers.', '42')).toBe('no-answer');
    expect(degenerateReason('Step 1: add them. Step 2: the sum is 41.', '42')).toBeNull();
    expect(degenerateReason('forty-two', 'Canberra')).toBeNull();
    expect(degenerateReason('\\boxed{42}', '42')).toBeNull();
    expect(degenerateReason('Canberra', '42')).toBe('no-answer');
  });
  it('every generated probe key is caught on every probe item', () => {
    const keys = probeKeys();
    expect(keys.length).toBeGreaterThan(100);
    for (const key of keys) for (const reference of ['42', '3/4', 'Canberra']) expect(degenerateReason(key, reference), key).not.toBeNull();
  });
});

describe('probe and guard against an always-YES judge', () => {
  const yesJudge = () => {
    const client = fnClient(() => ({ verdict: 'YES', rationale: 'looks fine' }));
    return { client, judge: createLlmReferenceJudge({ client, name: 'always-yes' }) };
  };

  it('without the guard the false-positive rate is 1 on every key', async () => {
    const { judge, client } = yesJudge();
    const report = await probeReferenceJudge(judge);
    expect(report.falsePositiveRate).toBe(1);
    expect(report.perKey).toHaveLength(probeKeys().length);
    expect(report.perKey.every((k) => k.falsePositiveRate === 1)).toBe(true);
    expect(client.requests).toHaveLength(probeKeys().length * 5);
    expect(client.requests[0]?.call).toMatchObject({ agentId: 'judge:always-yes', purpose: 'judge' });
  });

  it('with the guard it is 0 and the model is never called', async () => {
    const { judge, client } = yesJudge();
    const guarded = guardReferenceJudge(judge);
    const report = await probeReferenceJudge(guarded);
    expect(report.falsePositiveRate).toBe(0);
    expect(client.requests).toHaveLength(0);
    expect(guarded.stats.blocked).toBe(probeKeys().length * 5);
    expect(guarded.stats.byReason['opener-only']).toBeGreaterThan(0);
    expect(guarded.stats.byReason['no-answer']).toBeGreaterThan(0);
  });

  it('the guard still lets real answers through', async () => {
    const { judge, client } = yesJudge();
    const guarded = guardReferenceJudge(judge);
    const r = await guarded.judge({ question: 'What is 6·7?', reference: '42', candidate: 'It is 42.' });
    expect(r.verdict).toBe('YES');
    expect(client.requests).toHaveLength(1);
  });

  it('the rule verifier passes the probe on its own', async () => {
    expect((await probeReferenceJudge(createRuleVerifier())).falsePositiveRate).toBe(0);
  });

  it('reads a bare "YES" from a model that ignores the JSON format', async () => {
    const judge = createLlmReferenceJudge({ client: fnClient(() => 'YES, it matches.') });
    expect((await judge.judge({ question: 'q', reference: '1', candidate: '1' })).verdict).toBe('YES');
  });

  it('fails with a JudgeOutputError on an unreadable answer', async () => {
    const judge = createLlmReferenceJudge({ client: fnClient(() => 'maybe?'), name: 'vague' });
    await expect(judge.judge({ question: 'q', reference: '1', candidate: '1' })).rejects.toThrow(/judge "vague"/);
  });
});
