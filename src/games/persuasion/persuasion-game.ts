// The double-blind persuasion game (spec 8.1; ToMMA / CToMPersu, DingyiZhang/ToMMA-CToMPersu). Seats:
// persuader, persuadee, observer. The persuader and persuadee talk on `public` (the observer listens);
// predictions and feedback travel on the persuader-observer private channel.
import type { z } from 'zod';
import type { Rng } from '../../core/rng.js';
import type { AgentId, ApplyResult, Game, GameMetadata, Outcome, Phase } from '../game.js';
import { defaultOf, schemaOf } from './actions.js';
import { quotedDimension } from './feedback-guard.js';
import { tokenF1 } from './mental-state-similarity.js';
import { persuasionMetrics, stanceValue } from './persuasion-metrics.js';
import { publicScenario, type PersuasionObservation } from './observations.js';
import { cueAfter, nextStep, optionOfCycle, revealedBefore } from './schedule.js';
import type { Dimension, PersuasionAction, PersuasionScenario, PersuasionState, Prediction, ScoredPrediction, Step } from './types.js';

export interface PersuasionGameOptions {
  scenario: PersuasionScenario;
  /** Agent ids in seat order: persuader, persuadee, observer. */
  agents: readonly [AgentId, AgentId, AgentId];
  /** Attack cycles. @default 3 */
  cycles?: number;
  /** Token F1 at or above which a predicted dimension counts as correct. @default 0.5 */
  threshold?: number;
}

export const PUBLIC_CHANNEL = 'public';

export const persuasionMetadata: GameMetadata = {
  name: 'persuasion',
  version: '1',
  description: 'Double-blind persuasion: the persuader predicts the persuadee\'s hidden beliefs and desires, an observer who sees the truth coaches it, and it attacks one point per turn by refuting or diverting.',
  source: 'Spec 8.1; DingyiZhang/ToMMA-CToMPersu (prompt notebooks, CToMPersu_Eval.json)',
};

function score(prediction: Prediction, scenario: PersuasionScenario, cycle: number, when: ScoredPrediction['when']): ScoredPrediction {
  const f1: Partial<Record<Dimension, number>> = {};
  for (const d of revealedBefore(cycle)) {
    const [option, attitude] = d.split('.') as ['preventive' | 'generative', 'belief' | 'desire'];
    f1[d] = tokenF1(prediction[option][attitude], scenario[option][attitude]);
  }
  return { cycle, when, prediction, f1 };
}

export class PersuasionGame implements Game<PersuasionState, PersuasionAction, PersuasionObservation> {
  readonly metadata = persuasionMetadata;
  readonly agents: readonly AgentId[];
  private readonly options: Required<PersuasionGameOptions>;

  constructor(options: PersuasionGameOptions) {
    if (new Set(options.agents).size !== 3) throw new RangeError(`persuasion needs three distinct agents (persuader, persuadee, observer), got ${options.agents.join(', ')}`);
    this.options = { cycles: 3, threshold: 0.5, ...options };
    this.agents = options.agents;
  }

  /** The persuader-observer private channel. */
  get coachingChannel(): string {
    const [persuader, , observer] = this.options.agents;
    return `private:${persuader},${observer}`;
  }

  /** Deterministic: the rng is unused (the scenario is fixed by the params). */
  init(_rng?: Rng): PersuasionState {
    const [persuader, persuadee, observer] = this.options.agents;
    return {
      scenario: this.options.scenario,
      seats: { persuader, persuadee, observer },
      cycles: this.options.cycles,
      threshold: this.options.threshold,
      step: 'open',
      cycle: 0,
      turn: 0,
      dialogue: [],
      coaching: [],
      predictions: [],
      attacks: [],
      stances: [],
    };
  }

  private speaker(state: PersuasionState, step: Step): AgentId {
    if (step === 'reply') return state.seats.persuadee;
    if (step === 'feedback') return state.seats.observer;
    return state.seats.persuader;
  }

  phase(state: PersuasionState): Phase | null {
    if (state.step === 'done') return null;
    const coaching = state.step === 'predict' || state.step === 'feedback';
    return { kind: 'dialogue', agents: [this.speaker(state, state.step)], round: state.turn, label: state.step, channel: coaching ? this.coachingChannel : PUBLIC_CHANNEL };
  }

