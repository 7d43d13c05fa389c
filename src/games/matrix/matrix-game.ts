// A 2-player n-action matrix game repeated for `rounds` rounds, one simultaneous phase per round (two in the
// predict-then-act variant: predict, then choose). Pure and synchronous; the only randomness is the
// option order, drawn from the game's rng when `shuffle` is on.
import { z } from 'zod';
import { InvalidActionError } from '../../core/errors/invalid-action-error.js';
import type { Rng } from '../../core/rng.js';
import type { AgentId, ApplyResult, Game, GameMetadata, Outcome, Phase } from '../game.js';
import type { MatrixParams } from './matrix-params.js';
import type { MatrixObservation, MatrixState, RoundNode } from './matrix-state.js';
import { perspectiveTable, type PayoffPair } from './payoff-table.js';
import { reviveRounds, roundNode } from './round-log.js';

export class MatrixGame implements Game<MatrixState, string, MatrixObservation> {
  readonly agents: readonly [AgentId, AgentId];
  private readonly labels: readonly string[];
  private readonly table: ReadonlyArray<ReadonlyArray<PayoffPair>>;
  private readonly rules: readonly [PayoffPair[][], PayoffPair[][]];
  private readonly coop: number;
  private readonly schema: z.ZodType<string>;
  private readonly phaseAgents: AgentId[];
  /** Frozen outcomes per joint action: the same payoffs always produce the same outcome records. */
  private readonly cellOutcomes: ReadonlyArray<ReadonlyArray<readonly Outcome[]>>;
  /** Frozen phases by (round, step), built on first use; a tournament replays one game many times. */
  private readonly phases: Phase[] = [];

  constructor(
    readonly metadata: GameMetadata,
    readonly params: MatrixParams,
    agents: readonly AgentId[],
  ) {
    if (agents.length !== 2 || agents[0] === agents[1]) {
      throw new RangeError(`${metadata.name} takes two distinct agents, got [${agents.join(', ')}]`);
    }
    this.agents = [agents[0] as AgentId, agents[1] as AgentId];
    this.phaseAgents = Object.freeze([...this.agents]) as AgentId[];
    this.labels = params.labels;
    this.table = params.payoffs;
    this.rules = [perspectiveTable(params.payoffs, 0), perspectiveTable(params.payoffs, 1)];
    this.coop = params.cooperative === null ? -1 : params.labels.indexOf(params.cooperative);
    this.schema = z.enum(params.labels as [string, ...string[]]);
    const [id0, id1] = this.agents;
    this.cellOutcomes = params.payoffs.map((row) =>
      row.map((cell) =>
        Object.freeze([
          Object.freeze({ type: 'payoff' as const, agent: id0, value: cell[0] }),
          Object.freeze({ type: 'payoff' as const, agent: id1, value: cell[1] }),
        ]),
      ),
    );
  }

  init(rng: Rng): MatrixState {
    return {
      played: 0,
      step: this.params.variant === 'predict-then-act' ? 'predict' : 'choose',
      last: null,
      order: this.params.shuffle ? rng.shuffle(this.labels) : [...this.labels],
      opening: [],
      predictions: [-1, -1],
      predictionHits: [0, 0],
    };
  }

  phase(state: MatrixState): Phase | null {
    if (state.played >= this.params.rounds) return null;
    const key = 2 * state.played + (state.step === 'predict' ? 0 : 1);
    return (this.phases[key] ??= Object.freeze({ kind: 'simultaneous', agents: this.phaseAgents, round: state.played + 1, label: state.step }) as Phase);
  }

  observe(state: MatrixState, agent: AgentId): MatrixObservation {
    const seat = this.seatOf(agent);
    const c = this.coop < 0 ? 0 : this.coop;
    const prediction = state.step === 'choose' ? state.predictions[seat] : -1;
    return {
      game: this.metadata.name,
      agent,
      opponent: this.agents[1 - seat] as AgentId,
      seat,
      step: state.step,
      variant: this.params.variant,
      round: state.played + 1,
      rounds: this.params.rounds,
      labels: this.labels,
      options: state.order,
      rules: this.rules[seat],
      cooperateIndex: this.coop,
      cooperate: this.labels[c] as string,
      defect: this.labels[c === 0 ? 1 : 0] as string,
      history: state.last,
      opening: state.opening,
      prediction: prediction === undefined || prediction < 0 ? undefined : this.labels[prediction],
    };
  }

  actionSchema(): z.ZodType<string> {
    return this.schema;
  }

  defaultAction(): string {
    // The cooperative option when there is one, so an agent that never answers is not scored as a defector.
    return this.labels[this.coop < 0 ? 0 : this.coop] as string;
  }

