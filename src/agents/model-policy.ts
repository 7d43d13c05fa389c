// A model policy: renders the role's prompt (persona, memory, observation), asks the model, and reads
// the action back. Invalid answers become `InvalidActionError`s that the engine classifies and repairs.
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import { PolisError } from '../core/errors/polis-error.js';
import type { AnswerFormat, ChatMessage, ModelClient, SamplingOptions } from '../models/model.js';
import type { Role } from '../roles/role.js';
import type { ActInput, ActResult, AgentView, Policy } from './agent.js';

export interface ModelPolicyOptions<Observation, Action> {
  model: ModelClient;
  role: Role<Observation, Action>;
  sampling?: SamplingOptions;
  /** Milliseconds before an answer counts as a `timeout` invalid action. @default none */
  timeoutMs?: number;
}

export function modelPolicy<Observation, Action>(options: ModelPolicyOptions<Observation, Action>): Policy<Observation, Action> {
  const { model, role } = options;
  return {
    metadata: { name: `${model.provider}:${model.modelId}`, stochastic: true, memoryDepth: Infinity, usesModel: true, version: role.name },
    async act(agent: AgentView, input: ActInput<Observation, Action>): Promise<ActResult<Action>> {
      const messages: ChatMessage[] = role.render({
        agent,
        observation: input.observation,
        schema: input.schema,
        ...(input.feedback ? { feedback: input.feedback } : {}),
      });
      if (input.feedback && !messages.some((m) => m.content.includes(input.feedback!.error))) {
        // Roles may phrase repairs themselves; otherwise show the agent its error generically.
        if (input.feedback.previous) messages.push({ role: 'assistant', content: input.feedback.previous });
        messages.push({ role: 'user', content: `Your previous answer was rejected (${input.feedback.kind}): ${input.feedback.error}\nAnswer again, following the format exactly.` });
      }
      const signals = [input.context.signal, options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined].filter(
        (s): s is AbortSignal => s !== undefined,
      );
      let response;
      try {
        response = await model.generate<Action>({
          messages,
          // The engine's repair budget is the decision's only one: the wrapper must not repair on its own.
          ...(role.structured ? { output: { schema: input.schema, name: 'action', repairs: 0 } } : {}),
          answerFormat: answerFormat(role, input),
          ...(options.sampling ? { sampling: options.sampling } : {}),
          call: { agentId: agent.id, role: agent.role, turn: input.context.turn, purpose: input.feedback ? 'repair' : 'act', position: input.context.attempt, runId: input.context.runId },
          ...(signals.length ? { signal: AbortSignal.any(signals) } : {}),
        });
      } catch (error) {
        if (isTimeout(error)) throw new InvalidActionError('timeout', `no answer within ${options.timeoutMs} ms`, undefined, { cause: error });
        if (PolisError.is(error, 'model_output_invalid')) {
          const raw = (error as { raw?: string }).raw;
          const refused = (error as { kind?: string }).kind === 'refused';
          throw new InvalidActionError(refused ? 'refused' : 'unparsable', error.message, raw, { cause: error });
        }
        throw error;
      }
      if (response.finishReason === 'refusal') throw new InvalidActionError('refused', response.refusal ?? 'the model refused', response.text);
      const action = role.structured && response.object !== undefined ? response.object : role.parse(response.text, input.schema, input.observation);
      return { action, raw: response.text, response, messages };
    },
  };
}

/** The role's protocol for offline models: a drawn value is accepted when its text reads back as a legal action. */
function answerFormat<Observation, Action>(role: Role<Observation, Action>, input: ActInput<Observation, Action>): AnswerFormat {
  const format = !role.structured && role.format ? (value: unknown) => role.format!(value as Action, input.observation) : undefined;
  const accept = (value: unknown): boolean => {
    try {
      const action = format ? role.parse(format(value), input.schema, input.observation) : (value as Action);
      return input.legality?.(action) === undefined;
    } catch {
      return false;
    }
  };
  return { schema: input.schema, ...(format ? { format } : {}), accept };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || (error.cause instanceof Error && error.cause.name === 'TimeoutError'));
}
