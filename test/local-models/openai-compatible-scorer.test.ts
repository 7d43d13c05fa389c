// The remote scorer against local fake servers speaking the /v1/completions wire formats, through the real
// `openai` client: vLLM's `prompt_logprobs` extension (a list per choice, one entry per prompt token, the first
// null, each `{ "<token id>": { logprob, rank, decoded_token } }`), and `echo` with `logprobs` (the legacy
// OpenAI format, which vLLM and llama.cpp's server also answer).
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { runCli } from '../../src/cli/main.js';
import { parseJudgeConfig } from '../../src/judges/judge-config.js';
import { OpenAICompatibleScorer, parseOpenAICompatibleSpec, renderChatML } from '../../src/local-models/openai-compatible-scorer.js';
import { readTrace } from '../../src/traces/trace-reader.js';
import { startServer, type ReceivedRequest, type TestServer } from '../models/servers/http-server.js';

/** The fake model: words and single spaces are tokens; log p(token) = -(length of the token) / 4 - 0.1 * (position % 3). */
const tokenize = (text: string): string[] => text.match(/\s|[^\s]+/g) ?? [];
const fakeLogprob = (token: string, j: number): number => -token.length / 4 - 0.1 * (j % 3);

// token ids of the fake vocabulary, assigned on first sight
const ids = new Map<string, number>();
const idOf = (token: string): number => ids.get(token) ?? (ids.set(token, ids.size + 1), ids.size);

/** How the fake server treats vLLM's `prompt_logprobs` field: answer it, ignore it, or refuse it with 400. */
type PromptLogprobsSupport = 'vllm' | 'ignored' | 'refused';

function completions(prompts: string[], echo: boolean, promptLogprobs?: number) {
  return {
    id: 'cmpl-1',
    object: 'text_completion',
    created: 1,
    model: 'fake-model',
    choices: prompts.map((prompt, index) => {
      const tokens = [...tokenize(prompt), '!'];
      let at = 0;
      const offsets = tokens.map((t) => ((at += t.length), at - t.length));
      return {
        index,
        text: echo ? `${prompt}!` : '!',
        finish_reason: 'length',
        logprobs: echo ? { tokens, token_logprobs: tokens.map((t, j) => (j === 0 ? null : fakeLogprob(t, j))), text_offset: offsets, top_logprobs: null } : null,
        // vLLM: prompt tokens only (not the generated one); with k = 0 each entry holds just the prompt's own token.
        // Like byte-level BPE pieces, a token with non-ASCII characters decodes to U+FFFD on its own.
        ...(promptLogprobs === undefined
          ? {}
          : {
              prompt_logprobs: tokenize(prompt).map((t, j) =>
                j === 0 ? null : { [String(idOf(t))]: { logprob: fakeLogprob(t, j), rank: 1 + (j % 4), decoded_token: /^[\x00-\x7f]*$/.test(t) ? t : '\ufffd' } },
              ),
            }),
      };
    }),
    usage: { prompt_tokens: 10, completion_tokens: 1, total_tokens: 11 },
  };
}

let server: TestServer;
let inFlight = 0;
let maxInFlight = 0;
let failNext = 0;
let support: PromptLogprobsSupport = 'vllm';
beforeAll(async () => {
  server = await startServer(async (request: ReceivedRequest) => {
    if (request.method !== 'POST' || !request.path.endsWith('/v1/completions')) return { status: 404, body: { error: { message: 'no route' } } };
    const body = request.body as { prompt: string[]; echo?: boolean; logprobs?: number; prompt_logprobs?: number };
    if (support === 'refused' && body.prompt_logprobs !== undefined) return { status: 400, body: { error: { message: 'Unrecognized request argument: prompt_logprobs' } } };
    if (failNext > 0) {
      failNext--;
      return { status: 429, headers: { 'retry-after-ms': '5' }, body: { error: { message: 'slow down', type: 'rate_limit' } } };
    }
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 20));
    inFlight--;
    return { body: completions(body.prompt, body.echo === true, support === 'vllm' ? body.prompt_logprobs : undefined) };
  });
});
afterAll(() => server.close());
afterEach(() => {
  support = 'vllm';
});

