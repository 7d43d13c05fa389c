// One agent's decision: act, validate (schema, then the game's legality rule), repair with the error
// shown to the agent up to a bound, then fall back to the game's declared default. Every failure is an
// `action-invalid` event and a counted metric.
import { InvalidActionError, type InvalidActionKind } from '../core/errors/invalid-action-error.js';
import type { Agent, ActContext } from '../agents/agent.js';
import type { AnyGame, Phase } from '../games/game.js';
import type { NewTraceEvent } from '../traces/event.js';
import type { InvalidActionCounts } from './run-result.js';

export interface DecideOptions {
  game: AnyGame;
  state: unknown;
  agent: Agent;
  observation: unknown;
  phase: Phase;
  context: Omit<ActContext, 'attempt'>;
  /** Repair attempts after the first try. @default 2 */
  maxRepairs: number;
  /** Collects this decision's events, flushed by the engine in agent order. */
  emit: (event: NewTraceEvent) => void;
  counts: InvalidActionCounts;
  onInvalid?: (info: { agent: string; kind: string; error: string; attempt: number }) => void | Promise<void>;
}

export interface Decision {
  action: unknown;
  defaulted: boolean;
}

export async function decide(options: DecideOptions): Promise<Decision> {
  const { game, state, agent, observation, phase } = options;
  const schema = game.actionSchema(state, agent.id);
  let feedback: { kind: InvalidActionKind; error: string; previous?: string } | undefined;
  for (let attempt = 0; attempt <= options.maxRepairs; attempt++) {
    let raw: string | undefined;
    try {
      const result = await agent.policy.act(agent, {
        observation,
        schema,
        context: { ...options.context, attempt },
        legality: (action: unknown) => game.legality?.(state, agent.id, action),
        ...(feedback ? { feedback } : {}),
      });
      raw = result.raw;
      const parsed = schema.safeParse(result.action);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
        throw new InvalidActionError('illegal', `${issue?.message ?? 'does not match the action schema'}${where}`, raw);
      }
      const reason = game.legality?.(state, agent.id, parsed.data);
      if (reason !== undefined) throw new InvalidActionError('illegal', reason, raw);
      if (attempt > 0) options.counts.repaired++;
      return { action: parsed.data, defaulted: false };
    } catch (error) {
      if (!(error instanceof InvalidActionError)) throw error;
      const last = attempt === options.maxRepairs;
      options.counts[error.kind]++;
      const text = error.reason;
      options.emit({
        type: 'action-invalid',
        time: phase.round,
        agent: agent.id,
        kind: error.kind,
        error: text,
        ...(error.raw ?? raw ? { raw: error.raw ?? raw } : {}),
        attempt: attempt + 1,
        resolution: last ? 'default' : 'repair',
      });
      await options.onInvalid?.({ agent: agent.id, kind: error.kind, error: text, attempt: attempt + 1 });
      feedback = { kind: error.kind, error: text, ...(error.raw ?? raw ? { previous: (error.raw ?? raw) as string } : {}) };
    }
  }
  options.counts.defaulted++;
  return { action: game.defaultAction(state, agent.id), defaulted: true };
}
