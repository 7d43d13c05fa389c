// Each agent's rng stream: derived from the run's root seed as `agent:<id>` the first time the agent draws,
// written into checkpoints, restored from them. A version-2 checkpoint writes a stream as its count of draws
// since it was derived from `seed` (the original run's seed, kept through resumes and forks), so a million
// agents' streams are a million small integers; a stream with no count (restored from a version-1
// checkpoint's whole state, or derived from a fork's new seed) is written whole.
import { Rng, type RngState } from '../core/rng.js';
import type { AgentId } from '../games/game.js';
import type { CheckpointState, PopulationEntry } from './checkpoint.js';

export class AgentStreams {
  private readonly streams = new Map<AgentId, Rng>();
  /** The seed the counted streams derive from. */
  private readonly drawSeed: number;

  constructor(
    /** The run's root stream (its seed is the config's). */
    private readonly root: Rng,
    resume?: Pick<CheckpointState, 'population' | 'agentRngs' | 'agentDraws'>,
  ) {
    this.drawSeed = resume?.agentDraws?.seed ?? root.seed;
    if (!resume) return;
    if (resume.agentDraws) {
      const base = Rng.fromSeed(resume.agentDraws.seed);
      resume.agentDraws.draws.forEach((n, i) => {
        const id = resume.population[i]?.id;
        if (n !== null && id !== undefined) this.streams.set(id, base.derive(`agent:${id}`).skip(n));
      });
    }
    for (const [id, state] of Object.entries(resume.agentRngs)) this.streams.set(id, Rng.fromState(state));
  }

  /** The agent's stream, derived on first use. */
  for(id: AgentId): Rng {
    let r = this.streams.get(id);
    if (!r) {
      r = this.root.derive(`agent:${id}`);
      // derived from another seed than the counted streams: its count would restore the wrong stream
      if (this.drawSeed !== this.root.seed) r = Rng.fromState(r.getState());
      this.streams.set(id, r);
    }
    return r;
  }

  /** The checkpoint fields for these agents (in population order). */
  snapshot(population: readonly PopulationEntry[]): { agentRngs: Record<AgentId, RngState>; agentDraws: NonNullable<CheckpointState['agentDraws']> } {
    const draws = population.map((p) => this.for(p.id).drawn ?? null);
    const agentRngs = Object.fromEntries(population.flatMap((p, i) => (draws[i] === null ? [[p.id, this.for(p.id).getState()]] : [])));
    return { agentRngs, agentDraws: { seed: this.drawSeed, draws } };
  }
}
