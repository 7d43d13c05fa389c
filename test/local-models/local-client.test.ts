import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StructuredOutputError } from '../../src/core/errors/structured-output-error.js';
import { LocalModelClient, localProviderFactory } from '../../src/local-models/local-client.js';
import { loadLocalModel, localModelLoadCount } from '../../src/local-models/llama-runtime.js';
import { writeTinyModels, type TinyModels } from './tiny-models.js';

let models: TinyModels;
beforeAll(() => {
  models = writeTinyModels();
});
afterAll(() => models.cleanup());

const action = z.object({ move: z.enum(['cooperate', 'defect']), amount: z.number().int().min(0).max(10) });

describe('the local ModelClient', () => {
  it('generates text with the chat template and counts tokens', async () => {
    const client = new LocalModelClient({ model: models.random });
    expect(client.capabilities).toEqual({ structuredOutput: true, logprobs: true, seed: true });
    const res = await client.generate({
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }],
      sampling: { maxTokens: 12, temperature: 0.8, seed: 3 },
      providerOptions: { local: { logprobs: true } },
    });
    expect(res.provider).toBe('local');
    expect(res.usage.inputTokens).toBeGreaterThan(5);
    expect(res.usage.outputTokens).toBeGreaterThan(0);
    // node-llama-cpp may finish a multi-byte character past maxTokens: a few tokens of slack
    expect(res.usage.outputTokens).toBeLessThanOrEqual(16);
    expect(['stop', 'length']).toContain(res.finishReason);
    expect(res.logprobs?.length).toBe(res.usage.outputTokens);
    for (const lp of res.logprobs ?? []) expect(lp.logprob).toBeLessThanOrEqual(0);
    const again = await client.generate({
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Say hello.' }],
      sampling: { maxTokens: 12, temperature: 0.8, seed: 3 },
    });
    expect(again.text).toBe(res.text); // same seed, same text
  });

  it('returns the parsed object when the grammar fully encodes the schema', async () => {
    const client = new LocalModelClient({ model: models.random });
    const vote = z.object({ move: z.enum(['cooperate', 'defect']), sure: z.boolean() });
    for (const seed of [1, 2, 3]) {
      const res = await client.generate({
        messages: [{ role: 'user', content: 'Choose your move as JSON.' }],
        output: { schema: vote },
        sampling: { maxTokens: 40, temperature: 1, seed },
      });
      expect(vote.parse(JSON.parse(res.text))).toEqual(res.object);
    }
  });

  it('constrains structured output to the schema: a valid action or a classified failure, for every seed', async () => {
    const client = localProviderFactory(models.random);
    const outcomes: string[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      try {
        const res = await client.generate({
          messages: [{ role: 'user', content: 'Choose your move as JSON.' }],
          output: { schema: action, name: 'action' },
          sampling: { maxTokens: 60, temperature: 1, seed },
        });
        expect(action.parse(res.object)).toEqual(res.object);
        outcomes.push('valid');
      } catch (error) {
        expect(error).toBeInstanceOf(StructuredOutputError);
        expect(['unparsable', 'invalid']).toContain((error as StructuredOutputError).kind);
        outcomes.push((error as StructuredOutputError).kind);
      }
    }
    expect(outcomes).toHaveLength(6);
    // the grammar does not encode min/max or forbid exponents: a random model breaks the bounds, and
    // that must surface as a classified `invalid`, never as a crash
    expect(outcomes).toContain('invalid');
  });

  it('follows a GBNF grammar from providerOptions.local.grammar', async () => {
    const client = new LocalModelClient({ model: models.random });
    const res = await client.generate({
      messages: [{ role: 'user', content: 'Vote.' }],
      sampling: { temperature: 1, seed: 5, maxTokens: 10 },
      providerOptions: { local: { grammar: 'root ::= ("yes" | "no") " " [0-9] [0-9]' } },
    });
    expect(res.text).toMatch(/^(yes|no) [0-9]{2}$/);
  });

  it('serves concurrent requests from one loaded model', async () => {
    const loadsBefore = localModelLoadCount();
    const a = new LocalModelClient({ model: models.random });
    const b = new LocalModelClient({ model: models.random, env: { POLIS_MODEL: models.random } });
    const replies = await Promise.all(
      [a, b, a, b, a, b].map((c, i) =>
        c.generate({ messages: [{ role: 'user', content: `Agent ${i}, speak.` }], sampling: { maxTokens: 8, seed: i } }),
      ),
    );
    expect(replies).toHaveLength(6);
    expect(localModelLoadCount()).toBe(loadsBefore); // already loaded by the tests above: no new load
    expect((await loadLocalModel(models.random)).model).toBe((await loadLocalModel(b.file)).model);
  });
});