  apply(state: MatrixState, actions: ReadonlyMap<AgentId, string>, rng: Rng): ApplyResult<MatrixState> {
    const [id0, id1] = this.agents;
    const i = this.indexOf(actions.get(id0), id0);
    const j = this.indexOf(actions.get(id1), id1);
    if (state.step === 'predict') {
      return { state: { ...state, step: 'choose', predictions: [i, j] }, outcomes: [] };
    }
    const cell = this.table[i]?.[j] as PayoffPair;
    const prev = state.last;
    const coop = this.coop < 0 ? 0 : this.coop;
    const node: RoundNode = roundNode(
      {
        a: i,
        b: j,
        pa: cell[0],
        pb: cell[1],
        ta: (prev ? prev.ta : 0) + cell[0],
        tb: (prev ? prev.tb : 0) + cell[1],
        da: (prev ? prev.da : 0) + (i === coop ? 0 : 1),
        db: (prev ? prev.db : 0) + (j === coop ? 0 : 1),
      },
      prev,
    );
    const predicting = this.params.variant === 'predict-then-act';
    const next: MatrixState = {
      played: state.played + 1,
      step: predicting ? 'predict' : 'choose',
      last: node,
      order: this.params.shuffle ? rng.shuffle(this.labels) : state.order,
      opening: state.played < 3 ? [...state.opening, i, j] : state.opening,
      predictions: predicting ? [-1, -1] : state.predictions,
      predictionHits: predicting
        ? [(state.predictionHits[0] ?? 0) + (state.predictions[0] === j ? 1 : 0), (state.predictionHits[1] ?? 0) + (state.predictions[1] === i ? 1 : 0)]
        : state.predictionHits,
    };
    // Shared, frozen outcome records for this cell (no allocation per round).
    return { state: next, outcomes: this.cellOutcomes[i]?.[j] as Outcome[] };
  }

  /** A checkpoint's state (history as flat records, or a v1 trace's nested nodes) as a live state. */
  revive(state: MatrixState): MatrixState {
    return { ...state, last: reviveRounds(state.last) };
  }

  isOver(state: MatrixState): boolean {
    return state.played >= this.params.rounds;
  }

  payoffs(state: MatrixState): Record<AgentId, number> {
    const [id0, id1] = this.agents;
    return { [id0]: state.last?.ta ?? 0, [id1]: state.last?.tb ?? 0 };
  }

  metrics(state: MatrixState): Record<string, number> {
    const [id0, id1] = this.agents;
    const n = state.played;
    const last = state.last;
    const ta = last?.ta ?? 0;
    const tb = last?.tb ?? 0;
    const out: Record<string, number> = {
      rounds: n,
      welfare: ta + tb,
      [`payoff:${id0}`]: ta,
      [`payoff:${id1}`]: tb,
    };
    if (n === 0) return out;
    out['mean-payoff'] = (ta + tb) / (2 * n);
    out[`mean-payoff:${id0}`] = ta / n;
    out[`mean-payoff:${id1}`] = tb / n;
    if (this.coop >= 0 && last) {
      let mutual = 0;
      for (let r: RoundNode | null = last; r; r = r.prev) if (r.a === this.coop && r.b === this.coop) mutual++;
      out['cooperation-rate'] = (2 * n - last.da - last.db) / (2 * n);
      out[`cooperation-rate:${id0}`] = (n - last.da) / n;
      out[`cooperation-rate:${id1}`] = (n - last.db) / n;
      out['mutual-cooperation-rate'] = mutual / n;
    }
    if (this.params.variant === 'predict-then-act') {
      out[`prediction-accuracy:${id0}`] = (state.predictionHits[0] ?? 0) / n;
      out[`prediction-accuracy:${id1}`] = (state.predictionHits[1] ?? 0) / n;
    }
    return out;
  }

  /** Seat of `agent`; throws for an agent that is not playing. */
  seatOf(agent: AgentId): 0 | 1 {
    if (agent === this.agents[0]) return 0;
    if (agent === this.agents[1]) return 1;
    throw new RangeError(`agent "${agent}" is not in this game (agents: ${this.agents.join(', ')})`);
  }

  private indexOf(action: string | undefined, agent: AgentId): number {
    const labels = this.labels;
    // Two-action games dominate; skip indexOf's generic path for them.
    const k = action === labels[0] ? 0 : action === labels[1] ? 1 : action === undefined ? -1 : labels.indexOf(action);
    if (k < 0) {
      throw new InvalidActionError('illegal', `agent "${agent}" played ${JSON.stringify(action)}; expected one of ${labels.join(', ')}`, action);
    }
    return k;
  }
}
