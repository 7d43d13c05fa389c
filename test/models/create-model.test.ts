import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/core/errors/config-error.js';
import { AnthropicClient } from '../../src/models/anthropic/anthropic-client.js';
import { acceptedModelSpecs, createModel, registerProvider } from '../../src/models/create-model.js';
import { OpenAIClient } from '../../src/models/openai/openai-client.js';
import { ScriptedClient } from '../../src/models/scripted/scripted-client.js';

describe('createModel', () => {
  it('builds adapters from specs', () => {
    expect(createModel('openai:gpt-4o-mini', { apiKey: 'k' })).toMatchObject({ provider: 'openai', modelId: 'gpt-4o-mini' });
    expect(createModel('openai:gpt-4o-mini', { apiKey: 'k' })).toBeInstanceOf(OpenAIClient);
    expect(createModel('anthropic:claude-sonnet-4-5', { apiKey: 'k' })).toBeInstanceOf(AnthropicClient);
    expect(createModel('openai-compatible:qwen2.5-7b@http://localhost:8000/v1')).toMatchObject({ provider: 'openai-compatible', modelId: 'qwen2.5-7b' });
    expect(createModel('scripted:random')).toBeInstanceOf(ScriptedClient);
  });

  it('names the spec, the config path and the accepted forms for an unknown provider', () => {
    const error = (() => {
      try {
        createModel('gemini:pro', { path: 'agents[1].model' });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.issues[0]!.path).toBe('agents[1].model');
    expect(error!.message).toMatch(/unknown model spec 'gemini:pro'.*openai:<model>.*anthropic:<model>.*openai-compatible:<model>@<baseURL>.*scripted:random/);
  });

  it('says how to load the local provider when a local: spec is used before it is loaded', () => {
    expect(() => createModel('local:./m.gguf', { path: 'models.default' })).toThrow(/'local:\.\/m\.gguf': the local provider is not loaded; call `await prepareProviders\(\['local:\.\/m\.gguf'\]\)` or import 'polis\/local-models' first/);
  });

  it('rejects a malformed openai-compatible spec', () => {
    expect(() => createModel('openai-compatible:qwen')).toThrow(/openai-compatible:<model>@http/);
    expect(() => createModel('openai:')).toThrow(ConfigError);
  });

  it('lets another package register a provider', () => {
    registerProvider('local-test', (model) => new ScriptedClient({ fallback: model, modelId: model }), 'local-test:<file.gguf>');
    expect(createModel('local-test:tiny.gguf').modelId).toBe('tiny.gguf');
    expect(acceptedModelSpecs()).toContain('local-test:<file.gguf>');
  });

  it('asks for an API key by its environment variable instead of failing inside the SDK', () => {
    const saved = { o: process.env.OPENAI_API_KEY, a: process.env.ANTHROPIC_API_KEY };
    delete process.env.OPENAI_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      expect(() => createModel('openai:gpt-4o-mini')).toThrow(/set OPENAI_API_KEY/);
      expect(() => createModel('anthropic:claude-sonnet-4-5')).toThrow(/set ANTHROPIC_API_KEY/);
    } finally {
      if (saved.o !== undefined) process.env.OPENAI_API_KEY = saved.o;
      if (saved.a !== undefined) process.env.ANTHROPIC_API_KEY = saved.a;
    }
  });
});
