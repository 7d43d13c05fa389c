// The agent contract. Agent = id + persona + role + memory + policy. A policy is a model (prompts from
// templates in prompts/) or scripted code; the engine treats both alike through `Policy.act`.
import type { z } from 'zod';
import type { Rng } from '../core/rng.js';
import type { AgentId, Phase } from '../core/phase.js';
import type { ChatMessage, ModelResponse } from '../models/model.js';
import type { Persona } from './persona.js';

/** Why an action was rejected. */
export type { InvalidActionKind } from '../core/errors/invalid-action-error.js';
import type { InvalidActionKind } from '../core/errors/invalid-action-error.js';

/** One remembered item: what the agent saw, did or was told, as text. */
export interface MemoryItem {
  turn: number;
  text: string;
  /** `observation`, `action`, `outcome`, `message`, `summary`. */
  kind: string;
}

export interface Memory {
  readonly kind: 'full' | 'window' | 'summary';
  add(item: MemoryItem): void | Promise<void>;
  /** What the agent's next prompt should include. */
  view(): MemoryItem[];
  /**
   * How many of the most recent rounds a role shows from a history it renders itself (an observation's
   * list of past rounds): undefined shows all (full memory), a window its size, a summary its `keep`.
   */
  readonly horizon?: number;
  /** Serialisable state for checkpoints. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
}

/** What the engine tells a policy about the decision it must make. */
export interface ActContext {
  runId: string;
  /** Logical turn (the phase's round). */
  turn: number;
  phase: Phase;
  /** The agent's own rng stream. */
  rng: Rng;
  /** 0 for the first try at this decision, then 1, 2, ... for repair attempts. */
  attempt: number;
  signal?: AbortSignal;
}

export interface ActInput<Observation = unknown, Action = unknown> {
  observation: Observation;
  schema: z.ZodType<Action>;
  context: ActContext;
  /** Set on a repair attempt: what was wrong with the previous answer. */
  feedback?: { kind: InvalidActionKind; error: string; previous?: string };
  /** The game's legality rule for this decision: the reason `action` is illegal, or undefined. */
  legality?(action: Action): string | undefined;
}

export interface ActResult<Action = unknown> {
  /** The proposed action, not yet validated by the engine. */
  action: Action;
  /** Raw model text, when a model produced it. */
  raw?: string;
  /** The model's response (usage, cost, cache), when a model produced it. */
  response?: ModelResponse;
  /** Prompt messages sent, for traces and leak tests. */
  messages?: ChatMessage[];
}

/** Behaviour declared as data: used by registries, caching and the viewer. */
export interface PolicyMetadata {
  name: string;
  /** Uses randomness (draws from the agent's rng). */
  stochastic: boolean;
  /** How many past rounds it looks at; `Infinity` for unbounded, 0 for none. */
  memoryDepth: number;
  usesModel: boolean;
  /** Where the definition comes from. */
  source?: string;
  version?: string;
}

export interface Policy<Observation = unknown, Action = unknown> {
  readonly metadata: PolicyMetadata;
  /** Decide. Throws an `InvalidActionError` for unparsable, refused or timed-out answers. */
  act(agent: AgentView, input: ActInput<Observation, Action>): Promise<ActResult<Action>>;
}

/** What a policy may know about the agent it decides for. */
export interface AgentView {
  id: AgentId;
  persona?: Persona;
  role: string;
  memory: Memory;
  /** Data inherited at birth (cultural evolution), e.g. survivors' strategies. */
  inherit?: Record<string, unknown>;
}

export interface Agent<Observation = unknown, Action = unknown> extends AgentView {
  policy: Policy<Observation, Action>;
}
