// Model families, to keep a judge from grading its own family's agents (self-preference bias).
import { ConfigError } from '../../core/errors/config-error.js';

const FAMILIES: Array<[RegExp, string]> = [
  [/^(gpt-|chatgpt|o[1-9](?:-|$)|text-davinci|davinci)/, 'gpt'],
  [/^claude/, 'claude'],
  [/llama/, 'llama'],
  [/^(qwen|qwq)/, 'qwen'],
  [/^(mistral|mixtral|ministral|codestral)/, 'mistral'],
  [/^gemini/, 'gemini'],
  [/^gemma/, 'gemma'],
  [/^deepseek/, 'deepseek'],
  [/^phi-?\d/, 'phi'],
  [/^grok/, 'grok'],
  [/^command/, 'command'],
];

/**
 * Family of a model from its id (and provider as a fallback): `gpt-4o` → gpt, `claude-3-5-sonnet` →
 * claude, `Meta-Llama-3-8B.gguf` → llama. Path prefixes (`org/`, `models/`) are ignored. Unknown ids give
 * `<provider>:<modelId>`, so two unknown models only share a family when they are the same model.
 */
export function modelFamily(provider: string, modelId: string): string {
  const id = modelId.toLowerCase().split('/').at(-1) ?? '';
  for (const [re, family] of FAMILIES) if (re.test(id)) return family;
  if (provider === 'anthropic') return 'claude';
  return `${provider}:${modelId}`;
}

export interface FamilyBinding {
  /** Judge or agent name, used in the error. */
  name: string;
  provider: string;
  modelId: string;
  /** Config path of this binding, e.g. `judges[1].model`. */
  path?: string;
}

/** Throws a ConfigError naming every judge whose model family equals an agent's. */
export function assertJudgeFamiliesDiffer(judges: readonly FamilyBinding[], agents: readonly FamilyBinding[], file?: string): void {
  const agentFamilies = new Map<string, string>();
  for (const a of agents) agentFamilies.set(modelFamily(a.provider, a.modelId), a.name);
  const issues = judges.flatMap((j) => {
    const family = modelFamily(j.provider, j.modelId);
    const agent = agentFamilies.get(family);
    return agent === undefined
      ? []
      : [{ path: j.path ?? j.name, message: `judge "${j.name}" uses ${j.provider}:${j.modelId} (family ${family}), the same family as agent "${agent}"; pick a judge model from another family or turn off requireDistinctFamily` }];
  });
  if (issues.length > 0) throw new ConfigError(issues, file === undefined ? {} : { file });
}
