// A scripted policy as data plus a pure function: games offer strategies for their seats, agents wrap
// them into policies. It lives in core (not games/) so that agents/ can name it without importing the
// floor above it. Types only.
import type { Rng } from './rng.js';

/** Behaviour declared as data (Axelrod's classifier): used by registries, tournaments and the viewer. */
export interface StrategyMetadata {
  /** Registry name, kebab-case: `tit-for-tat`. */
  name: string;
  /** Draws from the rng. */
  stochastic: boolean;
  /** Past rounds it looks at; `Infinity` when unbounded. */
  memoryDepth: number;
  /** Paper, book or repository @ commit the definition comes from. */
  source: string;
}

/** A scripted policy as a pure function of the observation. The engine wraps it into a `Policy`. */
export interface Strategy<Observation = unknown, Action = unknown> {
  readonly metadata: StrategyMetadata;
  decide(observation: Observation, rng: Rng): Action;
}
