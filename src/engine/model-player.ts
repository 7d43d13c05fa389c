// An LLM agent as a tournament player: the matrix-player role renders the repeated-games protocol, the
// model answers, invalid answers are repaired with the error shown (bounded), then the cooperative
// option is played. Lets LLM and scripted agents meet in one round robin.
import { z } from 'zod';
import { InvalidActionError } from '../core/errors/invalid-action-error.js';
import type { Rng } from '../core/rng.js';
import { FullMemory } from '../agents/memory/full-memory.js';
import { modelPolicy } from '../agents/model-policy.js';
import type { Agent } from '../agents/agent.js';
import type { MatrixObservation } from '../games/matrix/matrix-state.js';
import type { AsyncPlayer } from '../games/tournament/player.js';
import type { ModelClient, SamplingOptions } from '../models/model.js';
import { matrixPlayer } from '../roles/matrix-player.js';
import type { Role } from '../roles/role.js';

export interface ModelPlayerOptions {
  /** Unique name in the tournament. */
  name: string;
  model: ModelClient;
  /** @default the matrix-player role (the repeated-games study's protocol) */
  role?: Role<MatrixObservation, string>;
  sampling?: SamplingOptions;
  /** Repair attempts after an invalid answer. @default 2 */
  maxRepairs?: number;
}

export interface ModelPlayer extends AsyncPlayer {
  /** Answers that stayed invalid and were replaced by the cooperative option. */
  readonly defaulted: number;
}

export function modelPlayer(options: ModelPlayerOptions): ModelPlayer {
  const policy = modelPolicy({ model: options.model, role: options.role ?? matrixPlayer, ...(options.sampling ? { sampling: options.sampling } : {}) });
  const agent: Agent<MatrixObservation, string> = { id: options.name, role: 'matrix-player', memory: new FullMemory(), policy };
  const maxRepairs = options.maxRepairs ?? 2;
  let turn = 0;
  const player = {
    name: options.name,
    defaulted: 0,
    async decide(observation: MatrixObservation, rng: Rng): Promise<string> {
      const schema = z.enum(observation.labels as [string, ...string[]]);
      const phase = { kind: 'simultaneous' as const, agents: [options.name], round: turn };
      let feedback: { kind: InvalidActionError['kind']; error: string; previous?: string } | undefined;
      for (let attempt = 0; attempt <= maxRepairs; attempt++) {
        try {
          const { action, raw } = await policy.act(agent, { observation, schema, context: { runId: 'tournament', turn, phase, rng, attempt }, ...(feedback ? { feedback } : {}) });
          const parsed = schema.safeParse(action);
          if (parsed.success) return (turn++, parsed.data);
          throw new InvalidActionError('illegal', `"${String(action)}" is not one of ${observation.labels.join(', ')}`, raw);
        } catch (error) {
          if (!(error instanceof InvalidActionError)) throw error;
          feedback = { kind: error.kind, error: error.reason, ...(error.raw ? { previous: error.raw } : {}) };
        }
      }
      player.defaulted++;
      turn++;
      return observation.cooperate;
    },
  };
  return player;
}
