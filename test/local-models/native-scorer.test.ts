import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { designedModelLogprobs } from '../../src/local-models/gguf/designed-model.js';
import { LlamaScorer } from '../../src/local-models/llama-scorer.js';
import { getLocalLlama, loadLocalModel } from '../../src/local-models/llama-runtime.js';
import { loadNative, NATIVE_DIR, nativeScorer, resetNativeScorer } from '../../src/local-models/native-scorer.js';
import { expectDesignedLogprobs, SCORE_REQUESTS, writeTinyModels, type TinyModels } from './tiny-models.js';

let models: TinyModels;
let tmp: string;
beforeAll(async () => {
  models = writeTinyModels();
  tmp = mkdtempSync(join(tmpdir(), 'polis-native-'));
  await getLocalLlama('auto');
});
afterAll(() => {
  models.cleanup();
  rmSync(tmp, { recursive: true, force: true });
});
afterEach(() => {
  delete process.env.POLIS_NATIVE_DIR;
  resetNativeScorer();
  vi.restoreAllMocks();
});

const requests = SCORE_REQUESTS;

// CI (.ci/run) builds the accelerator and sets CI_EXPECT_NATIVE=1: there the fast path must really load.
const built = (await loadNative(NATIVE_DIR)).loaded;
it('loads in CI, where .ci/run builds it', async () => {
  if (process.env.CI_EXPECT_NATIVE === '1') expect(await nativeScorer()).toMatchObject({ loaded: true });
  else expect(typeof built).toBe('boolean');
});

describe.runIf(built)('native scoring accelerator', () => {
  it('equals the designed model\'s closed-form log-probs within 1e-4 and returns the top-k', async () => {
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 4, threads: 1 });
    expect(scorer.path).toBe('native');
    await expectDesignedLogprobs(scorer, models.designed, await scorer.score(requests));

    // top-k straight from the binding: the k most likely next tokens, descending, with their log-probs
    const status = await nativeScorer();
    if (!status.loaded) throw new Error(status.notice);
    const handle = status.binding.open(models.designed, 1, 64, 2, 0);
    const tokens = new Int32Array([1, 300, 301, 1, 302]);
    const out = await status.binding.run(handle, tokens, new Int32Array([0, 3, 5]), new Int32Array([1, 1]), 0, 3);
    expect(out.logprobs).toHaveLength(3);
    [[1, 300], [300, 301], [1, 302]].forEach(([previous, target], n) => {
      const exact = designedModelLogprobs(previous!);
      expect(Math.abs(out.logprobs[n]! - exact[target!]!)).toBeLessThan(1e-4);
      const best = [...exact.keys()].sort((a, b) => exact[b]! - exact[a]!).slice(0, 3);
      expect(Math.abs(out.topLogprobs![n * 3]! - exact[best[0]!]!)).toBeLessThan(1e-4);
      expect(exact[out.topIds![n * 3]!]).toBeCloseTo(exact[best[0]!]!, 4);
      expect(out.topLogprobs![n * 3]!).toBeGreaterThanOrEqual(out.topLogprobs![n * 3 + 2]!);
    });
    expect(() => status.binding.run(handle, new Int32Array([1, 99999]), new Int32Array([0, 2]), new Int32Array([1]), 0, 0)).toThrow(/vocabulary/);
    // one call at a time per handle: a second one while the first decodes is refused, not run on the same context
    const first = status.binding.run(handle, tokens, new Int32Array([0, 3, 5]), new Int32Array([1, 1]), 0, 0);
    expect(() => status.binding.run(handle, tokens, new Int32Array([0, 3, 5]), new Int32Array([1, 1]), 0, 0)).toThrow(/already running/);
    expect((await first).logprobs).toEqual(out.logprobs);
  });

  it('agrees with the node-llama-cpp path within 1e-4 nats on the random model', async () => {
    const fast = await LlamaScorer.create({ model: models.random, parallel: 3, threads: 1 });
    const slow = await LlamaScorer.create({ model: models.random, parallel: 3, threads: 1, native: false });
    expect([fast.path, slow.path]).toEqual(['native', 'node-llama-cpp']);
    const [a, b] = [await fast.score(requests), await slow.score(requests)];
    let compared = 0;
    a.forEach((r, i) => {
      expect(r.tokens).toEqual(b[i]!.tokens);
      r.logprobs.forEach((lp, j) => {
        expect(Math.abs(lp - b[i]!.logprobs[j]!)).toBeLessThan(1e-4);
        compared++;
      });
    });
    expect(compared).toBeGreaterThan(30);
    // batched (several sequences per decode) vs one at a time: same scores up to float summation order
    const alone = [];
    for (const r of requests) alone.push(...(await fast.score([r])));
    alone.forEach((r, i) => r.logprobs.forEach((lp, j) => expect(Math.abs(lp - a[i]!.logprobs[j]!)).toBeLessThan(1e-5)));
  });

  it('opens no node-llama-cpp context on the native path; a failing native call switches to the fallback, which opens one', async () => {
    const { model } = await loadLocalModel(models.random);
    const contexts = vi.spyOn(model, 'createContext');
    const scorer = await LlamaScorer.create({ model: models.random, parallel: 2, threads: 1 });
    const expected = await scorer.score(requests);
    expect(scorer.path).toBe('native');
    expect(contexts).not.toHaveBeenCalled();

    const status = await nativeScorer();
    if (!status.loaded) throw new Error(status.notice);
    vi.spyOn(status.binding, 'run').mockRejectedValueOnce(new Error('llama_decode returned -3'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const results = await scorer.score(requests);
    expect(scorer.path).toBe('node-llama-cpp');
    expect(contexts).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/native scoring accelerator failed \(llama_decode returned -3\); scoring through node-llama-cpp from now on/);
    results.forEach((r, i) => {
      expect(r.tokens).toEqual(expected[i]!.tokens);
      r.logprobs.forEach((lp, j) => expect(Math.abs(lp - expected[i]!.logprobs[j]!)).toBeLessThan(1e-4));
    });
    await scorer.score(requests.slice(0, 2));
    expect(contexts).toHaveBeenCalledTimes(1);
  });

  it('falls back with one notice line when the build is missing or was made for another llama.cpp', async () => {
    const copy = join(tmp, 'native');
    cpSync(NATIVE_DIR, copy, { recursive: true });
    const record = join(copy, 'build', 'polis-scorer.json');
    writeFileSync(record, JSON.stringify({ ...JSON.parse(readFileSync(record, 'utf8')), llamaCpp: 'b0000' }));
    process.env.POLIS_NATIVE_DIR = copy;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const scorer = await LlamaScorer.create({ model: models.designed, parallel: 2, threads: 1 });
    await LlamaScorer.create({ model: models.designed, parallel: 2, threads: 1 });
    expect(scorer.path).toBe('node-llama-cpp');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/^polis: native scoring accelerator not used: built against llama\.cpp b0000 .*installed is v0\.5\.0/);
    const [res] = await scorer.score([requests[0]!]);
    expect(res!.logprobs.length).toBeGreaterThan(0);

    resetNativeScorer();
    warn.mockClear();
    rmSync(join(copy, 'build'), { recursive: true });
    const removed = await LlamaScorer.create({ model: models.designed, parallel: 2, threads: 1 });
    expect(removed.path).toBe('node-llama-cpp');
    expect(String(warn.mock.calls[0]![0])).toMatch(/not used: not built/);
    expect((await removed.score([requests[0]!]))[0]!.logprobs).toEqual(res!.logprobs);
  });
});
