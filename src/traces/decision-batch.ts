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

// (an event re-appended from a reader still has its `seq`, which the writer replaces)
const OBSERVATION_KEYS = new Set(['seq', 'type', 'time', 'agent', 'parents', 'observation']);
const ACTION_KEYS = new Set(['seq', 'type', 'time', 'agent', 'parents', 'action', 'defaulted']);
/** Seats per decisions line at most (a line stays near 100 KB). */
const BATCH_SEATS = 4096;

/** Seats gathered until an event that is not a scripted decision ends the line. */
interface PendingBatch {
  seq: number;
  time: number;
  phase: number;
  agents: string[];
  observations: unknown[] | undefined;
  actions: unknown[];
  defaulted: number[];
}

/**
 * The writer's side: gathers scripted decisions as they are appended and hands back the line(s) they make.
 * An observation waits for its agent's action; the pair joins the line when both fit the pattern.
 */
export class DecisionGatherer {
  private batch: PendingBatch | undefined;
  /** An observation waiting for its agent's action to join the line. */
  private waiting: { seq: number; agent: string; time: number; observation: unknown } | undefined;

  constructor(
    /** Seq of the last phase-start: the parent of the decisions gathered. */
    private phase = -1,
  ) {}

  phaseStarted(seq: number): void {
    this.phase = seq;
  }

  /**
   * Takes `event` (for an observation, with its payload already encoded against its stream) as the event
   * with seq `seq` if it is a scripted decision that can join the line; false for any other event, which
   * the writer then writes as its own line after `take()`.
   */
  offer(event: Record<string, unknown>, encodedObservation: unknown, seq: number): boolean {
    const { agent, time, parents } = event;
    if (typeof agent !== 'string' || typeof time !== 'number') return false;
    const batch = this.batch;
    const fits = (observed: boolean) => !batch || (batch.time === time && batch.phase === this.phase && Boolean(batch.observations) === observed);
    if (event.type === 'observation') {
      if (!hasOnly(event, OBSERVATION_KEYS) || event.observation === undefined || this.waiting || !sameSeqs(parents, [this.phase]) || !fits(true)) return false;
      this.waiting = { seq, agent, time, observation: encodedObservation };
      return true;
    }
    if (event.type !== 'action' || !hasOnly(event, ACTION_KEYS) || event.action === undefined || (event.defaulted !== undefined && event.defaulted !== true)) return false;
    const observed = this.waiting;
    if (observed ? observed.agent !== agent || observed.time !== time || !sameSeqs(parents, [this.phase, observed.seq]) : !sameSeqs(parents, [this.phase]) || !fits(false)) return false;
    const b = (this.batch ??= { seq: observed ? observed.seq : seq, time, phase: this.phase, agents: [], observations: observed ? [] : undefined, actions: [], defaulted: [] });
    if (event.defaulted === true) b.defaulted.push(b.agents.length);
    b.agents.push(agent);
    b.observations?.push(observed!.observation);
    b.actions.push(event.action);
    this.waiting = undefined;
    return true;
  }

  /** The line is as long as it should get: write it now. */
  get full(): boolean {
    return (this.batch?.agents.length ?? 0) >= BATCH_SEATS;
  }

  /** The gathered line and a waiting observation's own line (in seq order); forgets both. */
  take(): string {
    let lines = '';
    const b = this.batch;
    if (b) {
      const n = b.agents.length * (b.observations ? 2 : 1);
      const { seq, time, phase, agents, observations, actions, defaulted } = b;
      lines += `${JSON.stringify({ seq, type: DECISIONS, n, time, phase, agents, ...(observations ? { observations } : {}), actions, ...(defaulted.length ? { defaulted } : {}) })}\n`;
    }
    const o = this.waiting;
    // the key order of the writer's own lines: seq, type, time, agent, parents, then the payload
    if (o) lines += `${JSON.stringify({ seq: o.seq, type: 'observation', time: o.time, agent: o.agent, parents: [this.phase], observation: o.observation })}\n`;
    this.batch = undefined;
    this.waiting = undefined;
    return lines;
  }
}

/** `e` has no defined keys outside `keys`. */
function hasOnly(e: Record<string, unknown>, keys: ReadonlySet<string>): boolean {
  for (const key in e) if (e[key] !== undefined && !keys.has(key)) return false;
  return true;
}

function sameSeqs(parents: unknown, expected: readonly number[]): boolean {
  return Array.isArray(parents) && parents.length === expected.length && parents.every((p, i) => p === expected[i]);
}
