// The role contract: a prompt template + an action schema (from the game) + a parser. A role turns a
// game's observation into chat messages for a model, and the model's text back into an action.
import type { z } from 'zod';
import type { AgentView, InvalidActionKind } from '../agents/agent.js';
import type { ChatMessage } from '../models/model.js';

export interface RenderInput<Observation = unknown, Action = unknown> {
  agent: AgentView;
  observation: Observation;
  schema: z.ZodType<Action>;
  /** Set on a repair attempt. */
  feedback?: { kind: InvalidActionKind; error: string; previous?: string };
}

export interface Role<Observation = unknown, Action = unknown> {
  /** `matrix-player`, `donor`, `worker`, `planner`, `persuader`, ... */
  readonly name: string;
  /** Ids of the prompt templates (files in prompts/) this role renders. */
  readonly templates: readonly string[];
  /**
   * Whether to ask the model for structured output with the action schema. When false, the model answers
   * in free text and `parse` extracts the action (e.g. the repeated-games protocol's one-token answers).
   */
  readonly structured: boolean;
  render(input: RenderInput<Observation, Action>): ChatMessage[];
  /** Text -> action. Throws `InvalidActionError` ('unparsable') when no action can be read. */
  parse(text: string, schema: z.ZodType<Action>, observation: Observation): Action;
  /**
   * Action -> the answer text `parse` reads back as it (the inverse of `parse`), for free-text roles.
   * The offline default model answers through it, so every protocol gets valid answers without a key.
   */
  format?(action: Action, observation: Observation): string;
  /** A line for the agent's memory after it acted, or nothing. */
  remember?(observation: Observation, action: Action): string | undefined;
}
