// `provider:model` specs -> adapters. Providers register here; the local-models package adds `local:`
// with registerProvider, without editing this file.
import { ConfigError } from '../core/errors/config-error.js';
import { AnthropicClient } from './anthropic/anthropic-client.js';
import type { ModelClient } from './model.js';
import { OpenAIClient } from './openai/openai-client.js';
import { ScriptedClient } from './scripted/scripted-client.js';

export interface CreateModelOptions {
  /** API key for remote providers. @default the provider's environment variable */
  apiKey?: string;
  /**
   * The environment variable holding the key of an `openai-compatible:` endpoint (never OPENAI_API_KEY
   * unless named here: a compatible host is not OpenAI). @default 'OPENAI_COMPATIBLE_API_KEY'
   */
  apiKeyEnv?: string;
  /** Allow sending a key over plain http to a host that is not loopback. @default false */
  allowInsecureKey?: boolean;
  /** Overrides the provider's endpoint. */
  baseURL?: string;
  /** Per-attempt timeout in ms. */
  timeout?: number;
  /** Seed for `scripted:random`. @default 0 */
  seed?: number;
  /** Config path named in errors, e.g. `agents[2].model`. @default 'model' */
  path?: string;
  /** Options a registered provider understands, by provider name. */
  providerOptions?: Record<string, Record<string, unknown>>;
}

/** Builds a client from what follows `provider:` in the spec. Throw ConfigError for a bad spec. */
export type ProviderFactory = (model: string, options: CreateModelOptions & { spec: string }) => ModelClient;

const providers = new Map<string, { factory: ProviderFactory; form: string }>();

/** Adds (or replaces) a provider. `form` documents the spec shape in error messages, e.g. `local:<file.gguf>`. */
export function registerProvider(name: string, factory: ProviderFactory, form = `${name}:<model>`): void {
  providers.set(name, { factory, form });
}

/** Spec shapes of the registered providers. */
export function acceptedModelSpecs(): string[] {
  return [...providers.values()].map((p) => p.form);
}

/**
 * A client for a spec: `openai:gpt-4o-mini`, `anthropic:claude-sonnet-4-5`,
 * `openai-compatible:<model>@http://localhost:8000/v1`, `scripted:random`, or a registered provider.
 * The client is the bare adapter: wrap it with createModelStack.
 */
export function createModel(spec: string, options: CreateModelOptions = {}): ModelClient {
  const path = options.path ?? 'model';
  const colon = spec.indexOf(':');
  const name = colon > 0 ? spec.slice(0, colon) : '';
  const rest = colon > 0 ? spec.slice(colon + 1) : '';
  const provider = providers.get(name);
  if (!provider && name === 'local') {
    // Loaded on demand (node-llama-cpp is an optional peer): say how, rather than "unknown".
    throw ConfigError.at(path, `'${spec}': the local provider is not loaded; call \`await prepareProviders(['${spec}'])\` or import 'polis/local-models' first`);
  }
  if (!provider || rest === '') {
    throw ConfigError.at(path, `unknown model spec '${spec}'; expected one of: ${acceptedModelSpecs().join(', ')}`);
  }
  return provider.factory(rest, { ...options, spec });
}

const isLoopback = (host: string): boolean => host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);

const remote = (o: CreateModelOptions) => ({
  ...(o.apiKey ? { apiKey: o.apiKey } : {}),
  ...(o.baseURL ? { baseURL: o.baseURL } : {}),
  ...(o.timeout ? { timeout: o.timeout } : {}),
});

registerProvider('openai', (model, o) => new OpenAIClient({ model, ...remote(o) }), 'openai:<model>');
registerProvider('anthropic', (model, o) => new AnthropicClient({ model, ...remote(o) }), 'anthropic:<model>');
registerProvider(
  'openai-compatible',
  (rest, o) => {
    const at = rest.lastIndexOf('@');
    const model = at > 0 ? rest.slice(0, at) : '';
    const baseURL = at > 0 ? rest.slice(at + 1) : '';
    if (!model || !/^https?:\/\//.test(baseURL)) {
      throw ConfigError.at(o.path ?? 'model', `'${o.spec}' must look like openai-compatible:<model>@http://host:port/v1`);
    }
    const key = o.apiKey ?? process.env[o.apiKeyEnv ?? 'OPENAI_COMPATIBLE_API_KEY'];
    const host = new URL(baseURL).hostname;
    if (key && baseURL.startsWith('http://') && !isLoopback(host) && !o.allowInsecureKey) {
      throw ConfigError.at(
        o.path ?? 'model',
        `'${o.spec}': refusing to send an API key over plain http to ${host}; use https, a loopback host, or pass allowInsecureKey: true`,
      );
    }
    // Without a key of its own the endpoint gets a placeholder, never OPENAI_API_KEY.
    return new OpenAIClient({ model, ...remote(o), apiKey: key ?? 'not-needed', baseURL, provider: 'openai-compatible', maxTokensField: 'max_tokens' });
  },
  'openai-compatible:<model>@<baseURL>',
);
registerProvider(
  'scripted',
  (mode, o) => {
    if (mode !== 'random') throw ConfigError.at(o.path ?? 'model', `'${o.spec}': the only scripted spec is scripted:random (build other scripted models in code)`);
    return new ScriptedClient({ random: true, seed: o.seed ?? 0, keepRequests: false });
  },
  'scripted:random',
);
