// `polis trace import`, then everything that reads a Polis trace on the imported one: replay --mode
// view, judge (rubric, reference, rule, subgoal credit per agent), export back to orchestration and to
// OTLP JSON (re-imported with --from otel); rerun and fork refused with the reason.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.js';
import { canonicalJson } from '../../src/core/hash.js';
import { judgeTrace } from '../../src/judges/judge-trace.js';
import { forkTrace } from '../../src/engine/replay-modes.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { fnClient, lastUser } from '../judges/helpers/fn-client.js';
import { createPairwiseJudge } from '../../src/judges/llm/pairwise-judge.js';
import { segmentTurns } from '../../src/judges/process/segment.js';
import { sumFormReturns } from '../../src/judges/process/credit.js';
import { attributeUtterances } from '../../src/judges/trace/utterance-attribution.js';
import { capture } from '../helpers/cli.js';

const fixture = (name: string) => new URL(`../fixtures/import/${name}`, import.meta.url).pathname;
const GOLDEN = new URL('../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname;

describe('polis trace import', () => {
  it('imports a chat transcript; view, judge and export work on it; rerun is refused', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-import-'));
    const c = capture(dir);
    expect(await runCli(['trace', 'import', fixture('negotiation.chat.jsonl'), '--out', 'neg', '--json'], c)).toBe(0);
    expect(JSON.parse(c.out)).toMatchObject({ format: 'chat', trace: join(dir, 'neg', 'trace.jsonl'), events: 7, recordedRequests: 0 });

    const again = capture(dir);
    expect(await runCli(['trace', 'import', fixture('negotiation.chat.jsonl'), '--out', 'neg'], again)).toBe(1);
    expect(again.err).toMatch(/trace\.jsonl: already exists; pass --force/);
    expect(await runCli(['trace', 'import', fixture('negotiation.chat.jsonl'), '--out', 'neg', '--force'], capture(dir))).toBe(0);

    const view = capture(dir);
    expect(await runCli(['replay', 'neg/trace.jsonl', '--mode', 'view'], view)).toBe(0);
    expect(view.out).toContain('message buyer -> all [chat]: Meet at 135?');
    expect(view.out).toMatch(/7 events\n$/);

    const rerun = capture(dir);
    expect(await runCli(['replay', 'neg/trace.jsonl', '--mode', 'rerun'], rerun)).toBe(1);
    expect(rerun.err).toMatch(/cannot rerun this trace: it was imported from chat \(negotiation\.chat\.jsonl\) and has no recorded model requests to serve/);
    await expect(forkTrace(join(dir, 'neg', 'trace.jsonl'), { at: 1, out: join(dir, 'fork') } as Parameters<typeof forkTrace>[1])).rejects.toThrow(/cannot fork this trace: it was imported from chat/);

    const judged = capture(dir);
    const yaml = ['judges:', '  - { kind: reference, name: deal, model: always-yes, question: "Did they agree?", reference: "yes", targets: { types: [message], agents: [seller] }, reward: {} }'].join('\n');
    (await import('node:fs')).writeFileSync(join(dir, 'judge.yaml'), yaml);
    expect(await runCli(['judge', 'neg/trace.jsonl', '--config', 'judge.yaml', '--json'], judged)).toBe(0);
    expect(JSON.parse(judged.out)).toMatchObject({ judgeScores: 2, rewards: 2 });

    const exported = capture(dir);
    expect(await runCli(['trace', 'export', 'neg/judged.jsonl', '--format', 'orchestration'], exported)).toBe(0);
    const orch = JSON.parse(exported.out);
    expect(orch.events.filter((e: { type: string }) => e.type === 'message')).toHaveLength(5);
    const dealRewards = (await readTrace(join(dir, 'neg', 'judged.jsonl'))).events.filter((e) => e.type === 'reward' && e.name === 'deal');
    expect(dealRewards).toHaveLength(2);
    expect(orch.rewards.deal).toBe(dealRewards.reduce((s, e) => s + (e.type === 'reward' ? e.value : 0), 0));
  });

  it('judges on an imported trace: rubric and reference scores, rule verifier, subgoal credit per agent', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-import-'));
    expect(await runCli(['trace', 'import', fixture('negotiation.chat.jsonl'), '--out', dir], capture(dir))).toBe(0);
    const trace = join(dir, 'trace.jsonl');
    const rubric = fnClient(() => ({ scores: { persuasion: 7 }, rationale: 'firm' }), { provider: 'anthropic', modelId: 'claude-3-5-haiku' });
    const subgoals = fnClient(() => ({ subgoals: [{ description: 'make an offer', achievedBy: [1] }, { description: 'counter', achievedBy: [2] }] }));
    const r = await judgeTrace({
      input: trace,
      config: {
        judges: [
          { kind: 'rubric', name: 'persuade', model: 'r', dimensions: [{ name: 'persuasion', min: 0, max: 10 }], targets: { agents: ['seller'] }, reward: {} },
          { kind: 'rule', name: 'price', reference: '135', mode: 'auto', targets: { types: ['message'], agents: ['buyer'] }, reward: {} },
          { kind: 'subgoals', name: 'credit', model: 's', task: 'agree on a price' },
        ],
      },
      resolveModel: (spec) => (spec === 'r' ? rubric : subgoals),
    });
    const { events } = await readTrace(r.out);
    const rewards = events.filter((e) => e.type === 'reward');
    expect(rewards.filter((e) => e.name === 'persuade').map((e) => [e.agent, e.value])).toEqual([['seller', 7], ['seller', 7]]);
    // the rule verifier reads the buyer's messages: the second one names 135
    expect(rewards.filter((e) => e.name === 'price').map((e) => e.value)).toEqual([0, 1]);
    const credit = rewards.filter((e) => e.name === 'credit');
    expect(credit.length).toBeGreaterThan(0);
    expect(new Set(credit.map((e) => e.agent))).toEqual(new Set(['system', 'buyer', 'seller']));
    expect(credit.reduce((s, e) => s + e.value, 0)).toBeGreaterThan(0);
  });

  it('names the format of a file given with the wrong --from (exit 1) and rejects an unknown --from (exit 2)', async () => {
    const c = capture(tmpdir());
    expect(await runCli(['trace', 'import', fixture('research.otlp.json'), '--from', 'orchestration', '--out', mkdtempSync(join(tmpdir(), 'x-'))], c)).toBe(1);
    expect(c.err).toMatch(/looks like OpenTelemetry spans \(OTLP JSON with resourceSpans\), not an orchestration trace.*pass --from otel/);
    const u = capture(tmpdir());
    expect(await runCli(['trace', 'import', fixture('research.otlp.json'), '--from', 'langsmith'], u)).toBe(2);
  });
});