const expected = (prompt: string, continuation: string): number[] => {
  const tokens = tokenize(prompt + continuation);
  const start = tokenize(prompt).length;
  return tokens.slice(start).map((t, k) => fakeLogprob(t, start + k));
};

describe('OpenAICompatibleScorer', () => {
  it('scores continuations from vLLM prompt_logprobs, in batches, paced and retried', async () => {
    const scorer = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, batchSize: 4, pacing: { concurrency: 1, key: 'test-remote-1' }, retry: { baseDelayMs: 1 } });
    const requests = Array.from({ length: 10 }, (_, i) => ({ prompt: `Round ${i}: do you agree?`, continuation: i % 2 ? ' Yes, I agree.' : ' No.' }));
    const before = server.requests.length;
    failNext = 1;
    const results = await scorer.score(requests);
    expect(server.requests.length - before).toBe(4); // 3 batches (4 + 4 + 2) and one retried 429
    expect(maxInFlight).toBe(1);
    const bodies = server.requests.slice(before).map((r) => r.body as { prompt: string[]; echo?: boolean; logprobs?: number; prompt_logprobs?: number; max_tokens: number; model: string });
    expect(bodies.map((b) => b.prompt.length).sort()).toEqual([2, 4, 4, 4]);
    for (const b of bodies) {
      expect(b).toMatchObject({ prompt_logprobs: 0, max_tokens: 1, model: 'fake-model' });
      expect(b.echo).toBeUndefined();
    }
    results.forEach((r, i) => {
      const want = expected(requests[i]!.prompt, requests[i]!.continuation);
      expect(r.tokens.join('')).toBe(requests[i]!.continuation); // the generated '!' past the text is dropped
      expect(r.logprobs).toEqual(want);
      expect(r.total).toBeCloseTo(want.reduce((a, b) => a + b, 0), 12);
    });
    expect(scorer.modelId).toBe(`openai-compatible:fake-model@${server.url}/v1`);
  });

  it('auto: a server that ignores or refuses prompt_logprobs is scored with echo from then on; formats can be forced', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({ prompt: `Turn ${i}: agree?`, continuation: i % 2 ? ' Maybe later.' : ' Yes.' }));
    const check = (results: Awaited<ReturnType<OpenAICompatibleScorer['score']>>) =>
      results.forEach((r, i) => {
        expect(r.tokens.join('')).toBe(requests[i]!.continuation);
        expect(r.logprobs).toEqual(expected(requests[i]!.prompt, requests[i]!.continuation));
      });
    const bodiesSince = (n: number) => server.requests.slice(n).map((r) => r.body as { prompt: string[]; echo?: boolean; prompt_logprobs?: number });

    for (const mode of ['ignored', 'refused'] as const) {
      support = mode;
      const scorer = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, batchSize: 2, pacing: { key: `test-remote-auto-${mode}` }, retry: { baseDelayMs: 1 } });
      let before = server.requests.length;
      check(await scorer.score(requests));
      // the first batch asks for prompt_logprobs alone, then is redone with echo; the other two go straight to echo
      const bodies = bodiesSince(before);
      expect(bodies.map((b) => (b.echo ? 'echo' : 'prompt_logprobs'))).toEqual(['prompt_logprobs', 'echo', 'echo', 'echo']);
      before = server.requests.length;
      check(await scorer.score(requests));
      expect(bodiesSince(before).every((b) => b.echo === true && b.prompt_logprobs === undefined)).toBe(true);
    }

    support = 'vllm';
    const echo = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, format: 'echo', pacing: { key: 'test-remote-echo' } });
    let before = server.requests.length;
    check(await echo.score(requests));
    expect(bodiesSince(before)).toHaveLength(1);
    expect(bodiesSince(before)[0]).toMatchObject({ echo: true, logprobs: 0 });

    support = 'ignored';
    const forced = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, format: 'prompt_logprobs', pacing: { key: 'test-remote-forced' } });
    before = server.requests.length;
    await expect(forced.score(requests)).rejects.toMatchObject({ name: 'ConfigError', issues: [{ path: 'format', message: expect.stringMatching(/returned no prompt_logprobs/) }] });
    expect(bodiesSince(before).every((b) => b.prompt_logprobs === 0 && b.echo === undefined)).toBe(true);
  });

  it('prompt_logprobs pieces that do not spell the text (non-ASCII, byte-level) are read from echo for those requests only', async () => {
    const scorer = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, pacing: { key: 'test-remote-utf8' } });
    const requests = [
      { prompt: 'The price, in German?', continuation: ' 3 coins.' },
      { prompt: 'The price, in German?', continuation: ' drei Münzen ü€' },
      { prompt: 'The price, in German?', continuation: '' },
    ];
    const before = server.requests.length;
    const results = await scorer.score(requests);
    const bodies = server.requests.slice(before).map((r) => r.body as { prompt: string[]; echo?: boolean });
    expect(bodies.map((b) => [b.echo === true, b.prompt.length])).toEqual([[false, 3], [true, 1]]);
    expect(bodies[1]!.prompt).toEqual(['The price, in German? drei Münzen ü€']);
    results.forEach((r, i) => {
      expect(r.tokens.join('')).toBe(requests[i]!.continuation);
      expect(r.logprobs).toEqual(expected(requests[i]!.prompt, requests[i]!.continuation));
    });
    expect(results[2]).toEqual({ tokens: [], logprobs: [], total: 0, mean: 0 });
  });

  it('renders chat prompts with ChatML, keeping a last assistant turn open', async () => {
    expect(renderChatML([{ role: 'user', content: 'Hi' }])).toBe('<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n');
    expect(renderChatML([{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Hello,' }])).toBe('<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\nHello,');
    expect(renderChatML([{ role: 'assistant', content: 'A' }, { role: 'user', content: '' }])).toBe('<|im_start|>assistant\nA<|im_end|>\n<|im_start|>user\n');
    const scorer = new OpenAICompatibleScorer({ model: 'fake-model', baseURL: `${server.url}/v1`, pacing: { key: 'test-remote-2' } });
    const [r] = await scorer.score([{ prompt: [{ role: 'user', content: 'Plant trees?' }], continuation: 'Yes' }]);
    expect(r!.tokens).toEqual(['Yes']);
    expect(server.requests.at(-1)!.body.prompt).toEqual(['<|im_start|>user\nPlant trees?<|im_end|>\n<|im_start|>assistant\nYes']);
  });

  it('a server without prompt log-probs is a clear error; bad specs name the config path', async () => {
    const bare = await startServer(() => ({ body: { ...completions(['x'], false), choices: [{ index: 0, text: '!', finish_reason: 'length', logprobs: null }] } }));
    const scorer = new OpenAICompatibleScorer({ model: 'm', baseURL: `${bare.url}/v1`, pacing: { key: 'test-remote-3' } });
    await expect(scorer.score([{ prompt: 'a', continuation: ' b' }])).rejects.toThrow(/no prompt log-probs.*echo with logprobs/);
    await bare.close();
    expect(parseOpenAICompatibleSpec('openai-compatible:org/model@v2@http://h:8000/v1')).toEqual({ model: 'org/model@v2', baseURL: 'http://h:8000/v1' });
    expect(() => parseOpenAICompatibleSpec('openai-compatible:m', 'judges[0].scorer')).toThrow(/judges\[0\]\.scorer.*openai-compatible:<model>@/);
    expect(() => parseJudgeConfig({ judges: [{ kind: 'agreement', name: 'a', scorer: 'openai-compatible:m@ftp://x', question: 'Q?' }] })).toThrow(/judges\[0\]\.scorer/);
  });

  it('works as a judge config scorer in `polis judge`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'polis-remote-judge-'));
    copyFileSync(new URL('../fixtures/traces/golden-v1.jsonl', import.meta.url).pathname, join(dir, 'trace.jsonl'));
    writeFileSync(join(dir, 'judge.yaml'), ['judges:', '  - kind: agreement', '    name: agree', `    scorer: openai-compatible:fake-model@${server.url}/v1`, '    question: Will you cooperate? Answer Yes or No.'].join('\n'));
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTty: false, env: {}, cwd: dir };
    const before = server.requests.length;
    expect(await runCli(['judge', 'trace.jsonl', '--config', 'judge.yaml', '--json'], io), err.join('')).toBe(0);
    expect(server.requests.length).toBeGreaterThan(before);
    const judged = await readTrace(join(dir, 'judged.jsonl'));
    const scores = judged.events.filter((e) => e.type === 'judge-score');
    expect(scores.length).toBeGreaterThan(0);
  });
});
