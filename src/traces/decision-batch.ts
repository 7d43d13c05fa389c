// Schema 3: the decisions of a phase that made no model call (scripted agents) are written as one line,
//   {"seq":S,"type":"decisions","n":K,"time":T,"phase":P,"agents":[...],"observations":[...],"actions":[...]}
// which stands for the K events the per-event form would have written, with seqs S..S+K-1: per seat, in
// seat order, its `observation` (parents [P]; the payload encoded against the agent's stream as usual)
// and its `action` (parents [P, that observation]). Without observations ("observations" absent) a seat
// is its action alone (parents [P]). "defaulted" lists the seats (indices into "agents") whose action was
// the game's default. Readers expand the line back into those events, so nothing above `src/traces` sees
// the difference; a 10,000-agent round costs ~25 bytes per agent instead of ~200.
import { z } from 'zod';

export const DECISIONS = 'decisions';

/** The head of a decisions line as the writer writes it, for readers that index without parsing. */
export const DECISIONS_HEAD = /^\{"seq":(\d+),"type":"decisions","n":(\d+)/;

const batchSchema = z.object({
  seq: z.number().int().nonnegative(),
  type: z.literal(DECISIONS),
  n: z.number().int().positive(),
  time: z.number(),
  phase: z.number().int().nonnegative(),
  agents: z.array(z.string()).min(1),
  observations: z.array(z.unknown()).optional(),
  actions: z.array(z.unknown()),
  defaulted: z.array(z.number().int().nonnegative()).optional(),
});

export type DecisionBatch = z.infer<typeof batchSchema>;

/** Thrown on a decisions line whose fields do not fit together; `field` names the part. */
export class BatchError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/**
 * The events a decisions line stands for, as raw records (observation payloads still encoded), in seq
 * order. Throws BatchError when the line is malformed.
 */
export function expandBatch(raw: Record<string, unknown>): Array<Record<string, unknown>> {
  const parsed = batchSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new BatchError(issue.message, issue.path.join('.'));
  }
  const b = parsed.data;
  const seats = b.agents.length;
  if (b.actions.length !== seats) throw new BatchError(`expected ${seats} actions (one per agent), found ${b.actions.length}`, 'actions');
  if (b.observations && b.observations.length !== seats) {
    throw new BatchError(`expected ${seats} observations (one per agent), found ${b.observations.length}`, 'observations');
  }
  const perSeat = b.observations ? 2 : 1;
  if (b.n !== seats * perSeat) throw new BatchError(`expected n = ${seats * perSeat} for ${seats} agents, found ${b.n}`, 'n');
  const defaulted = new Set(b.defaulted ?? []);
  const out: Array<Record<string, unknown>> = [];
  let seq = b.seq;
  for (let i = 0; i < seats; i++) {
    const agent = b.agents[i]!;
    const parents = [b.phase];
    if (b.observations) {
      out.push({ seq, type: 'observation', time: b.time, agent, parents: [b.phase], observation: b.observations[i] });
      parents.push(seq++);
    }
    const action: Record<string, unknown> = { seq: seq++, type: 'action', time: b.time, agent, parents, action: b.actions[i] };
    if (defaulted.has(i)) action.defaulted = true;
    out.push(action);
  }
  return out;
}

/** Seats gathered by the writer until an event that is not a scripted decision ends the line. */
export class PendingBatch {
  readonly agents: string[] = [];
  readonly observations: unknown[] | undefined;
  readonly actions: unknown[] = [];
  readonly defaulted: number[] = [];

  constructor(
    readonly seq: number,
    readonly time: number,
    readonly phase: number,
    withObservations: boolean,
  ) {
    this.observations = withObservations ? [] : undefined;
  }

  /** Events the line stands for. */
  get n(): number {
    return this.agents.length * (this.observations ? 2 : 1);
  }

  add(agent: string, observation: unknown, action: unknown, defaulted: boolean): void {
    if (defaulted) this.defaulted.push(this.agents.length);
    this.agents.push(agent);
    this.observations?.push(observation);
    this.actions.push(action);
  }

  line(): string {
    const { seq, n, time, phase, agents, observations, actions, defaulted } = this;
    return `${JSON.stringify({ seq, type: DECISIONS, n, time, phase, agents, ...(observations ? { observations } : {}), actions, ...(defaulted.length ? { defaulted } : {}) })}\n`;
  }
}
