// `openai-compatible:` endpoints get their own key variable, and a key never goes over plain http to a
// host that is not loopback unless asked.
import { afterEach, describe, expect, it } from 'vitest';
import { createModel } from '../../src/models/create-model.js';
import { startFakeOpenAI } from '../package/helpers/fake-providers.js';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('openai-compatible keys', () => {
  it('never sends OPENAI_API_KEY to a compatible endpoint; sends OPENAI_COMPATIBLE_API_KEY or the named apiKeyEnv', async () => {
    const server = await startFakeOpenAI();
    try {
      process.env.OPENAI_API_KEY = 'sk-openai-secret';
      delete process.env.OPENAI_COMPATIBLE_API_KEY;
      const ask = (options = {}) => createModel(`openai-compatible:m@${server.url}`, options).generate({ messages: [{ role: 'user', content: 'hi' }] });
      await ask();
      process.env.OPENAI_COMPATIBLE_API_KEY = 'house-key';
      await ask();
      process.env.MY_HOUSE_KEY = 'named-key';
      await ask({ apiKeyEnv: 'MY_HOUSE_KEY' });
      const auth = server.requests.map((r) => r.headers.authorization);
      expect(auth).toEqual(['Bearer not-needed', 'Bearer house-key', 'Bearer named-key']);
    } finally {
      await server.close();
    }
  });

  it('refuses a key over plain http to a non-loopback host unless allowInsecureKey', () => {
    expect(() => createModel('openai-compatible:m@http://10.0.0.7:8000/v1', { apiKey: 'k' })).toThrow(/refusing to send an API key over plain http to 10\.0\.0\.7/);
    expect(() => createModel('openai-compatible:m@http://10.0.0.7:8000/v1', { apiKey: 'k', allowInsecureKey: true })).not.toThrow();
    expect(() => createModel('openai-compatible:m@https://10.0.0.7/v1', { apiKey: 'k' })).not.toThrow();
    expect(() => createModel('openai-compatible:m@http://127.0.0.1:8000/v1', { apiKey: 'k' })).not.toThrow();
    expect(() => createModel('openai-compatible:m@http://10.0.0.7:8000/v1')).not.toThrow();
  });
});
