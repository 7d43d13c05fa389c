// The susceptibility dialogue (MMPersuade, spec 8.3) as a pure Game: a persuader (seat 0) argues for a claim
// with one persuasion principle; the persuadee (seat 1), with or without a stated prior, opens with its view
// and answers each persuader turn, reporting its agreement (1..scale) every time. The prior and the reports
// are private to the persuadee; the principle is private to the persuader.
import { z } from 'zod';
import { ConfigError } from '../../core/errors/config-error.js';
import type { AgentId, Game, Outcome, Phase } from '../game.js';
import { parseGameParams } from '../parse-game-params.js';
import { susceptibilityParamsSchema, type SusceptibilityParams, type SusceptibilityParamsInput } from './params.js';
import { PERSUASION_PRINCIPLES } from './principles.js';
import { susceptibilityMetrics } from './susceptibility-metrics.js';
import type { SusceptibilityAction, SusceptibilityObservation, SusceptibilitySetup, SusceptibilityState } from './types.js';

export const susceptibilityMetadata = {
  name: 'susceptibility',
  version: '1',
  description: 'Persuasion susceptibility: a persuadee with or without a stated prior reports its agreement each turn while a persuader uses one persuasion principle',
  source: 'MMPersuade (no public code); spec 8.3',
};

/** Outcome event names a judge reads from the trace (src/judges/susceptibility). */
export const SETUP_EVENT = 'susceptibility-setup';
export const REPORT_EVENT = 'agreement-report';

export function createSusceptibilityGame(
  input: SusceptibilityParamsInput | SusceptibilityParams,
  agents: readonly AgentId[],
): Game<SusceptibilityState, SusceptibilityAction, SusceptibilityObservation> {
  const params = parseGameParams(susceptibilityParamsSchema, input);
  if (agents.length !== 2) throw ConfigError.at('agents', `the susceptibility game expects 2 agents (persuader, then persuadee), got ${agents.length}`);
  const [persuader, persuadee] = agents as [AgentId, AgentId];
  const channel = `private:${persuader},${persuadee}`;
  const lastStep = 2 * params.turns;
  const speaker = (step: number) => (step % 2 === 1 ? persuader : persuadee);
  const turnOf = (step: number) => Math.ceil(step / 2);
  const messageSchema = z.object({ message: z.string().min(1) }).strict();
  const replySchema = z.object({ reply: z.string().min(1), agreement: z.number().int().min(1).max(params.scale) }).strict();

  return {
    metadata: susceptibilityMetadata,
    agents,
    init: () => ({ params, step: 0, transcript: [], reports: [] }),
    phase(state): Phase | null {
      if (state.step > lastStep) return null;
      const label = state.step === 0 ? 'opening' : state.step % 2 === 1 ? 'persuade' : 'respond';
      return { kind: 'dialogue', agents: [speaker(state.step)], round: state.step, label, channel };
    },
    observe(state, agent): SusceptibilityObservation {
      const turn = turnOf(state.step);
      if (agent === persuader) {
        return { kind: 'persuade', claim: params.claim, strategy: params.strategy, principle: PERSUASION_PRINCIPLES[params.strategy], turn, turns: params.turns, transcript: state.transcript };
      }
      if (agent !== persuadee) throw new RangeError(`susceptibility: unknown agent "${agent}"`);
      return { kind: 'respond', claim: params.claim, ...(params.prior ? { prior: params.prior } : {}), scale: params.scale, turn, turns: params.turns, transcript: state.transcript };
    },
    actionSchema: (state) => (speaker(state.step) === persuader ? messageSchema : replySchema) as z.ZodType<SusceptibilityAction>,
    defaultAction: (state) => {
      if (speaker(state.step) === persuader) return { message: '(no message)' };
      // an unusable answer keeps the last known stance rather than inventing a move
      const last = state.reports.at(-1)?.agreement ?? params.prior?.agreement ?? Math.round((1 + params.scale) / 2);
      return { reply: '(no reply)', agreement: last };
    },
    apply(state, actions) {
      const agent = speaker(state.step);
      const action = actions.get(agent);
      if (!action) throw new RangeError(`susceptibility: no action from ${agent} at step ${state.step}`);
      const turn = turnOf(state.step);
      const outcomes: Outcome[] = [];
      if (state.step === 0) {
        const setup: SusceptibilitySetup = { claim: params.claim, scale: params.scale, strategy: params.strategy, context: params.context, turns: params.turns, prior: params.prior ?? null, persuader, persuadee };
        outcomes.push({ type: 'event', name: SETUP_EVENT, data: { ...setup } });
      }
      const text = 'message' in action ? action.message : action.reply;
      outcomes.push({ type: 'message', from: agent, to: [agent === persuader ? persuadee : persuader], channel, content: text });
      const transcript = [...state.transcript, { turn, speaker: agent === persuader ? ('persuader' as const) : ('persuadee' as const), text }];
      let reports = state.reports;
      if ('agreement' in action) {
        reports = [...reports, { turn, agreement: action.agreement }];
        outcomes.push({ type: 'event', name: REPORT_EVENT, agent, data: { turn, agreement: action.agreement } });
      }
      return { state: { ...state, step: state.step + 1, transcript, reports }, outcomes };
    },
    isOver: (state) => state.step > lastStep,
    /** The persuader earns the susceptibility (Likert points moved toward the claim); the persuadee nothing. */
    payoffs(state) {
      return { [persuader]: susceptibilityMetrics(state).susceptibility ?? 0, [persuadee]: 0 };
    },
    metrics: susceptibilityMetrics,
  };
}
