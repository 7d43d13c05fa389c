// Who acts when: the vocabulary games declare and agents and the engine consume. It lives in core (not
// games/) so that agents/ can name it without importing the floor above it. Types only.

export type AgentId = string;

/**
 * How the agents of a phase act:
 * - `simultaneous`: sealed; every listed agent observes the same state and acts before anyone sees an action.
 * - `sequential`: one mover at a time; each sees what its predecessors did (list exactly one agent).
 * - `dialogue`: one speaker's turn on a channel; observations are filtered by channel membership.
 * - `market-tick`: every listed agent takes one action; messages sent now are delivered next tick.
 * - `planner-step`: a planner (or a set of voters) acts on a slower timescale than the others.
 */
export type PhaseKind = 'simultaneous' | 'sequential' | 'dialogue' | 'market-tick' | 'planner-step';

export interface Phase {
  kind: PhaseKind;
  /** Who acts now. */
  agents: AgentId[];
  /** Logical round / tick / step number; the engine checkpoints when it changes. */
  round: number;
  /** A short label for traces and progress: `donate`, `vote`, `rebuttal`, ... */
  label?: string;
  /** For dialogue phases: the channel spoken on (`public`, `private:a,b`, `team:red`). */
  channel?: string;
}
