// Scorer judges condition on exactly the conversation an agent saw and turn log-probabilities into scores.
// A fake scorer makes every log-prob a function of the request, so the expected scores are hand-computable.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeTrace } from '../../../src/judges/judge-trace.js';
import { parseJudgeConfig } from '../../../src/judges/judge-config.js';
import type { Scorer, ScoreRequest, ScoreResult } from '../../../src/local-models/scorer.js';
import { readTrace } from '../../../src/traces/trace-reader.js';
import { dialogueTrace } from './dialogue-trace.js';

const promptText = (p: ScoreRequest['prompt']): string => (typeof p === 'string' ? p : p.map((m) => `${m.role}> ${m.content}`).join('\n'));

/** log-prob per continuation character = −1/(1 + number of prompt lines); one "token" per character. */
function fakeScorer(modelId = 'fake.gguf', scale = 1): Scorer & { seen: ScoreRequest[] } {
  const seen: ScoreRequest[] = [];
  return {
    modelId,
    seen,
    async score(requests): Promise<ScoreResult[]> {
      seen.push(...requests);
      return requests.map((r) => {
        const lines = typeof r.prompt === 'string' ? 1 : r.prompt.length;
        const logprobs = [...r.continuation].map(() => (-1 / (1 + lines)) * scale);
        const total = logprobs.reduce((a, b) => a + b, 0);
        return { tokens: [...r.continuation], logprobs, total, mean: logprobs.length ? total / logprobs.length : 0 };
      });
    },
  };
}

const out = () => join(mkdtempSync(join(tmpdir(), 'polis-scorer-judge-')), 'judged.jsonl');
const persuader = { types: ['message' as const], agents: ['pat'] };

async function judge(judges: unknown[], scorers: Record<string, Scorer>) {
  const input = await dialogueTrace();
  const r = await judgeTrace({ input, out: out(), config: { judges } as never, resolveScorer: async (spec) => scorers[spec] as Scorer });
  const names = new Set((judges as Array<{ name: string }>).map((j) => j.name));
  const scores = (await readTrace(r.out)).events.filter((e) => e.type === 'judge-score' && names.has(e.judge));
  return { r, scores, judged: await readTrace(r.out) };
}

describe('scorer judges', () => {
  it("agreement: P(Yes) after the conversation the persuadee saw, never a private line it did not", async () => {
    const s = fakeScorer();
    const { scores, judged } = await judge([{ kind: 'agreement', name: 'agree', scorer: 'local:m.gguf', question: 'Will you plant trees? Answer Yes or No.', perspective: 'quinn', targets: persuader, reward: {} }], { 'local:m.gguf': s });
    expect(scores).toHaveLength(2);
    // the private rae->pat line is never in quinn's view
    for (const r of s.seen) expect(promptText(r.prompt)).not.toContain('PRIVATE');
    // after pat's first line quinn saw 2 messages + the question: 3 lines; "Yes" 3 chars, "No" 2 chars
    const yes = -3 / 4;
    const no = -2 / 4;
    expect(scores[0]).toMatchObject({ scores: { score: expect.closeTo(1 / (1 + Math.exp(no - yes)), 9), pYes: expect.closeTo(Math.exp(yes), 9) } });
    expect(judged.header.models['judge:agree']).toEqual({ provider: 'local', modelId: 'fake.gguf' });
    expect(judged.events.filter((e) => e.type === 'reward' && e.name === 'agree').map((e) => e.type === 'reward' && e.agent)).toEqual(['pat', 'pat']);
  });

  it('follow-up: the target is the last assistant turn, follow-ups are scored as the next user turn', async () => {
    const s = fakeScorer();
    const { scores } = await judge([{ kind: 'follow-up', name: 'flr', scorer: 'local:m.gguf', categories: ['correctness'], targets: persuader }], { 'local:m.gguf': s });
    expect(scores).toHaveLength(2);
    const first = s.seen[0]!;
    expect(Array.isArray(first.prompt) && first.prompt.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    // mean log-prob does not depend on length here, so positive − negative is 0 for every category
    expect(scores[0]).toMatchObject({ scores: { score: 0, correctness: 0 } });
  });

  it('information gain: the difference of P(answer) with and without the target turn', async () => {
    const s = fakeScorer();
    const { scores } = await judge([{ kind: 'information-gain', name: 'ig', scorer: 'local:m.gguf', reference: 'yes', question: 'Will bob plant?', variant: 'logprob', targets: persuader }], { 'local:m.gguf': s });
    // pat's first line, from pat's view: before = [bob's question, Q] (2 lines), after = 3 lines; answer has 3 chars
    expect(scores[0]).toMatchObject({ scores: { before: expect.closeTo(-3 / 3, 9), after: expect.closeTo(-3 / 4, 9), score: expect.closeTo(-3 / 4 + 1, 9) } });
  });

  it('implicit PRM: β·Σ(log π − log π_ref) over the target turn', async () => {
    const policy = fakeScorer('policy.gguf', 1);
    const reference = fakeScorer('ref.gguf', 2);
    const { scores, judged } = await judge([{ kind: 'implicit-prm', name: 'prm', scorer: 'local:p.gguf', referenceScorer: 'local:r.gguf', beta: 0.5, targets: persuader }], { 'local:p.gguf': policy, 'local:r.gguf': reference });
    const text = 'Because one afternoon of work gives the street shade for decades.';
    // prompt: quinn's question (1 line): per-token policy −1/2, reference −1 → q = +1/2, r = β·q = 1/4
    expect(scores[0]).toMatchObject({ scores: { score: expect.closeTo(text.length / 4, 9), minStep: expect.closeTo(0.25, 9) } });
    expect(judged.header.models['judge:prm']).toEqual({ provider: 'local', modelId: 'policy.gguf vs ref.gguf' });
  });

  it('likelihood: log P(reference | question, target as reasoning)', async () => {
    const s = fakeScorer();
    const { scores } = await judge([{ kind: 'likelihood', name: 'lik', scorer: 'local:m.gguf', question: 'Why plant?', reference: 'shade', targets: persuader }], { 'local:m.gguf': s });
    // prompt = [user question, assistant reasoning]: 2 lines → −1/3 per char × 5 chars
    expect(scores[0]).toMatchObject({ scores: { score: expect.closeTo(-5 / 3, 9), tokens: 5 } });
  });

  it('loads each scorer spec once', async () => {
    let loads = 0;
    const s = fakeScorer();
    const input = await dialogueTrace();
    await judgeTrace({
      input,
      out: out(),
      config: { judges: [{ kind: 'agreement', name: 'a', scorer: 'local:m.gguf', question: 'Q?' }, { kind: 'follow-up', name: 'f', scorer: 'local:m.gguf', targets: persuader }] },
      resolveScorer: async () => (loads++, s),
    });
    expect(loads).toBe(1);
  });

  it('rejects a scorer that is not a local model, naming the config path', () => {
    expect(() => parseJudgeConfig({ judges: [{ kind: 'agreement', name: 'a', scorer: 'openai:gpt-4o', question: 'Q?' }] }, 'judge.yaml')).toThrow(/judges\[0\]\.scorer.*local:<file\.gguf>/);
    expect(() => parseJudgeConfig({ judges: [{ kind: 'implicit-prm', name: 'p', scorer: 'local:a.gguf' }] })).toThrow(/judges\[0\]\.referenceScorer/);
  });
});