  observe(state: PersuasionState, agent: AgentId): PersuasionObservation {
    const step = state.step;
    const acting = step !== 'done' && this.speaker(state, step) === agent;
    const { seats, scenario, cycle } = state;
    if (acting && agent === seats.persuader && (step === 'open' || step === 'predict' || step === 'attack')) {
      const last = state.predictions[state.predictions.length - 1]?.prediction;
      return {
        role: 'persuader', step, cycle, cycles: state.cycles, scenario: publicScenario(scenario), dialogue: state.dialogue,
        coaching: state.coaching, option: optionOfCycle(cycle), revealed: revealedBefore(cycle), ...(last ? { lastPrediction: last } : {}),
      };
    }
    if (acting && agent === seats.persuadee && step === 'reply') {
      return {
        role: 'persuadee', step, cycle, scenario: publicScenario(scenario), state: { preventive: scenario.preventive, generative: scenario.generative },
        dialogue: state.dialogue, cue: cueAfter(state.attacks.length, state.cycles), stances: state.stances,
      };
    }
    if (acting && agent === seats.observer && step === 'feedback') {
      const last = state.predictions[state.predictions.length - 1] as ScoredPrediction;
      return {
        role: 'observer', step, cycle, scenario, dialogue: state.dialogue, prediction: last.prediction, revealed: revealedBefore(cycle),
        f1: last.f1, threshold: state.threshold, stances: state.stances,
      };
    }
    return { role: 'waiting', step, dialogue: state.dialogue };
  }

  actionSchema(state: PersuasionState): z.ZodType<PersuasionAction> {
    return schemaOf(state.step === 'done' ? 'reply' : state.step);
  }

  legality(state: PersuasionState, _agent: AgentId, action: PersuasionAction): string | undefined {
    if (state.step === 'done') return 'the dialogue is over';
    if (action.type !== state.step) return `expected a "${state.step}" action, got "${action.type}"`;
    if (action.type === 'feedback') {
      const quoted = quotedDimension(action.feedback, state.scenario);
      if (quoted) return `feedback must guide without quoting the persuadee's ${quoted.replace('.', ' ')}; rephrase it as a hint`;
    }
    return undefined;
  }

  defaultAction(state: PersuasionState): PersuasionAction {
    return defaultOf(state, state.step === 'done' ? 'reply' : state.step);
  }

  apply(state: PersuasionState, actions: ReadonlyMap<AgentId, PersuasionAction>, _rng?: Rng): ApplyResult<PersuasionState> {
    if (state.step === 'done') throw new Error('persuasion: apply after the dialogue ended');
    const step = state.step;
    const from = this.speaker(state, step);
    const action = actions.get(from) ?? this.defaultAction(state);
    const { persuader, persuadee, observer } = state.seats;
    const outcomes: Outcome[] = [];
    const next: PersuasionState = { ...state, turn: state.turn + 1 };
    const say = (text: string, speaker: 'persuader' | 'persuadee', to: AgentId[]) => {
      next.dialogue = [...state.dialogue, { speaker, text }];
      outcomes.push({ type: 'message', from, to, channel: PUBLIC_CHANNEL, content: text });
    };
    if (action.type === 'open') say(action.message, 'persuader', [persuadee, observer]);
    if (action.type === 'reply') {
      say(action.message, 'persuadee', [persuader, observer]);
      next.stances = [...state.stances, action.stance];
      outcomes.push({ type: 'event', name: 'stance', agent: persuadee, data: { stance: action.stance, value: stanceValue(action.stance) } });
    }
    if (action.type === 'predict') {
      const scored = score(action.prediction, state.scenario, state.cycle, 'predict');
      next.predictions = [...state.predictions, scored];
      next.coaching = [...state.coaching, { from: 'persuader', text: JSON.stringify(action.prediction) }];
      outcomes.push({ type: 'message', from, to: [observer], channel: this.coachingChannel, content: JSON.stringify(action.prediction) });
    }
    if (action.type === 'feedback') {
      next.coaching = [...state.coaching, { from: 'observer', text: action.feedback }];
      outcomes.push({ type: 'message', from, to: [persuader], channel: this.coachingChannel, content: action.feedback });
    }
    if (action.type === 'attack') {
      next.predictions = [...state.predictions, score(action.prediction, state.scenario, state.cycle, 'attack')];
      next.attacks = [...state.attacks, { cycle: state.cycle, option: optionOfCycle(state.cycle), point: action.point, tactic: action.tactic }];
      outcomes.push({ type: 'event', name: 'attack-plan', agent: persuader, data: { option: optionOfCycle(state.cycle), point: action.point, tactic: action.tactic } });
      say(action.message, 'persuader', [persuadee, observer]);
    }
    next.step = nextStep(state, step, next.attacks.length);
    if (step === 'reply') next.cycle = next.attacks.length;
    return { state: next, outcomes };
  }

  isOver(state: PersuasionState): boolean {
    return state.step === 'done';
  }

  /** The persuader scores where the persuadee ends up (0 preventive, 0.5 undecided, 1 generative). */
  payoffs(state: PersuasionState): Record<AgentId, number> {
    const last = state.stances[state.stances.length - 1];
    const { persuader, persuadee, observer } = state.seats;
    return { [persuader]: last ? stanceValue(last) : 0, [persuadee]: 0, [observer]: 0 };
  }

  metrics(state: PersuasionState): Record<string, number> {
    return persuasionMetrics(state);
  }
}
