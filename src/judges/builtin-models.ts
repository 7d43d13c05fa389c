// Built-in judge models for testing judges and the master-key probe without a provider:
//   always-yes      answers "YES" to every verification (the worst reference judge)
//   always-no       answers "NO"
//   first-position  prefers whichever response is shown first (a position-biased pairwise judge)
// Any other spec goes to createModel (`openai:...`, `anthropic:...`, `scripted:random`, registered providers).
import { ConfigError } from '../core/errors/config-error.js';
import { createModel } from '../models/create-model.js';
import type { ModelClient } from '../models/model.js';
import { ScriptedClient } from '../models/scripted/scripted-client.js';

export const BUILTIN_JUDGE_MODELS = ['always-yes', 'always-no', 'first-position'] as const;

/** A client for a built-in judge model name, or a provider spec. */
export function resolveJudgeModel(spec: string, path = 'model'): ModelClient {
  const name = spec.startsWith('builtin:') ? spec.slice('builtin:'.length) : spec;
  switch (name) {
    case 'always-yes':
      return new ScriptedClient({ keepRequests: false, modelId: 'always-yes', respond: () => ({ text: 'YES', object: { verdict: 'YES', rationale: 'always yes' } }) });
    case 'always-no':
      return new ScriptedClient({ keepRequests: false, modelId: 'always-no', respond: () => ({ text: 'NO', object: { verdict: 'NO', rationale: 'always no' } }) });
    case 'first-position':
      return new ScriptedClient({ keepRequests: false, modelId: 'first-position', respond: () => ({ text: '{"preference":"A"}', object: { preference: 'A' } }) });
  }
  if (!spec.includes(':')) throw ConfigError.at(path, `unknown judge model '${spec}'; expected ${BUILTIN_JUDGE_MODELS.join(', ')} or a provider spec like openai:<model>`);
  return createModel(spec, { path });
}