describe('process rewards and per-agent credit on an imported OTLP / chat trace', () => {
  it('turns of the imported dialogue feed Sotopia attribution (credit per utterance of one agent) and sum-form returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-import-'));
    expect(await runCli(['trace', 'import', fixture('negotiation.chat.jsonl'), '--out', dir], capture(dir))).toBe(0);
    const { events } = await readTrace(join(dir, 'trace.jsonl'));
    const turns = segmentTurns(events);
    expect(turns.map((t) => `${t.agent}: ${t.text}`)).toEqual([
      'system: Two traders agree on a price for a used bike.', 'buyer: I can pay 120 for the bike.', 'seller: 150 is my lowest.', 'buyer: Meet at 135?', 'seller: ',
    ]);
    const client = fnClient(() => ({ attributions: [{ index: 1, score: 1 }, { index: 3, score: 3 }] }));
    const out = await attributeUtterances({ turns, agent: 'buyer', goal: 'buy the bike for under 140', episodeScores: { goal: 6 } }, { client });
    expect(out.rewards.map((r) => [r.seq, r.reward])).toEqual([[turns[1]!.seq, 2], [turns[3]!.seq, 6]]);
    expect(sumFormReturns(out.rewards.map((r) => r.reward))).toEqual([8, 6]);
  });
});

describe('pairwise judge on an imported OTLP trace', () => {
  it('compares the two recorded model answers in both orders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-import-'));
    expect(await runCli(['trace', 'import', fixture('research.otlp.json'), '--out', dir], capture(dir))).toBe(0);
    const { events } = await readTrace(join(dir, 'trace.jsonl'));
    const [a, b] = events.filter((e) => e.type === 'model-call').map((e) => (e.type === 'model-call' ? e.response.text : ''));
    // prefers the answer that gives a number, wherever it is shown
    const client = fnClient((req) => ({ preference: /Response A:?\s*\n?[^\n]*\d/.test(lastUser(req)) ? 'A' : 'B' }));
    const r = await createPairwiseJudge({ client }).judge({ prompt: 'Boiling point of water at 2000 m?', a: a!, b: b! });
    expect(a).toBe('About 93 degrees Celsius.');
    expect(r).toMatchObject({ preference: 'A', inconsistent: false });
  });
});

describe('polis trace export --format otel', () => {
  it('writes OTLP JSON: one trace, a root span, a span per phase and per model call with GenAI attributes; it re-imports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-otel-'));
    const c = capture(dir);
    expect(await runCli(['trace', 'export', GOLDEN, '--format', 'otel', '--content', '--out', 'run.otlp.json'], c)).toBe(0);
    const doc = JSON.parse(readFileSync(join(dir, 'run.otlp.json'), 'utf8'));
    const spans = doc.resourceSpans[0].scopeSpans[0].spans as Array<Record<string, any>>;
    const { events } = await readTrace(GOLDEN);
    const phases = events.filter((e) => e.type === 'phase-start').length;
    const calls = events.filter((e) => e.type === 'model-call');
    expect(spans).toHaveLength(1 + phases + calls.length);
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    for (const s of spans) {
      expect(s.traceId).toMatch(/^[0-9a-f]{32}$/);
      expect(s.spanId).toMatch(/^[0-9a-f]{16}$/);
      expect(s.startTimeUnixNano).toMatch(/^\d+$/);
      expect(BigInt(s.endTimeUnixNano) >= BigInt(s.startTimeUnixNano)).toBe(true);
      for (const a of s.attributes) expect(Object.keys(a.value)).toHaveLength(1);
    }
    const call = spans.find((s) => s.kind === 3)!;
    const attr = (k: string) => call.attributes.find((a: { key: string }) => a.key === k)?.value;
    const first = calls[0]!;
    expect(call.name).toBe(`chat ${first.type === 'model-call' && first.modelId}`);
    expect(attr('gen_ai.operation.name')).toEqual({ stringValue: 'chat' });
    expect(attr('gen_ai.provider.name')).toEqual({ stringValue: first.type === 'model-call' ? first.provider : '' });
    expect(attr('gen_ai.usage.input_tokens')).toEqual({ intValue: String(first.type === 'model-call' && first.usage.inputTokens) });
    expect(spans.find((s) => s.spanId === call.parentSpanId)?.name).toMatch(/^phase /);

    const back = capture(dir);
    expect(await runCli(['trace', 'import', 'run.otlp.json', '--from', 'otel', '--out', 'again', '--json'], back)).toBe(0);
    expect(JSON.parse(back.out)).toMatchObject({ format: 'otel', recordedRequests: calls.length });
    const again = await readTrace(join(dir, 'again', 'trace.jsonl'));
    const reCalls = again.events.filter((e) => e.type === 'model-call');
    expect(reCalls.map((e) => e.type === 'model-call' && [e.agent, e.usage.inputTokens, e.usage.outputTokens, e.response.text])).toEqual(
      calls.map((e) => e.type === 'model-call' && [e.agent, e.usage.inputTokens, e.usage.outputTokens, e.response.text]),
    );
    // refuses to replace the output unless forced (exit 1, as every command that refuses an existing output)
    expect(await runCli(['trace', 'export', GOLDEN, '--format', 'otel', '--out', 'run.otlp.json'], capture(dir))).toBe(1);
    expect(existsSync(join(dir, 'run.otlp.json'))).toBe(true);
  });

  it('an imported orchestration trace exports back equal to its source', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-cli-otel-'));
    const src = fixture('debate.orchestration.json');
    expect(await runCli(['trace', 'import', src, '--out', 'd'], capture(dir))).toBe(0);
    const c = capture(dir);
    expect(await runCli(['trace', 'export', 'd/trace.jsonl', '--format', 'orchestration'], c)).toBe(0);
    expect(canonicalJson(JSON.parse(c.out))).toBe(canonicalJson(JSON.parse(readFileSync(src, 'utf8'))));
  });
});
